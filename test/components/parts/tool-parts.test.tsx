import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { ChatMessageInput, ToolCallPart } from '../../../src/core/messages.js';
import {
  SourceList,
  StreamingMessageBubble,
  ToolCallView,
  type ToolRendererProps,
} from '../../../src/components/index.js';

const call = (fields: Partial<ToolCallPart> = {}): ToolCallPart => ({
  type: 'tool-call',
  toolCallId: 'call_1',
  toolName: 'get_weather',
  argsText: '{"city":"Paris"}',
  args: { city: 'Paris' },
  state: 'result',
  result: { celsius: 18 },
  ...fields,
});

const details = (container: HTMLElement) => container.querySelector('details') as HTMLDetailsElement;

describe('ToolCallView', () => {
  it('shows the name, the state, the arguments as they stream, and stays open while under way', () => {
    const { container, rerender } = render(
      <ToolCallView call={call({ state: 'streaming-args', argsText: '{"ci', args: undefined, result: undefined })} />,
    );
    expect(details(container).open).toBe(true);
    expect(container.querySelector('summary')).toHaveTextContent('get_weatherPreparing');
    expect(container.querySelector('[data-slot="tool-call-arguments"]')).toHaveTextContent('{"ci');

    rerender(<ToolCallView call={call({ state: 'running', result: undefined })} />);
    expect(details(container).open).toBe(true);
    expect(container.querySelector('summary')).toHaveTextContent('Running');
    // Complete arguments are indented JSON.
    expect(container.querySelector('[data-slot="tool-call-arguments"]')?.textContent).toBe('{\n  "city": "Paris"\n}');
  });

  it('folds once done, shows the result, and then leaves the reader’s own toggling alone', () => {
    const { container, rerender } = render(<ToolCallView call={call({ state: 'running', result: undefined })} />);
    rerender(<ToolCallView call={call()} />);
    expect(details(container).open).toBe(false);
    expect(container.querySelector('[data-slot="tool-call"]')).toHaveAttribute('data-state', 'result');
    expect(container.querySelector('summary')).toHaveTextContent('Done');
    expect(container.querySelector('[data-slot="tool-call-result"]')?.textContent).toBe('{\n  "celsius": 18\n}');
    details(container).open = true;
    rerender(<ToolCallView call={call()} />);
    expect(details(container).open).toBe(true);
  });

  it('a failed call stays open with its error; a text result shows as it is', () => {
    const { container, rerender } = render(
      <ToolCallView call={call({ state: 'error', result: undefined, errorText: 'The service is down.' })} />,
    );
    expect(details(container).open).toBe(true);
    expect(container.querySelector('summary')).toHaveTextContent('Failed');
    expect(container.querySelector('[data-slot="tool-call-error"]')).toHaveTextContent('The service is down.');
    rerender(<ToolCallView call={call({ result: 'sunny' })} />);
    expect(container.querySelector('[data-slot="tool-call-result"]')?.textContent).toBe('sunny');
  });

  it('a waiting call offers Approve and Deny when it can be answered, and each gives its result', () => {
    const addResult = vi.fn();
    const waiting = call({ state: 'awaiting-result', result: undefined });
    const { rerender } = render(<ToolCallView call={waiting} />);
    expect(screen.queryByRole('button', { name: 'Approve' })).toBeNull();
    rerender(<ToolCallView call={waiting} addResult={addResult} />);
    const group = screen.getByRole('group', { name: 'get_weather' });
    expect(screen.getByText('Waiting for you')).toBeInTheDocument();
    fireEvent.click(within(group).getByRole('button', { name: 'Approve' }));
    fireEvent.click(within(group).getByRole('button', { name: 'Deny' }));
    expect(addResult.mock.calls).toEqual([[{ approved: true }], [{ approved: false }]]);
  });

  it('shows what the model wrote as text, never as markup', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const { container } = render(
      <ToolCallView call={call({ toolName: hostile, argsText: hostile, args: undefined, state: 'streaming-args' })} />,
    );
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[data-slot="tool-call-name"]')?.textContent).toBe(hostile);
  });
});

describe('SourceList', () => {
  it('lists web pages with title and host, opening in a new tab without a handle on the chat', () => {
    render(
      <SourceList
        sources={[
          { url: 'https://www.example.com/a', title: 'Example A' },
          { url: 'http://docs.example.org/b' },
          { url: 'javascript:alert(1)', title: 'Click me' },
          { url: 'data:text/html,<script>alert(1)</script>' },
          { url: 'not a url' },
        ]}
      />,
    );
    const list = screen.getByRole('list', { name: 'Sources' });
    const links = within(list).getAllByRole('link');
    expect(links.map((a) => [a.getAttribute('href'), a.textContent])).toEqual([
      ['https://www.example.com/a', 'Example Aexample.com(opens in a new tab)'],
      ['http://docs.example.org/b', 'docs.example.org(opens in a new tab)'],
    ]);
    for (const link of links) {
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    }
  });

  it('renders nothing when no source is a web page', () => {
    const { container } = render(<SourceList sources={[{ url: 'javascript:alert(1)' }]} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('a message with tool calls and sources', () => {
  const message = (parts: ChatMessageInput['parts'], status: ChatMessageInput['status'] = 'complete') => ({
    id: 'a1',
    role: 'assistant' as const,
    status,
    createdAt: 0,
    parts,
  });

  it('shows its parts in order — text, the call, more text — and its sources under it', () => {
    const { container } = render(
      <StreamingMessageBubble
        message={message([
          { type: 'text', text: 'Let me look.' },
          call(),
          { type: 'text', text: 'It is 18 °C.' },
          { type: 'source', url: 'https://example.com/weather', title: 'Weather' },
        ])}
      />,
    );
    const slots = [...container.querySelectorAll('[data-slot]')]
      .map((el) => el.getAttribute('data-slot'))
      .filter((slot) => ['message-body', 'tool-call', 'message-sources'].includes(slot ?? ''));
    expect(slots).toEqual(['message-body', 'tool-call', 'message-body', 'message-sources']);
    expect(screen.getByRole('link', { name: /Weather/ })).toHaveAttribute('href', 'https://example.com/weather');
  });

  it('uses the renderer given for a tool, with a way to answer the call', () => {
    const onToolResult = vi.fn();
    function WeatherCard({ call: c, addResult }: ToolRendererProps) {
      return (
        <button type="button" onClick={() => addResult?.('ok')}>
          Weather for {(c.args as { city: string }).city}
        </button>
      );
    }
    render(
      <StreamingMessageBubble
        message={message([call({ state: 'awaiting-result' }), call({ toolCallId: 'call_2', toolName: 'constructor' })])}
        toolRenderers={{ get_weather: WeatherCard }}
        onToolResult={onToolResult}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Weather for Paris' }));
    expect(onToolResult).toHaveBeenCalledWith('call_1', 'ok');
    // A tool name that is not the host's own gets the generic view, whatever the prototype holds.
    expect(screen.getByText('constructor')).toBeInTheDocument();
  });

  it('shows the caret while the next words are awaited after the tools, not while a tool runs', () => {
    const { container, rerender } = render(
      <StreamingMessageBubble message={message([call({ state: 'running', result: undefined })], 'streaming')} />,
    );
    expect(container.querySelector('[data-slot="message-body"]')).toBeNull();
    rerender(<StreamingMessageBubble message={message([call()], 'streaming')} />);
    expect(container.querySelector('[data-slot="message-body"]')).not.toBeNull();
  });
});

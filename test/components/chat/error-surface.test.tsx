import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { EnhancedChatInterface } from '../../../src/components/index.js';
import { answer, createScriptedFetch, settle } from '../../support/scripted-fetch.js';

async function ask(options: { status: number; body?: unknown; onAuthRequired?: () => void }) {
  const server = createScriptedFetch();
  server.reply(() =>
    Response.json(options.body ?? { error: { message: 'nope' } }, {
      status: options.status,
      headers: options.status === 429 ? { 'Retry-After': '30' } : {},
    }),
  );
  render(
    <EnhancedChatInterface
      chatOptions={{ fetch: server.fetch, endpoint: '/chat', retry: { maxRetries: 0 }, fallbackToNonStreaming: false }}
      onAuthRequired={options.onAuthRequired}
    />,
  );
  const box = screen.getByRole('textbox', { name: 'Message' });
  fireEvent.change(box, { target: { value: 'Hello' } });
  await act(async () => {
    fireEvent.keyDown(box, { key: 'Enter' });
    await settle();
  });
  const answerView = screen.getAllByRole('article').at(-1)!;
  return { server, answerView, notice: answerView.querySelector<HTMLElement>('[data-slot="message-status"]') };
}

describe('one error surface', () => {
  it('shows a failed answer once, in the transcript, in plain words with Retry — no toast, no pill', async () => {
    const { server, answerView, notice } = await ask({ status: 503, body: 'Service Unavailable' });
    expect(answerView).toHaveAttribute('data-status', 'error');
    expect(notice).toHaveTextContent('The server had a problem');
    expect(notice).toHaveTextContent('The service could not answer this time.');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.querySelector('[data-slot="connection-status"]')).not.toHaveTextContent(/problem|fail/i);
    expect(screen.getAllByText('The server had a problem')).toHaveLength(1);
    // Screen readers are told, since no alert is.
    expect(document.querySelector('[data-slot="chat-announcer"]')).toHaveTextContent(
      'The server had a problem. The service could not answer this time.',
    );
    server.reply(() => answer('Back again.'));
    await act(async () => {
      fireEvent.click(within(notice!).getByRole('button', { name: 'Retry' }));
      await settle();
    });
    expect(screen.getByText('Back again.')).toBeInTheDocument();
    expect(document.querySelector('[data-slot="message-status"]')).toBeNull();
  });

  it('an expired session offers Sign in through onAuthRequired, never Retry', async () => {
    const onAuthRequired = vi.fn();
    const { notice } = await ask({ status: 401, onAuthRequired });
    expect(notice).toHaveTextContent('Session expired');
    expect(within(notice!).queryByRole('button', { name: 'Retry' })).toBeNull();
    fireEvent.click(within(notice!).getByRole('button', { name: 'Sign in' }));
    expect(onAuthRequired).toHaveBeenCalledOnce();
  });

  it("a refused request shows the server's own words and no action", async () => {
    const { notice } = await ask({ status: 400, body: { error: { message: 'This model does not take images.' } } });
    expect(notice).toHaveTextContent('This model does not take images.');
    expect(within(notice!).queryAllByRole('button')).toHaveLength(0);
  });

  it('a rate limit that outlasted the retries keeps Retry disabled, counting down, until Retry-After ends', async () => {
    const { notice } = await ask({ status: 429 });
    expect(within(notice!).getByRole('button', { name: /^Retry in (29|30) s$/ })).toBeDisabled();
  });
});

import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { StreamingMessageBubble } from '../../src/components/index.js';
import { loadLazyParts } from '../support/lazy-parts.js';

beforeAll(loadLazyParts);

describe('StreamingMessageBubble', () => {
  it("its labels reach its parts: a code block's Copy speaks the bubble's language", () => {
    render(
      <StreamingMessageBubble
        message={{ id: 'a', role: 'assistant', content: '```js\nx()\n```', status: 'complete', createdAt: 0 }}
        labels={{ copyCode: 'نسخ الشيفرة' }}
      />,
    );
    expect(screen.getByRole('button', { name: 'نسخ الشيفرة' })).toBeInTheDocument();
  });

  it('a finished answer says how long the model thought; while it thinks, that it is thinking', () => {
    const parts = [
      { type: 'reasoning' as const, text: 'Let me see. ', durationMs: 2_400 },
      { type: 'reasoning' as const, text: 'Yes.', durationMs: 1_300 },
      { type: 'text' as const, text: 'Done.' },
    ];
    const { rerender } = render(
      <StreamingMessageBubble message={{ id: 'a', role: 'assistant', parts, status: 'complete', createdAt: 0 }} />,
    );
    expect(screen.getByText('Thought for 4 s')).toBeInTheDocument();
    rerender(
      <StreamingMessageBubble
        message={{
          id: 'a',
          role: 'assistant',
          parts: [{ type: 'reasoning', text: 'Hmm' }],
          status: 'streaming',
          createdAt: 0,
        }}
      />,
    );
    expect(document.querySelector('summary')).toHaveTextContent('Thinking…');
    expect(document.querySelector('summary')).not.toHaveTextContent('Thought for');
  });
});

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChatRoot, ChatTranscript } from '../../../src/components/index.js';

const initialMessages = Array.from({ length: 210 }, (_, i) => ({
  id: `h${i}`,
  role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
  content: `Message ${i}`,
  status: 'complete' as const,
  createdAt: 0,
}));

describe('a transcript that mounts with a long history', () => {
  it('mounts its end first, then every older message, and ends with all of them in order', () => {
    const firstRenders: string[] = [];
    function Message({ messageId }: { messageId: string }) {
      if (!firstRenders.includes(messageId)) firstRenders.push(messageId);
      return <p data-testid="message">{messageId}</p>;
    }
    render(
      <ChatRoot options={{ initialMessages }}>
        <ChatTranscript messageComponent={Message} />
      </ChatRoot>,
    );
    // 210 messages are 9 chunks of 25 (the last one 10): the last two chunks render first, the rest after them.
    expect(firstRenders.slice(0, 35)).toEqual(initialMessages.slice(175).map((m) => m.id));
    expect(firstRenders.slice(35, 60)).toEqual(initialMessages.slice(150, 175).map((m) => m.id));
    expect(screen.getAllByTestId('message').map((p) => p.textContent)).toEqual(initialMessages.map((m) => m.id));
  });
});

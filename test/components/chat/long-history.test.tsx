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
const ids = initialMessages.map((m) => m.id);

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
    // Runs of messages that first rendered together: each run a stretch of the history, in the order they mounted.
    const runs: string[][] = [];
    for (const id of firstRenders) {
      const run = runs.at(-1);
      if (run && ids.indexOf(id) === ids.indexOf(run.at(-1)!) + 1) run.push(id);
      else runs.push([id]);
    }
    // The end first (what the reader sees), not the whole history at once.
    expect(runs[0]!.at(-1)).toBe(ids.at(-1));
    expect(runs[0]!.length).toBeLessThan(ids.length / 2);
    // Then the older messages, newest first, in more than one step, each message once.
    expect(runs.length).toBeGreaterThan(2);
    expect(runs.toReversed().flat()).toEqual(ids);
    expect(screen.getAllByTestId('message').map((p) => p.textContent)).toEqual(ids);
  });
});

import type { Meta, StoryObj } from '@storybook/react-vite';
import { http } from 'msw';
import { useEffect, useState } from 'react';
import { expect, waitFor } from 'storybook/test';
import { encodeSseEvent, sseResponse } from '../../src/msw/sse.js';

/**
 * Proves that an SSE body mocked by MSW reaches the page chunk by chunk, not buffered whole:
 * every streaming story depends on it. The mock sends its first event, then holds the stream open
 * until the play function has seen that event rendered, and only then sends the last one.
 */

const ENDPOINT = '/__diagnostics/sse';

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

let firstChunkSeen = deferred();

/** Reads the stream with fetch and shows each chunk the moment it arrives. */
function StreamReader() {
  const [chunks, setChunks] = useState<string[]>([]);
  const [done, setDone] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    void (async () => {
      const response = await fetch(ENDPOINT, { signal: controller.signal });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done: ended } = await reader.read();
        if (ended) break;
        const text = decoder.decode(value, { stream: true });
        setChunks((previous) => [...previous, text]);
      }
      setDone(true);
    })().catch(() => {});
    return () => controller.abort();
  }, []);
  return (
    <div role="log" aria-busy={!done} className="pc:font-mono pc:text-sm">
      {chunks.map((chunk, i) => (
        <pre key={i} data-testid="chunk">
          {chunk}
        </pre>
      ))}
      {done && <p>Stream closed.</p>}
    </div>
  );
}

const meta = {
  title: 'Diagnostics/MSW SSE streaming',
  component: StreamReader,
  tags: ['!autodocs'],
  beforeEach({ msw }) {
    firstChunkSeen = deferred();
    const gate = firstChunkSeen;
    msw.use(
      http.get(ENDPOINT, () =>
        sseResponse(
          (async function* () {
            yield encodeSseEvent({ id: '1', data: 'first' });
            await gate.promise;
            yield encodeSseEvent({ id: '2', data: 'last' });
          })(),
        ),
      ),
    );
  },
} satisfies Meta<typeof StreamReader>;

export default meta;

export const ChunksArriveIncrementally: StoryObj<typeof meta> = {
  play: async ({ canvas }) => {
    const first = await canvas.findByText(/data: first/, {}, { timeout: 5000 });
    await expect(first).toBeVisible();
    // The last chunk cannot have been sent yet: the mock is waiting for this very moment.
    await expect(canvas.queryByText(/data: last/)).toBeNull();
    await expect(canvas.getByRole('log')).toHaveAttribute('aria-busy', 'true');
    firstChunkSeen.resolve();
    await waitFor(() => expect(canvas.getByText(/data: last/)).toBeVisible());
    await expect(await canvas.findByText('Stream closed.')).toBeVisible();
  },
};

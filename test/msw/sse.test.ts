import { describe, expect, it } from 'vitest';
import { encodeSseEvent, sseResponse } from '../../src/msw/sse.js';

describe('encodeSseEvent', () => {
  it('writes every field and ends with the blank line that dispatches the event', () => {
    expect(encodeSseEvent({ event: 'insight', id: '7', retry: 1500, data: { a: 1 } })).toBe(
      'event: insight\nid: 7\nretry: 1500\ndata: {"a":1}\n\n',
    );
  });

  it('splits a multi-line payload into several data lines', () => {
    expect(encodeSseEvent({ data: 'one\ntwo\r\nthree' })).toBe('data: one\ndata: two\ndata: three\n\n');
  });
});

describe('sseResponse', () => {
  it('streams its chunks as text/event-stream', async () => {
    const response = sseResponse(['data: a\n\n', 'data: b\n\n']);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(await response.text()).toBe('data: a\n\ndata: b\n\n');
  });

  it('stops pulling from the source when the reader cancels', async () => {
    let produced = 0;
    function* endless() {
      for (;;) {
        produced += 1;
        yield `data: ${produced}\n\n`;
      }
    }
    const reader = (sseResponse(endless()).body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await reader.cancel();
    const after = produced;
    await new Promise((r) => setTimeout(r, 10));
    expect(produced).toBe(after);
    expect(after).toBeLessThan(5);
  });
});

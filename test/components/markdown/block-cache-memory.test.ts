import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BlockCache } from '../../../src/components/markdown/block-cache.js';

// A real collection between measurements, without starting Node with --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('BlockCache memory', () => {
  it('keeps a streamed answer of many paragraphs at a small multiple of its text, not one copy per paragraph', () => {
    const words = 'Streaming keeps one response open, مرحبا بالعالم 🎉, with `code` and **bold** words. '.split(' ');
    gc();
    const before = process.memoryUsage().heapUsed;
    const cache = new BlockCache();
    let text = '';
    for (let i = 0; i < 15_000; i += 1) {
      text += `${words[i % words.length]} `;
      if (i % 40 === 39) text += '\n\n';
      if (i % 10 === 0) cache.update(text, true);
    }
    cache.update(text, true);
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    // 2 bytes a character (the text holds Arabic and emoji). With each finished block pinning the answer as it was
    // when it finished, this measured ~200× (and grows with the length); the cache's own tokens take under 10×.
    expect(growth / (text.length * 2)).toBeLessThan(30);
    expect(cache.update(text, false).stable.length).toBeGreaterThan(350);
    // A heap measurement with full collections: seconds, not milliseconds, on a busy machine.
  }, 30_000);
});

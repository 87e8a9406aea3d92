import { describe, expect, it } from 'vitest';
import { BlockCache } from '../../../src/components/markdown/block-cache.js';

describe('BlockCache while streaming', () => {
  // Markdown skips the finished blocks as one (a memo on this list): the list must keep its identity while no block
  // finishes, and be a new array when one does.
  it('returns the same list of finished blocks until a block finishes, then a new one', () => {
    const cache = new BlockCache();
    const paragraphs = Array.from(
      { length: 50 },
      (_, i) => `Paragraph ${i} with **bold** and a [link](https://example.com/${i}).`,
    );
    let text = `${paragraphs.join('\n\n')}\n\nThe live`;
    const first = cache.update(text, true).stable;
    expect(first.length).toBeGreaterThan(40);
    for (const token of [' par', 'agra', 'ph g', 'rows']) {
      text += token;
      expect(cache.update(text, true).stable).toBe(first);
    }
    text += '.\n\nA new paragraph\n';
    const after = cache.update(text, true).stable;
    expect(after).not.toBe(first);
    expect(after.length).toBeGreaterThan(first.length);
  });
});

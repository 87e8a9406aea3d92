/**
 * Property-based: whatever markdown-ish text the model writes — random mixes of markdown syntax, HTML, URLs and the
 * known pathological shapes, finished and streaming — rendering never throws, never produces an element or attribute
 * outside the safe set, never loads an image from an origin not allowed, and stays within the work bound
 * max(250 ms, 2.5 ms per KiB).
 */
import fc from 'fast-check';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Markdown } from '../../../src/components/markdown/Markdown.js';

const ALLOWED_IMAGE_ORIGIN = 'https://img.example';

/** Every element our markdown may render (code blocks, tables, task lists, chips and the link host included). */
const SAFE_TAGS = new Set([
  'div',
  'p',
  'span',
  'h3',
  'h4',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'br',
  'hr',
  'blockquote',
  'ul',
  'ol',
  'li',
  'input',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'a',
  'img',
  'button',
  'svg',
  'path',
]);
const SAFE_ATTRIBUTES = new Set([
  'class',
  'data-slot',
  'data-state',
  'data-streaming',
  'data-fallback',
  'dir',
  'href',
  'target',
  'rel',
  'src',
  'alt',
  'loading',
  'referrerpolicy',
  'title',
  'type',
  'checked',
  'disabled',
  'readonly',
  'start',
  'tabindex',
  'aria-live',
  'aria-hidden',
  'aria-label',
  'viewbox',
  'd',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-linecap',
  'stroke-linejoin',
]);

const pieces = fc.constantFrom(
  '*',
  '**',
  '_',
  '__',
  '~~',
  '`',
  '```',
  '~~~',
  '>',
  '> ',
  '- ',
  '1. ',
  '  ',
  '    ',
  '\n',
  '\n\n',
  '#',
  '# ',
  '|',
  '|---|',
  '[',
  ']',
  '(',
  ')',
  '![',
  '](',
  '<',
  '>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  'https://attacker.example/p.png?d=SECRET',
  `${ALLOWED_IMAGE_ORIGIN}/ok.png`,
  'data:image/png;base64,AAAA',
  'mailto:a@b.example',
  '\\',
  '&lt;',
  '&#106;avascript:',
  'word',
  ' ',
  '\t',
  '"',
  "'",
  '[x]: https://attacker.example/r.png',
  '- [ ] ',
  '- [x] ',
  '$$',
  '\u202e',
  '\u0000',
);

/** Text made of markdown pieces, or a known pathological shape repeated to a random length. */
const hostileText = fc.oneof(
  { weight: 4, arbitrary: fc.array(pieces, { maxLength: 120 }).map((parts) => parts.join('')) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('>', '> ', '*a', '**a', '`a', '[', '_a', '~~a', '- ', '![a](', '[a](', '  - a\n'),
        fc.integer({ min: 100, max: 6_000 }),
      )
      .map(([unit, count]) => unit.repeat(count)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
);

function check(markup: string, text: string): void {
  const from = ` from ${JSON.stringify(text.slice(0, 80))}`;
  // React escapes < and > in text, so every "<name ...>" is an element it made.
  for (const [, tag, attributes] of markup.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
    expect(SAFE_TAGS.has((tag as string).toLowerCase()), `<${tag}>${from}`).toBe(true);
    for (const [, name, value] of (attributes as string).matchAll(/\s([a-zA-Z][\w:-]*)(?:="([^"]*)")?/g)) {
      const attribute = (name as string).toLowerCase();
      expect(SAFE_ATTRIBUTES.has(attribute) || attribute.startsWith('data-'), `${attribute}${from}`).toBe(true);
      if (attribute === 'href' || attribute === 'src') expect(value, `${attribute}${from}`).toMatch(/^https?:\/\//);
      if (tag === 'img' && attribute === 'src')
        expect(new URL((value as string).replaceAll('&amp;', '&')).origin, `img${from}`).toBe(ALLOWED_IMAGE_ORIGIN);
    }
  }
}

describe('rendering model text, fuzzed', () => {
  it('never throws, renders only safe elements, loads only allowed images, and stays within the work bound', () => {
    fc.assert(
      fc.property(hostileText, fc.boolean(), (text, streaming) => {
        const render = () =>
          renderToStaticMarkup(
            <Markdown streaming={streaming} allowedImageOrigins={[ALLOWED_IMAGE_ORIGIN]}>
              {text}
            </Markdown>,
          );
        const bound = Math.max(250, 2.5 * (text.length / 1024));
        let start = performance.now();
        const markup = render();
        let elapsed = performance.now() - start;
        // A GC pause or a busy machine can stall one render: over the bound, the best of three more decides, so
        // only work that really grows past it fails.
        for (let retry = 0; retry < 3 && elapsed >= bound; retry++) {
          start = performance.now();
          render();
          elapsed = Math.min(elapsed, performance.now() - start);
        }
        check(markup, text);
        expect(elapsed, `${elapsed.toFixed(0)} ms for ${text.length} characters`).toBeLessThan(bound);
      }),
      { numRuns: 2_000 },
    );
    // 2,000 renders: each has its own bound above; the whole run on two busy cores may take well over the default 5 s.
  }, 60_000);
});

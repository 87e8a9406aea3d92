import { render } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { StreamingMessageBubble } from '../../../src/components/StreamingMessageBubble.js';
import type { ChatMessageInput } from '../../../src/core/messages.js';
import { loadLazyParts } from '../../support/lazy-parts.js';

/** Payloads from the usual XSS cheat sheets, as raw HTML and as markdown tricks. */
const payloads = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.test/x.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<div onmouseover="alert(1)">hover</div>',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<marquee onstart=alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<style>@import "javascript:alert(1)";</style>',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>x</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<base href="javascript:alert(1)//">',
  '<isindex action=javascript:alert(1) type=image>',
  '<table background="javascript:alert(1)">',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](java\tscript:alert(1))',
  '[click]( javascript:alert(1) )',
  '[click](<javascript:alert(1)>)',
  '[click](vbscript:msgbox(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](data:text/html,<script>alert(1)</script>)',
  '![img](javascript:alert(1))',
  '![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![x](https://x.test/a.png"onerror="alert(1))',
  '[x](https://x.test "title" onclick="alert(1)")',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '[a](javascript:alert(1)) and **[b](javascript:alert(2))**',
  '`<script>alert(1)</script>`',
  '```html\n<script>alert(1)</script>\n```',
  '> <img src=x onerror=alert(1)>',
  '- <svg onload=alert(1)>',
  '| a |\n|---|\n| <img src=x onerror=alert(1)> |',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  '<img srcset="javascript:alert(1)">',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
];

const message = (content: string): ChatMessageInput => ({
  id: 'x',
  role: 'assistant',
  content,
  status: 'complete',
  createdAt: 0,
});

// Code and formulas as a reader sees them in the end: coloured, and MathML.
beforeAll(loadLazyParts);

describe('model text is untrusted', () => {
  it(`renders ${payloads.length} XSS payloads with no script, no on* attribute and no unsafe URL`, () => {
    expect(payloads.length).toBeGreaterThanOrEqual(50);
    for (const payload of payloads) {
      for (const streaming of [false, true]) {
        const { container, unmount } = render(
          <StreamingMessageBubble message={message(payload)} isStreaming={streaming} streamingContent={payload} />,
        );
        const elements = [...container.querySelectorAll('*')];
        expect(
          // Our own icons are decorative SVGs of paths; no other SVG, nor anything inside one, may come from the text.
          container.querySelector(
            'script, iframe, object, embed, style, link, meta, base, form, svg:not([aria-hidden="true"]), svg :not(path)',
          ),
          payload,
        ).toBeNull();
        for (const element of elements) {
          for (const attribute of [...element.attributes]) {
            expect(attribute.name.startsWith('on'), `${payload}: ${attribute.name}`).toBe(false);
            if (
              ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'background'].includes(attribute.name)
            ) {
              expect(attribute.value, payload).not.toMatch(/^\s*(javascript|vbscript|data):/i);
            }
          }
        }
        unmount();
      }
    }
  });
});

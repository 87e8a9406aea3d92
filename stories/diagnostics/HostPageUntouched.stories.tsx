import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect } from 'storybook/test';
import hostFont from '@fontsource-variable/noto-serif/files/noto-serif-latin-wght-normal.woff2?url';
import libraryCss from '../../src/styles/index.css?inline';

/**
 * Proves that `styles.css` cannot restyle a host page: a plain page (no CSS framework, browser defaults but for
 * its font) is measured before and after the library's stylesheet is added, and every computed property of its
 * body, headings, paragraphs, links, lists and buttons must be unchanged. Only custom properties (`--pc-*`, which
 * style nothing by themselves) may appear.
 *
 * The page brings its own font, self-hosted, for its text and its form controls: the browser's default faces are
 * whatever the machine has installed, and the picture of this story must be the same on every machine.
 */
const hostPage = `<!doctype html><html><head><style>
  @font-face { font-family: 'Host Serif'; src: url('${hostFont}') format('woff2'); font-weight: 100 900; }
  html, button, input, textarea { font-family: 'Host Serif'; }
</style></head><body>
  <h1>Host heading</h1><p>Host paragraph with <a href="#x">a link</a>.</p>
  <ul><li>one</li><li>two</li></ul><button>Host button</button><input value="field"><textarea>text</textarea>
</body></html>`;

function snapshot(doc: Document): Record<string, string> {
  const values: Record<string, string> = {};
  for (const selector of ['html', 'body', 'h1', 'p', 'a', 'ul', 'li', 'button', 'input', 'textarea']) {
    const element = doc.querySelector(selector) as Element;
    const style = doc.defaultView?.getComputedStyle(element) as CSSStyleDeclaration;
    for (const property of Array.from(style)) {
      if (!property.startsWith('--')) values[`${selector} ${property}`] = style.getPropertyValue(property);
    }
  }
  return values;
}

function HostFrame() {
  return (
    <iframe title="Host page" srcDoc={hostPage} style={{ width: '480px', height: '240px', border: '1px solid' }} />
  );
}

const meta = {
  title: 'Diagnostics/Host page untouched',
  component: HostFrame,
  tags: ['!autodocs'],
} satisfies Meta<typeof HostFrame>;

export default meta;

export const StylesCssChangesNothing: StoryObj<typeof meta> = {
  // The host page inside has no styles of its own (black on white): the light canvas shows it as it is.
  globals: { theme: 'light' },
  play: async ({ canvasElement }) => {
    const frame = canvasElement.querySelector('iframe') as HTMLIFrameElement;
    await new Promise<void>((resolve) => {
      if (frame.contentDocument?.readyState === 'complete' && frame.contentDocument.querySelector('h1')) resolve();
      else frame.addEventListener('load', () => resolve(), { once: true });
    });
    const doc = frame.contentDocument as Document;
    await doc.fonts.load("16px 'Host Serif'");
    await expect(doc.fonts.check("16px 'Host Serif'")).toBe(true);
    const before = snapshot(doc);
    const style = doc.createElement('style');
    style.textContent = libraryCss;
    doc.head.append(style);
    const after = snapshot(doc);
    await expect(libraryCss).toContain('.pc\\:flex');
    await expect(Object.keys(before).length).toBeGreaterThan(1000);
    const changed = Object.keys(before).filter((key) => before[key] !== after[key]);
    await expect(changed).toEqual([]);
  },
};

import type { ReactElement } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { Streamdown } from 'streamdown';
import { Markdown as OurMarkdown } from '../../../src/components/markdown/Markdown.js';
import type { Renderer } from '../protocol.js';

/*
 * Each renderer as its users write it for a streaming answer. Streamdown as its README shows it, streaming
 * (`isAnimating`), without its optional plugins (code, math, mermaid, CJK): plain prose needs none of them.
 * react-markdown with remark-gfm, as assistant-ui and LlamaIndex chat-ui use it.
 */

const remarkPlugins = [remarkGfm];

const renderers: Record<Renderer, (props: { text: string }) => ReactElement> = {
  plain: ({ text }) => <div style={{ whiteSpace: 'pre-wrap' }}>{text}</div>,
  ours: ({ text }) => <OurMarkdown streaming>{text}</OurMarkdown>,
  streamdown: ({ text }) => <Streamdown isAnimating>{text}</Streamdown>,
  'react-markdown': ({ text }) => <Markdown remarkPlugins={remarkPlugins}>{text}</Markdown>,
};

export function Answer({ renderer, text }: { renderer: Renderer; text: string }): ReactElement {
  const Render = renderers[renderer];
  return <Render text={text} />;
}

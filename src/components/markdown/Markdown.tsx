'use client';
import type { Token } from 'marked';
import { memo, useState, type ReactElement } from 'react';
import { cn } from '../lib/cn.js';
import { BlockCache } from './block-cache.js';
import { renderBlocks } from './render.js';

export interface MarkdownProps {
  /** The markdown to show (untrusted model text: rendered safely, never as HTML). */
  children: string;
  /** Still arriving: the last block is completed on the fly and a caret follows it. @default false */
  streaming?: boolean;
  /** Joined last. Size and line height come from here or from the surrounding text (none are set by default). */
  className?: string;
}

/** A finished block renders once; later tokens of the answer never re-render it. */
const Block = memo(function Block({ tokens }: { tokens: Token[] }) {
  return <>{renderBlocks(tokens)}</>;
});

/** Safe GFM markdown that streams smoothly: finished blocks are parsed and rendered once. */
export function Markdown({ children, streaming = false, className }: MarkdownProps): ReactElement {
  const [cache] = useState(() => new BlockCache());
  const { stable, live } = cache.update(children, streaming);
  return (
    <div
      data-slot="markdown"
      data-streaming={streaming ? '' : undefined}
      className={cn('pc:min-w-0 pc:break-words', className)}
    >
      {stable.map((block) => (
        <Block key={block.id} tokens={block.tokens} />
      ))}
      {renderBlocks(live, 'live')}
    </div>
  );
}

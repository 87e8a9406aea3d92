'use client';
import { useMemo, useRef, type ReactElement, type ReactNode } from 'react';
import { useLabels } from '../labels.js';
import { lazyModule, useLazyModule } from '../lib/lazy-module.js';
import { CopyButton } from '../lib/CopyButton.js';
import { messageBubbleEn } from '../labels-en.js';
import { useScrollOverflow } from '../lib/use-scroll-overflow.js';
import { grammarFor } from './code-languages.js';

const highlighter = lazyModule(() => import('./highlighter.js'));

/** Longer code stays plain: highlighting it would block the page for tens of milliseconds. */
const MAX_HIGHLIGHT_CHARS = 20_000;
/**
 * Lines per text node of plain code. A block still streaming grows in its last node only, and the browser lays out
 * that node again instead of the whole block (an open 2,000-line block: 3.5 → 1.6 ms of layout a token).
 */
const LINES_PER_NODE = 100;

/** The code cut into text nodes of `LINES_PER_NODE` lines (one node when it is shorter). */
function inTextNodes(code: string): string[] {
  const nodes: string[] = [];
  let start = 0;
  let lines = 0;
  for (let end = code.indexOf('\n'); end >= 0; end = code.indexOf('\n', end + 1)) {
    lines += 1;
    if (lines % LINES_PER_NODE === 0) {
      nodes.push(code.slice(start, end + 1));
      start = end + 1;
    }
  }
  nodes.push(code.slice(start));
  return nodes;
}

export interface CodeBlockProps {
  code: string;
  /** The fence's language (`ts`, `python`); unknown ones and none stay plain. */
  language: string;
  /**
   * Colour the code once the highlighter has loaded. The markdown renderer passes `false` for the block still
   * streaming: highlighting it on every frame would cost work that grows with the block at each token, so it shows
   * plain and takes its colours once, when it is finished. @default true
   */
  highlight?: boolean;
}

/**
 * A fenced code block: its language, a Copy button, and the code, scrolling sideways rather than wrapping (a fade at
 * the end says there is more). The code shows at once; its colours follow when the highlighter has loaded, in the same
 * font and size, so nothing moves. `data-state` says which it shows: `plain`, `loading` or `highlighted`.
 */
export function CodeBlock({ code, language, highlight = true }: CodeBlockProps): ReactElement {
  const text = useLabels('messageBubble', messageBubbleEn);
  const grammar = highlight && code.length <= MAX_HIGHLIGHT_CHARS ? grammarFor(language) : null;
  const loaded = useLazyModule(highlighter, grammar !== null);
  const tokens = useMemo((): ReactNode[] | null => {
    if (!loaded || grammar === null) return null;
    try {
      return loaded.highlight(code, grammar);
    } catch {
      return null; // a grammar that fails on some text leaves that block plain
    }
  }, [loaded, code, grammar]);
  const pre = useRef<HTMLPreElement>(null);
  const overflow = useScrollOverflow(pre, code);
  return (
    <div
      data-slot="code-block"
      data-state={tokens ? 'highlighted' : grammar === null ? 'plain' : 'loading'}
      className="pc:my-2 pc:overflow-hidden pc:rounded-md pc:border pc:border-border pc:bg-muted pc:first:mt-0 pc:last:mb-0"
    >
      <div className="pc:flex pc:items-center pc:justify-between pc:gap-2 pc:border-b pc:border-border pc:px-3 pc:py-1 pc:text-xs pc:text-muted-foreground">
        <span data-slot="code-block-language" className="pc:font-mono">
          {language || 'text'}
        </span>
        <CopyButton
          text={code}
          label={text.copyCode}
          copiedLabel={text.copied}
          data-slot="code-block-copy"
          className="pc:-me-2"
        />
      </div>
      {/* LTR whatever the page direction: code reads left to right, so its hidden end is always on the right. */}
      <div dir="ltr" className="pc:relative">
        {/* Focusable so keyboards can scroll it. */}
        <pre
          ref={pre}
          tabIndex={0}
          className="pc:m-0 pc:overflow-x-auto pc:p-3 pc:text-start pc:font-mono pc:text-[0.8125rem] pc:leading-5 pc:focus-visible:outline-2 pc:focus-visible:outline-ring"
        >
          {/* The UA gives <code> its own `monospace`: inherit the block's font instead (the library's code font). */}
          <code className="pc:[font-family:inherit]">{tokens ?? inTextNodes(code)}</code>
        </pre>
        {overflow.moreAtEnd && (
          <span
            aria-hidden="true"
            data-slot="code-block-more"
            style={{ bottom: overflow.scrollbar }}
            className="pc:pointer-events-none pc:absolute pc:top-0 pc:end-0 pc:w-10 pc:bg-linear-to-r pc:from-transparent pc:to-muted"
          />
        )}
      </div>
    </div>
  );
}

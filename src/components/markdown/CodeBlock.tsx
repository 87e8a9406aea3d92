'use client';
import type { ReactElement } from 'react';
import { useLabels } from '../labels.js';
import { buttonVariants } from '../lib/button.js';
import { useCopy } from '../lib/use-copy.js';
import { messageBubbleEn } from '../labels-en.js';

/** A fenced code block: its language, a Copy button, and the code, scrolling sideways rather than wrapping. */
export function CodeBlock({ code, language }: { code: string; language: string }): ReactElement {
  const text = useLabels('messageBubble', messageBubbleEn);
  const { copied, copy } = useCopy(code);
  return (
    <div
      data-slot="code-block"
      className="pc:my-2 pc:overflow-hidden pc:rounded-md pc:border pc:border-border pc:bg-muted pc:first:mt-0 pc:last:mb-0"
    >
      <div className="pc:flex pc:items-center pc:justify-between pc:gap-2 pc:border-b pc:border-border pc:px-3 pc:py-1 pc:text-xs pc:text-muted-foreground">
        <span data-slot="code-block-language" className="pc:font-mono">
          {language || 'text'}
        </span>
        <button
          type="button"
          data-slot="code-block-copy"
          data-state={copied ? 'copied' : 'idle'}
          onClick={() => void copy()}
          className={buttonVariants({ variant: 'ghost', size: 'sm' })}
        >
          <span aria-live="polite">{copied ? text.copied : text.copyCode}</span>
        </button>
      </div>
      {/* LTR whatever the page direction: code reads left to right. Focusable so keyboards can scroll it. */}
      <pre
        dir="ltr"
        tabIndex={0}
        className="pc:m-0 pc:overflow-x-auto pc:p-3 pc:text-start pc:font-mono pc:text-[0.8125rem] pc:leading-5 pc:focus-visible:outline-2 pc:focus-visible:outline-ring"
      >
        <code>{code}</code>
      </pre>
    </div>
  );
}

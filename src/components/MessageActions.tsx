'use client';
import { forwardRef, type ComponentProps, type ReactElement } from 'react';
import type { MessageStatus } from '../core/messages.js';
import type { AnswerMetrics } from '../core/metrics.js';
import { useLabels, type MessageBubbleLabels } from './labels.js';
import { buttonVariants } from './lib/button.js';
import { cn } from './lib/cn.js';
import { useCopy } from './lib/use-copy.js';

export interface MessageActionsProps extends Omit<ComponentProps<'div'>, 'children' | 'onCopy'> {
  /** The answer's status: Retry shows for `interrupted` and `error`, Regenerate for `complete` and `stopped`. */
  status: MessageStatus;
  /** The text Copy puts on the clipboard; no Copy button while it is empty. */
  content: string;
  /** Time to first token and tokens/s, shown after the buttons. @default undefined (not shown) */
  metrics?: AnswerMetrics | undefined;
  /** Asks again after a failed or interrupted answer; no Retry button without it. */
  onRetry?: (() => void) | undefined;
  /** Replaces the answer with a new one; no Regenerate button without it. */
  onRegenerate?: (() => void) | undefined;
  /** Called after the text was copied. */
  onCopy?: (() => void) | undefined;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<MessageBubbleLabels> | undefined;
}

/** The actions under a finished answer: Retry or Regenerate, Copy (which says "Copied"), and its metrics. */
export const MessageActions = forwardRef<HTMLDivElement, MessageActionsProps>(function MessageActions(
  { status, content, metrics, onRetry, onRegenerate, onCopy, labels, className, ...props },
  ref,
): ReactElement {
  const text = useLabels('messageBubble', labels);
  const { copied, copy } = useCopy(content, onCopy);
  return (
    <div
      ref={ref}
      data-slot="message-actions"
      className={cn('pc:flex pc:flex-wrap pc:items-center pc:gap-1', className)}
      {...props}
    >
      {(status === 'interrupted' || status === 'error') && onRetry && (
        <button type="button" onClick={onRetry} className={buttonVariants({ variant: 'primary', size: 'sm' })}>
          {text.retry}
        </button>
      )}
      {content !== '' && (
        <button
          type="button"
          data-state={copied ? 'copied' : 'idle'}
          onClick={() => void copy()}
          className={buttonVariants({ variant: 'ghost', size: 'sm' })}
        >
          <span aria-live="polite">{copied ? text.copied : text.copy}</span>
        </button>
      )}
      {(status === 'complete' || status === 'stopped') && onRegenerate && (
        <button type="button" onClick={onRegenerate} className={buttonVariants({ variant: 'ghost', size: 'sm' })}>
          {text.regenerate}
        </button>
      )}
      {metrics && (
        <span data-slot="message-metrics" className="pc:ms-2 pc:text-xs pc:tabular-nums pc:text-muted-foreground">
          {[
            metrics.timeToFirstTokenMs !== null && text.timeToFirstToken(Math.round(metrics.timeToFirstTokenMs)),
            metrics.tokensPerSecond !== null && text.tokensPerSecond(Math.round(metrics.tokensPerSecond)),
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      )}
    </div>
  );
});

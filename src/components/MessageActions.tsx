'use client';
import { forwardRef, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import type { MessageFeedback, MessageStatus } from '../core/messages.js';
import type { AnswerMetrics } from '../core/metrics.js';
import { useLabels, type MessageBubbleLabels } from './labels.js';
import { buttonVariants } from './lib/button.js';
import { cn } from './lib/cn.js';
import { CopyButton } from './lib/CopyButton.js';
import { IconButton } from './lib/IconButton.js';
import { LineIcon } from './lib/line-icon.js';
import { messageBubbleEn } from './labels-en.js';

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
  /** The user's rating of the answer, shown as a pressed thumb. @default null */
  feedback?: MessageFeedback | null | undefined;
  /** Rates a complete or stopped answer; pressing the pressed thumb again gives `null`. No thumbs without it. */
  onFeedback?: ((feedback: MessageFeedback | null) => void) | undefined;
  /** Shown first: the branch picker of the answer, for one. */
  children?: ReactNode;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<MessageBubbleLabels> | undefined;
}

/** Lucide's glyphs; thumbs down is the thumb up flipped. */
const icons = {
  regenerate: 'M3 12a9 9 0 1 0 9-9 9.75 9.75 0 0 0-6.74 2.74L3 8M3 3v5h5',
  thumb:
    'M7 10v12M15 5.88 14 10h5.83a2 2 0 0 1 1.92 2.56l-2.33 8A2 2 0 0 1 17.5 22H4a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2h2.76a2 2 0 0 0 1.79-1.11L12 2a3.13 3.13 0 0 1 3 3.88Z',
};

/**
 * The actions under a finished answer, as icon buttons with tooltips: Retry (for a host that shows failures here),
 * Copy (which turns to a check and says "Copied"), Regenerate, thumbs up and down (toggle buttons), and its metrics.
 * In a chat they show on the latest answer and on hover or focus of the others.
 */
export const MessageActions = forwardRef<HTMLDivElement, MessageActionsProps>(function MessageActions(
  {
    status,
    content,
    metrics,
    onRetry,
    onRegenerate,
    onCopy,
    feedback = null,
    onFeedback,
    labels,
    className,
    children,
    ...props
  },
  ref,
): ReactElement {
  const text = useLabels('messageBubble', messageBubbleEn, labels);
  return (
    <div
      ref={ref}
      data-slot="message-actions"
      className={cn('pc:flex pc:flex-wrap pc:items-center pc:gap-1', className)}
      {...props}
    >
      {children}
      {(status === 'interrupted' || status === 'error') && onRetry && (
        <button type="button" onClick={() => onRetry()} className={buttonVariants({ variant: 'primary', size: 'sm' })}>
          {text.retry}
        </button>
      )}
      {content !== '' && <CopyButton text={content} label={text.copy} copiedLabel={text.copied} onCopied={onCopy} />}
      {(status === 'complete' || status === 'stopped') && onRegenerate && (
        <IconButton label={text.regenerate} icon={icons.regenerate} onClick={() => onRegenerate()} />
      )}
      {/* A failed answer is not rated: there is nothing to judge, and Retry is the one action that helps. */}
      {onFeedback &&
        (status === 'complete' || status === 'stopped') &&
        (['up', 'down'] as const).map((value) => (
          <IconButton
            key={value}
            label={value === 'up' ? text.goodAnswer : text.badAnswer}
            aria-pressed={feedback === value}
            data-slot="message-feedback"
            data-value={value}
            onClick={() => onFeedback(feedback === value ? null : value)}
            className="pc:aria-pressed:bg-muted pc:aria-pressed:text-accent"
            icon={
              <LineIcon
                d={icons.thumb}
                className={cn('pc:size-4', value === 'down' && 'pc:-scale-y-100')}
                fill={feedback === value ? 'currentColor' : 'none'}
                fillOpacity={feedback === value ? 0.25 : undefined}
              />
            }
          />
        ))}
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

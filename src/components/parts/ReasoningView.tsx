'use client';
import { forwardRef, type ComponentProps, type ReactElement } from 'react';
import type { ReasoningPart } from '../../core/messages.js';
import { EgyptianLoadingAnimation } from '../EgyptianLoadingAnimation.js';
import { useLabels, type MessageBubbleLabels } from '../labels.js';
import { DisclosureChevron } from '../lib/chevron-icon.js';
import { cn } from '../lib/cn.js';
import { Markdown } from '../markdown/Markdown.js';
import { messageBubbleEn } from '../labels-en.js';

export interface ReasoningViewProps extends Omit<ComponentProps<'details'>, 'children' | 'open'> {
  /** The reasoning to show: its text (a message's reasoning parts in a row, joined) and how long it took, once known. */
  reasoning: Pick<ReasoningPart, 'text' | 'durationMs'>;
  /** The reasoning is streaming now: it stays open, its text live, and says "Thinking…". @default false */
  streaming?: boolean;
  /** Show the Egyptian loader beside "Thinking…" while the reasoning streams. @default true */
  showEgyptianLoader?: boolean;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<MessageBubbleLabels>;
}

/**
 * The model's reasoning in a disclosure: open while it streams ("Thinking…"), folded once it is done ("Thought for
 * N s", or "Thinking" when the time is not known); the reader opens and folds it by click or keyboard.
 */
export const ReasoningView = forwardRef<HTMLDetailsElement, ReasoningViewProps>(function ReasoningView(
  { reasoning, streaming = false, showEgyptianLoader = true, labels, className, ...props },
  ref,
): ReactElement {
  const text = useLabels('messageBubble', messageBubbleEn, labels);
  const { durationMs } = reasoning;
  const summary = streaming
    ? text.thinkingNow
    : durationMs === undefined
      ? text.thinking
      : text.thoughtFor(Math.max(1, Math.round(durationMs / 1000)));
  return (
    <details
      ref={ref}
      data-slot="message-reasoning"
      // Open while streaming; after that React leaves the attribute alone, so the reader's own toggling stands.
      open={streaming || undefined}
      className={cn('pc:group pc:text-muted-foreground', className)}
      {...props}
    >
      <summary className="pc:flex pc:cursor-pointer pc:list-none pc:items-center pc:gap-2 pc:text-xs pc:font-medium pc:focus-visible:outline-2 pc:focus-visible:outline-ring">
        <DisclosureChevron />
        {streaming && showEgyptianLoader && <EgyptianLoadingAnimation size="sm" />}
        {summary}
      </summary>
      <Markdown
        streaming={streaming}
        className="pc:mt-2 pc:border-s-2 pc:border-border pc:ps-3 pc:text-xs pc:leading-relaxed"
      >
        {reasoning.text}
      </Markdown>
    </details>
  );
});

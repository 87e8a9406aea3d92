'use client';
import { forwardRef, type ComponentProps, type ReactElement } from 'react';
import type { AIInsight } from '../../core/types.js';
import { InsightKindIcon } from '../AIInsightCard.js';
import { useLabels, type InsightLabels } from '../labels.js';
import { insightsEn } from '../labels-en.js';
import { buttonVariants } from '../lib/button.js';
import { DismissButton } from '../lib/card-parts.js';
import { cn } from '../lib/cn.js';
import { useChatPanel } from './use-chat-panel.js';

export interface ChatInsightsProps extends Omit<ComponentProps<'details'>, 'children'> {
  /** Called with an insight when the user applies its suggested prompt, before it is put in the composer. */
  onApply?: (insight: AIInsight) => void;
  /** Called with an insight when the user dismisses it. */
  onDismiss?: (insight: AIInsight) => void;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<InsightLabels>;
}

/**
 * The insights the model sent, as one quiet strip that folds: closed, it says how many there are and the first
 * one's title; open, each insight is a row (kind icon, title, description), with Apply when it suggests a prompt
 * and Dismiss. Renders nothing while there are none. For full cards, use `AIInsightsPanel`.
 */
export const ChatInsights = forwardRef<HTMLDetailsElement, ChatInsightsProps>(function ChatInsights(
  { onApply, onDismiss, labels, className, ...props },
  ref,
): ReactElement | null {
  const text = useLabels('insights', insightsEn, labels);
  const panel = useChatPanel(
    'ChatInsights',
    (s) => s.insights,
    (i) => i.suggestedPrompt,
    onApply,
    onDismiss,
  );
  const [first] = panel.items;
  if (!first) return null;
  return (
    <details
      ref={ref}
      data-slot="chat-insights"
      className={cn(
        'pc:group pc:rounded-pc pc:border pc:border-border pc:bg-background pc:font-sans pc:text-sm pc:text-foreground',
        className,
      )}
      {...props}
    >
      <summary className="pc:flex pc:cursor-pointer pc:list-none pc:items-center pc:gap-2 pc:rounded-pc pc:px-3 pc:py-2 pc:focus-visible:outline-2 pc:focus-visible:outline-ring">
        <InsightKindIcon kind={first.kind} />
        <span className="pc:font-medium">{text.heading}</span>
        <span className="pc:tabular-nums pc:text-muted-foreground">{panel.items.length}</span>
        <span className="pc:min-w-0 pc:flex-1 pc:truncate pc:text-muted-foreground pc:group-open:invisible">
          {first.title}
        </span>
        <svg
          viewBox="0 0 16 16"
          aria-hidden="true"
          className="pc:size-3 pc:shrink-0 pc:text-muted-foreground pc:transition-transform pc:group-open:rotate-180"
        >
          <path d="m3 6 5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </summary>
      <ul className="pc:m-0 pc:flex pc:list-none pc:flex-col pc:border-t pc:border-border pc:p-0">
        {panel.items.map((insight) => (
          <li
            key={insight.id}
            data-slot="chat-insight"
            data-kind={insight.kind}
            className="pc:flex pc:items-start pc:gap-2 pc:px-3 pc:py-2 pc:not-last:border-b pc:not-last:border-border"
          >
            <span className="pc:mt-0.5 pc:flex" title={text.kinds[insight.kind]}>
              <InsightKindIcon kind={insight.kind} />
              <span className="pc:sr-only">{text.kinds[insight.kind]}: </span>
            </span>
            <div className="pc:flex pc:min-w-0 pc:flex-1 pc:flex-col pc:gap-0.5">
              <p className="pc:m-0 pc:font-medium">{insight.title}</p>
              <p className="pc:m-0 pc:text-muted-foreground">{insight.description}</p>
            </div>
            {insight.suggestedPrompt && (
              <button
                type="button"
                onClick={() => panel.onApply(insight)}
                className={buttonVariants({ variant: 'outline', size: 'sm' })}
              >
                {text.apply}
              </button>
            )}
            <DismissButton
              label={`${text.dismiss}: ${insight.title}`}
              className="pc:-my-1 pc:-me-1.5"
              onClick={() => panel.onDismiss(insight)}
            />
          </li>
        ))}
      </ul>
    </details>
  );
});

'use client';
import { forwardRef, useId, type ComponentProps, type ReactElement } from 'react';
import { cva } from 'class-variance-authority';
import type { AIInsight } from '../core/types.js';
import { buttonVariants } from './lib/button.js';
import { Confidence, DismissButton } from './lib/card-parts.js';
import { cn } from './lib/cn.js';
import { useLabels, type InsightLabels } from './labels.js';
import { insightsEn } from './labels-en.js';

/** What an insight is about; also the card's `data-kind`. */
export type InsightKind = AIInsight['kind'];

/** The card: one quiet card language with the suggestions' (the kind shows by its icon and name, not a stripe). */
export const aiInsightCardVariants = cva(
  'pc:flex pc:flex-col pc:gap-2 pc:rounded-pc pc:border pc:border-border pc:bg-background pc:p-4 pc:font-sans pc:text-sm pc:leading-5 pc:text-foreground',
);

const kindIconVariants = cva('pc:size-4 pc:shrink-0', {
  variants: {
    kind: {
      tip: 'pc:text-success',
      warning: 'pc:text-warning',
      optimization: 'pc:text-accent',
      info: 'pc:text-muted-foreground',
    } satisfies Record<InsightKind, string>,
  },
});

/** Each kind has its own shape beside its name, so the kind never relies on colour alone. */
export function InsightKindIcon({ kind }: { kind: InsightKind }): ReactElement {
  const common = {
    viewBox: '0 0 16 16',
    'aria-hidden': true,
    focusable: false,
    'data-slot': 'insight-card-icon',
    className: kindIconVariants({ kind }),
  } as const;
  switch (kind) {
    case 'tip':
      return (
        <svg {...common}>
          <path
            d="M8 1.5a4.5 4.5 0 0 0-2.6 8.17c.38.28.6.7.6 1.16V12h4v-1.17c0-.46.22-.88.6-1.16A4.5 4.5 0 0 0 8 1.5Z"
            fill="currentColor"
          />
          <path d="M6.25 14.25h3.5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
        </svg>
      );
    case 'warning':
      return (
        <svg {...common}>
          <path d="M8 1 15.25 14.5H.75Z" fill="currentColor" />
          <path d="M8 5.75v4M8 12.25v.1" stroke="var(--pc-background)" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      );
    case 'optimization':
      return (
        <svg {...common}>
          <path d="M9.5.75 2.75 9.25H7.5L6.5 15.25l6.75-8.5H8.5Z" fill="currentColor" />
        </svg>
      );
    case 'info':
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M8 7.25v4.25M8 4.6v.1" stroke="var(--pc-background)" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
      );
  }
}

export interface AIInsightCardProps extends Omit<ComponentProps<'article'>, 'children'> {
  /** The insight to show. */
  insight: AIInsight;
  /** Called with the insight when the user applies its `suggestedPrompt`; the Apply button shows only when the insight has one and this is given. @default undefined */
  onApply?: (insight: AIInsight) => void;
  /** Called with the insight when the user dismisses it; the Dismiss button shows only when this is given. @default undefined */
  onDismiss?: (insight: AIInsight) => void;
  /** Show the model's confidence ("82% confidence") when the insight has one. @default false (on demand only) */
  showConfidence?: boolean;
  /** The level of the title's heading element. @default 4 */
  headingLevel?: 3 | 4 | 5 | 6;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<InsightLabels>;
}

/**
 * One insight from the model: its kind (icon and name), title, description, the model's
 * confidence when known, and the actions Apply (when it suggests a prompt) and Dismiss.
 */
export const AIInsightCard = forwardRef<HTMLElement, AIInsightCardProps>(function AIInsightCard(
  { insight, onApply, onDismiss, showConfidence = false, headingLevel = 4, labels, className, ...props },
  ref,
): ReactElement {
  const text = useLabels('insights', insightsEn, labels);
  const titleId = useId();
  const Title = `h${headingLevel}` as const;
  const { kind, title, description, confidence, suggestedPrompt } = insight;

  return (
    <article
      ref={ref}
      data-slot="insight-card"
      data-kind={kind}
      aria-labelledby={titleId}
      className={cn(aiInsightCardVariants(), className)}
      {...props}
    >
      <div data-slot="insight-card-header" className="pc:flex pc:items-start pc:gap-2">
        <div className="pc:flex pc:min-h-5 pc:flex-1 pc:flex-wrap pc:items-center pc:gap-x-3 pc:gap-y-1">
          <span
            data-slot="insight-card-kind"
            className="pc:me-auto pc:inline-flex pc:items-center pc:gap-1.5 pc:text-xs pc:font-medium pc:text-muted-foreground"
          >
            <InsightKindIcon kind={kind} />
            {text.kinds[kind]}
          </span>
          {showConfidence && confidence !== undefined && (
            <Confidence data-slot="insight-card-confidence" value={confidence} format={text.confidence} />
          )}
        </div>
        {onDismiss && (
          <DismissButton
            data-slot="insight-card-dismiss"
            label={`${text.dismiss}: ${title}`}
            className="pc:-my-1.5 pc:-me-2"
            onClick={() => onDismiss(insight)}
          />
        )}
      </div>
      <Title id={titleId} data-slot="insight-card-title" className="pc:m-0 pc:text-sm pc:font-semibold">
        {title}
      </Title>
      <p data-slot="insight-card-description" className="pc:m-0 pc:text-muted-foreground">
        {description}
      </p>
      {suggestedPrompt && onApply && (
        <div data-slot="insight-card-actions" className="pc:flex pc:justify-end pc:pt-1">
          <button
            type="button"
            data-slot="insight-card-apply"
            aria-describedby={titleId}
            className={buttonVariants({ variant: 'outline' })}
            onClick={() => onApply(insight)}
          >
            {text.apply}
          </button>
        </div>
      )}
    </article>
  );
});

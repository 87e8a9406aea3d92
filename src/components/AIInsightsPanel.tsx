'use client';
import { useId, type ComponentProps, type ReactElement } from 'react';
import { AnimatePresence } from 'framer-motion';
import type { AIInsight } from '../core/types.js';
import { AIInsightCard } from './AIInsightCard.js';
import { cn } from './lib/cn.js';
import { AnimatedListItem, useDismissFocus } from './lib/dismissible-list.js';
import { Motion } from './lib/motion.js';
import { useLabels, type InsightLabels } from './labels.js';

export interface AIInsightsPanelProps extends Omit<ComponentProps<'section'>, 'children'> {
  /** The insights to show, in order; the panel renders nothing when there are none. */
  insights: readonly AIInsight[];
  /** Called with an insight when the user applies its `suggestedPrompt`. @default undefined */
  onApply?: (insight: AIInsight) => void;
  /** Called with an insight when the user dismisses it; remove it from `insights` in response. @default undefined */
  onDismiss?: (insight: AIInsight) => void;
  /** The level of the panel's heading; each card's title is one level below. @default 3 */
  headingLevel?: 2 | 3 | 4;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<InsightLabels>;
}

/**
 * The model's insights about the conversation, as a titled list of {@link AIInsightCard}s that
 * grow in and collapse out. When a dismissed card goes away, focus moves to the next card (else
 * the previous one, else the heading), so keyboard users keep their place.
 */
export function AIInsightsPanel({
  insights,
  onApply,
  onDismiss,
  headingLevel = 3,
  labels,
  className,
  ...props
}: AIInsightsPanelProps): ReactElement | null {
  const text = useLabels('insights', labels);
  const headingId = useId();
  const { rootRef, headingRef, trackItem, willDismiss } = useDismissFocus(insights.map((insight) => insight.id));
  if (insights.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  const dismiss = onDismiss
    ? (insight: AIInsight) => {
        willDismiss(insight.id);
        onDismiss(insight);
      }
    : undefined;

  return (
    <section
      ref={rootRef}
      data-slot="insights-panel"
      aria-labelledby={headingId}
      className={cn('pc:flex pc:flex-col pc:gap-2 pc:font-sans pc:text-foreground', className)}
      {...props}
    >
      <Heading
        ref={headingRef}
        id={headingId}
        tabIndex={-1}
        data-slot="insights-panel-heading"
        className="pc:m-0 pc:text-sm pc:font-semibold pc:focus-visible:outline-2 pc:focus-visible:outline-offset-2 pc:focus-visible:outline-ring"
      >
        {text.heading}
      </Heading>
      <ul data-slot="insights-panel-list" className="pc:m-0 pc:-mb-2 pc:list-none pc:p-0">
        <Motion>
          <AnimatePresence initial={false}>
            {insights.map((insight) => (
              <AnimatedListItem key={insight.id} ref={trackItem(insight.id)} data-slot="insights-panel-item">
                <AIInsightCard
                  insight={insight}
                  onApply={onApply}
                  onDismiss={dismiss}
                  headingLevel={(headingLevel + 1) as 3 | 4 | 5}
                  labels={labels}
                />
              </AnimatedListItem>
            ))}
          </AnimatePresence>
        </Motion>
      </ul>
    </section>
  );
}

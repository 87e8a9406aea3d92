'use client';
import { forwardRef, type ComponentProps, type ReactElement } from 'react';
import type { AIInsight } from '../core/types.js';
import { AIInsightCard } from './AIInsightCard.js';
import { CardListPanel } from './lib/CardListPanel.js';
import { useLabels, type InsightLabels } from './labels.js';
import { insightsEn } from './labels-en.js';

export interface AIInsightsPanelProps extends Omit<ComponentProps<'section'>, 'children'> {
  /** The insights to show, in order; the panel renders nothing when there are none. */
  insights: readonly AIInsight[];
  /** Called with an insight when the user applies its `suggestedPrompt`. @default undefined */
  onApply?: (insight: AIInsight) => void;
  /** Called with an insight when the user dismisses it; remove it from `insights` in response. @default undefined */
  onDismiss?: (insight: AIInsight) => void;
  /** Show the model's confidence on each card that has one. @default false (on demand only) */
  showConfidence?: boolean;
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
export const AIInsightsPanel = forwardRef<HTMLElement, AIInsightsPanelProps>(function AIInsightsPanel(
  { insights, onApply, onDismiss, headingLevel = 3, showConfidence, labels, ...props },
  ref,
): ReactElement | null {
  const text = useLabels('insights', insightsEn, labels);
  return (
    <CardListPanel
      items={insights}
      slot="insights-panel"
      heading={text.heading}
      headingLevel={headingLevel}
      onDismiss={onDismiss}
      renderCard={(insight, card) => (
        <AIInsightCard insight={insight} onApply={onApply} showConfidence={showConfidence} labels={labels} {...card} />
      )}
      {...props}
      panelRef={ref}
    />
  );
});

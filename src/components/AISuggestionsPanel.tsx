'use client';
import { forwardRef, type ComponentProps, type ReactElement } from 'react';
import type { AISuggestion } from '../core/types.js';
import { AISuggestionCard } from './AISuggestionCard.js';
import { CardListPanel } from './lib/CardListPanel.js';
import { useLabels, type SuggestionLabels } from './labels.js';
import { suggestionsEn } from './labels-en.js';

export interface AISuggestionsPanelProps extends Omit<ComponentProps<'section'>, 'children' | 'onCopy'> {
  /** The suggestions to show, in order; the panel renders nothing when there are none. */
  suggestions: readonly AISuggestion[];
  /** Called with a suggestion when the user applies it. @default undefined */
  onApply?: (suggestion: AISuggestion) => void;
  /** Called with a suggestion after its content was copied to the clipboard. @default undefined */
  onCopy?: (suggestion: AISuggestion) => void;
  /** Called with a suggestion when the user dismisses it; remove it from `suggestions` in response. @default undefined */
  onDismiss?: (suggestion: AISuggestion) => void;
  /** Show the model's confidence on each card that has one. @default false (on demand only) */
  showConfidence?: boolean;
  /** The level of the panel's heading; each card's title is one level below. @default 3 */
  headingLevel?: 2 | 3 | 4;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<SuggestionLabels>;
}

/**
 * The model's proposed follow-ups, as a titled list of {@link AISuggestionCard}s that grow in and
 * collapse out. When a dismissed card goes away, focus moves to the next card (else the previous
 * one, else the heading), so keyboard users keep their place.
 */
export const AISuggestionsPanel = forwardRef<HTMLElement, AISuggestionsPanelProps>(function AISuggestionsPanel(
  { suggestions, onApply, onCopy, onDismiss, headingLevel = 3, showConfidence, labels, ...props },
  ref,
): ReactElement | null {
  const text = useLabels('suggestions', suggestionsEn, labels);
  return (
    <CardListPanel
      items={suggestions}
      slot="suggestions-panel"
      heading={text.heading}
      headingLevel={headingLevel}
      onDismiss={onDismiss}
      renderCard={(suggestion, card) => (
        <AISuggestionCard
          suggestion={suggestion}
          onApply={onApply}
          onCopy={onCopy}
          showConfidence={showConfidence}
          labels={labels}
          {...card}
        />
      )}
      {...props}
      panelRef={ref}
    />
  );
});

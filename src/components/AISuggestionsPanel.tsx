'use client';
import { useId, type ComponentProps, type ReactElement } from 'react';
import { AnimatePresence } from 'framer-motion';
import type { AISuggestion } from '../core/types.js';
import { AISuggestionCard } from './AISuggestionCard.js';
import { cn } from './lib/cn.js';
import { AnimatedListItem, useDismissFocus } from './lib/dismissible-list.js';
import { Motion } from './lib/motion.js';
import { useLabels, type SuggestionLabels } from './labels.js';

export interface AISuggestionsPanelProps extends Omit<ComponentProps<'section'>, 'children' | 'onCopy'> {
  /** The suggestions to show, in order; the panel renders nothing when there are none. */
  suggestions: readonly AISuggestion[];
  /** Called with a suggestion when the user applies it. @default undefined */
  onApply?: (suggestion: AISuggestion) => void;
  /** Called with a suggestion after its content was copied to the clipboard. @default undefined */
  onCopy?: (suggestion: AISuggestion) => void;
  /** Called with a suggestion when the user dismisses it; remove it from `suggestions` in response. @default undefined */
  onDismiss?: (suggestion: AISuggestion) => void;
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
export function AISuggestionsPanel({
  suggestions,
  onApply,
  onCopy,
  onDismiss,
  headingLevel = 3,
  labels,
  className,
  ...props
}: AISuggestionsPanelProps): ReactElement | null {
  const text = useLabels('suggestions', labels);
  const headingId = useId();
  const { rootRef, headingRef, trackItem, willDismiss } = useDismissFocus(
    suggestions.map((suggestion) => suggestion.id),
  );
  if (suggestions.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  const dismiss = onDismiss
    ? (suggestion: AISuggestion) => {
        willDismiss(suggestion.id);
        onDismiss(suggestion);
      }
    : undefined;

  return (
    <section
      ref={rootRef}
      data-slot="suggestions-panel"
      aria-labelledby={headingId}
      className={cn('pc:flex pc:flex-col pc:gap-2 pc:font-sans pc:text-foreground', className)}
      {...props}
    >
      <Heading
        ref={headingRef}
        id={headingId}
        tabIndex={-1}
        data-slot="suggestions-panel-heading"
        className="pc:m-0 pc:text-sm pc:font-semibold pc:focus-visible:outline-2 pc:focus-visible:outline-offset-2 pc:focus-visible:outline-ring"
      >
        {text.heading}
      </Heading>
      <ul data-slot="suggestions-panel-list" className="pc:m-0 pc:-mb-2 pc:list-none pc:p-0">
        <Motion>
          <AnimatePresence initial={false}>
            {suggestions.map((suggestion) => (
              <AnimatedListItem key={suggestion.id} ref={trackItem(suggestion.id)} data-slot="suggestions-panel-item">
                <AISuggestionCard
                  suggestion={suggestion}
                  onApply={onApply}
                  onCopy={onCopy}
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

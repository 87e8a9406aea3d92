'use client';
import { forwardRef, useId, useState, type ComponentProps, type ReactElement } from 'react';
import type { AISuggestion } from '../core/types.js';
import { buttonVariants } from './lib/button.js';
import { Confidence, DismissButton } from './lib/card-parts.js';
import { cn } from './lib/cn.js';
import { useClampOverflow } from './lib/use-clamp-overflow.js';
import { useCopy } from './lib/use-copy.js';
import { useLabels, type SuggestionLabels } from './labels.js';
import { suggestionsEn } from './labels-en.js';

export interface AISuggestionCardProps extends Omit<ComponentProps<'article'>, 'children' | 'onCopy'> {
  /** The suggestion to show. */
  suggestion: AISuggestion;
  /** Called with the suggestion when the user applies it; the Apply button shows only when this is given. @default undefined */
  onApply?: (suggestion: AISuggestion) => void;
  /** Called with the suggestion after its content was copied to the clipboard. @default undefined */
  onCopy?: (suggestion: AISuggestion) => void;
  /** Called with the suggestion when the user dismisses it; the Dismiss button shows only when this is given. @default undefined */
  onDismiss?: (suggestion: AISuggestion) => void;
  /** Show the model's confidence ("82% confidence") when the suggestion has one. @default false (on demand only) */
  showConfidence?: boolean;
  /** The level of the title's heading element. @default 4 */
  headingLevel?: 3 | 4 | 5 | 6;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<SuggestionLabels>;
}

/**
 * One follow-up the model proposes: its title, category and confidence when known, a preview of
 * its content (clamped to three lines, with Show more when the clamp hides some of it), and Apply, Copy and Dismiss.
 * After a copy the button says "Copied" for two seconds (`data-state="copied"`), announced politely.
 */
export const AISuggestionCard = forwardRef<HTMLElement, AISuggestionCardProps>(function AISuggestionCard(
  { suggestion, onApply, onCopy, onDismiss, showConfidence = false, headingLevel = 4, labels, className, ...props },
  ref,
): ReactElement {
  const text = useLabels('suggestions', suggestionsEn, labels);
  const titleId = useId();
  const contentId = useId();
  const [expanded, setExpanded] = useState(false);
  const { copied, copy } = useCopy(suggestion.content, () => onCopy?.(suggestion));
  const Title = `h${headingLevel}` as const;
  const { title, content, category } = suggestion;
  const confidence = showConfidence ? suggestion.confidence : undefined;
  const [contentRef, clipped] = useClampOverflow<HTMLParagraphElement>(!expanded);
  // The toggle shows when the clamp really hides text, and stays while expanded (to fold it again).
  const long = clipped || expanded;

  return (
    <article
      ref={ref}
      data-slot="suggestion-card"
      aria-labelledby={titleId}
      className={cn(
        'pc:flex pc:flex-col pc:gap-2 pc:rounded-pc pc:border pc:border-border pc:bg-background pc:p-4 pc:font-sans pc:text-sm pc:leading-5 pc:text-foreground',
        className,
      )}
      {...props}
    >
      <div data-slot="suggestion-card-header" className="pc:flex pc:items-start pc:gap-2">
        <Title id={titleId} data-slot="suggestion-card-title" className="pc:m-0 pc:flex-1 pc:text-sm pc:font-semibold">
          {title}
        </Title>
        {onDismiss && (
          <DismissButton
            data-slot="suggestion-card-dismiss"
            label={`${text.dismiss}: ${title}`}
            className="pc:-my-1.5 pc:-me-2"
            onClick={() => onDismiss(suggestion)}
          />
        )}
      </div>
      {(category || confidence !== undefined) && (
        <div data-slot="suggestion-card-meta" className="pc:flex pc:flex-wrap pc:items-center pc:gap-x-3 pc:gap-y-1">
          {category && (
            <span
              data-slot="suggestion-card-category"
              className="pc:rounded-full pc:border pc:border-border pc:bg-muted pc:px-2 pc:text-xs pc:leading-5 pc:text-muted-foreground"
            >
              {category}
            </span>
          )}
          {confidence !== undefined && (
            <Confidence data-slot="suggestion-card-confidence" value={confidence} format={text.confidence} />
          )}
        </div>
      )}
      <p
        ref={contentRef}
        id={contentId}
        data-slot="suggestion-card-content"
        data-state={long ? (expanded ? 'expanded' : 'collapsed') : undefined}
        className={cn(
          'pc:m-0 pc:whitespace-pre-line pc:break-words pc:text-muted-foreground',
          !expanded && 'pc:line-clamp-3',
        )}
      >
        {content}
      </p>
      <div data-slot="suggestion-card-actions" className="pc:flex pc:flex-wrap pc:items-center pc:gap-2 pc:pt-1">
        {long && (
          <button
            type="button"
            data-slot="suggestion-card-toggle"
            aria-expanded={expanded}
            aria-controls={contentId}
            className={cn(buttonVariants({ variant: 'link' }), 'pc:-ms-2.5 pc:me-auto')}
            onClick={() => setExpanded((was) => !was)}
          >
            {expanded ? text.collapse : text.expand}
          </button>
        )}
        <span className="pc:ms-auto pc:flex pc:gap-2">
          <button
            type="button"
            data-slot="suggestion-card-copy"
            data-state={copied ? 'copied' : 'idle'}
            aria-describedby={titleId}
            className={buttonVariants({ variant: 'outline' })}
            onClick={() => void copy()}
          >
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="pc:size-4">
              {copied ? (
                <path
                  d="m3 8.5 3 3 7-7"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.6"
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              ) : (
                <path
                  d="M5.5 5.5V3.25c0-.41.34-.75.75-.75h6.5c.41 0 .75.34.75.75v6.5c0 .41-.34.75-.75.75H10.5M3.25 5.5h6.5c.41 0 .75.34.75.75v6.5c0 .41-.34.75-.75.75h-6.5a.75.75 0 0 1-.75-.75v-6.5c0-.41.34-.75.75-.75Z"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="1.3"
                />
              )}
            </svg>
            {copied ? text.copied : text.copy}
          </button>
          {onApply && (
            <button
              type="button"
              data-slot="suggestion-card-apply"
              aria-describedby={titleId}
              className={buttonVariants({ variant: 'outline' })}
              onClick={() => onApply(suggestion)}
            >
              {text.apply}
            </button>
          )}
        </span>
      </div>
      <span data-slot="suggestion-card-announcer" aria-live="polite" className="pc:sr-only">
        {copied ? text.copied : ''}
      </span>
    </article>
  );
});

'use client';
import { forwardRef, type ComponentProps, type ReactElement } from 'react';
import type { AISuggestion } from '../../core/types.js';
import { useChatSelector } from '../../react/use-chat-selector.js';
import { useLabels, type SuggestionLabels } from '../labels.js';
import { suggestionsEn } from '../labels-en.js';
import { cn } from '../lib/cn.js';
import { useChatPanel } from './use-chat-panel.js';

export interface ChatSuggestionsProps extends Omit<ComponentProps<'ul'>, 'children'> {
  /** Called with a suggestion when the user picks it, before it is put in the composer. */
  onApply?: (suggestion: AISuggestion) => void;
  /** Text overrides, over a `ChatLabelsProvider`'s; `heading` names the list. @default English */
  labels?: Partial<SuggestionLabels>;
}

/**
 * The follow-ups the model proposed, as compact one-line chips (lay them under the last answer, e.g. as
 * `ChatTranscript`'s `footer`): picking one puts its text in the composer. Hidden while an answer streams, and while
 * there are none. For full cards with confidence, Copy and Dismiss, use `AISuggestionsPanel`.
 */
export const ChatSuggestions = forwardRef<HTMLUListElement, ChatSuggestionsProps>(function ChatSuggestions(
  { onApply, labels, className, ...props },
  ref,
): ReactElement | null {
  const text = useLabels('suggestions', suggestionsEn, labels);
  const streaming = useChatSelector((s) => s.isStreaming);
  const panel = useChatPanel(
    'ChatSuggestions',
    (s) => s.suggestions,
    (s) => s.content,
    onApply,
    undefined,
  );
  if (streaming || panel.items.length === 0) return null;
  return (
    <ul
      ref={ref}
      aria-label={text.heading}
      data-slot="chat-suggestions"
      className={cn('pc:m-0 pc:flex pc:list-none pc:flex-wrap pc:gap-2 pc:p-0', className)}
      {...props}
    >
      {panel.items.map((suggestion) => (
        <li key={suggestion.id} className="pc:min-w-0 pc:max-w-full">
          <button
            type="button"
            dir="auto"
            data-slot="chat-suggestion"
            title={suggestion.content}
            onClick={() => panel.onApply(suggestion)}
            className="pc:box-border pc:block pc:max-w-full pc:cursor-pointer pc:truncate pc:rounded-full pc:border pc:border-border pc:bg-background pc:px-3 pc:py-1.5 pc:font-sans pc:text-sm pc:leading-5 pc:text-foreground pc:transition-colors pc:hover:bg-muted pc:focus-visible:outline-2 pc:focus-visible:outline-offset-2 pc:focus-visible:outline-ring"
          >
            {suggestion.content}
          </button>
        </li>
      ))}
    </ul>
  );
});

'use client';
import { forwardRef, type ReactElement } from 'react';
import { AISuggestionsPanel, type AISuggestionsPanelProps } from '../AISuggestionsPanel.js';
import { useChatPanel } from './use-chat-panel.js';

export type ChatSuggestionsProps = Omit<AISuggestionsPanelProps, 'suggestions'>;

/**
 * The follow-ups the model proposed, bound to the chat: Apply puts one in the composer, Dismiss hides it. A host's
 * `onApply`/`onDismiss` run first, then ours. Renders nothing while there are none.
 */
export const ChatSuggestions = forwardRef<HTMLElement, ChatSuggestionsProps>(function ChatSuggestions(
  { onApply, onDismiss, ...props },
  ref,
): ReactElement | null {
  const panel = useChatPanel(
    'ChatSuggestions',
    (s) => s.suggestions,
    (s) => s.content,
    onApply,
    onDismiss,
  );
  return (
    <AISuggestionsPanel
      suggestions={panel.items}
      onApply={panel.onApply}
      onDismiss={panel.onDismiss}
      {...props}
      ref={ref}
    />
  );
});

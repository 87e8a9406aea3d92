'use client';
import { forwardRef, type ReactElement } from 'react';
import { useChatActions } from '../../react/use-chat-actions.js';
import { useChatSelector } from '../../react/use-chat-selector.js';
import { ComposerForm, type ComposerFormProps } from '../ComposerForm.js';
import { useComposerDraft, useComposerActions } from './composer-context.js';

export interface ChatComposerProps extends Omit<
  ComposerFormProps,
  'value' | 'onValueChange' | 'onSend' | 'onStop' | 'isStreaming' | 'textareaRef'
> {
  /** Called with the text of each message the chat accepted. */
  onMessageSent?: (text: string) => void;
}

/**
 * Where the user writes, bound to the chat: sends with Enter or Send, becomes Stop while an answer streams, and is
 * the place other parts fill (a suggestion applied, an example prompt chosen). The draft survives a failed send.
 */
export const ChatComposer = forwardRef<HTMLFormElement, ChatComposerProps>(function ChatComposer(
  { onMessageSent, ...props },
  ref,
): ReactElement {
  const { draft, setDraft } = useComposerDraft('ChatComposer');
  const { textareaRef } = useComposerActions('ChatComposer');
  const isStreaming = useChatSelector((s) => s.isStreaming);
  const { send, stop } = useChatActions();
  return (
    <ComposerForm
      value={draft}
      onValueChange={setDraft}
      onSend={(text) => {
        if (!send(text)) return;
        setDraft('');
        onMessageSent?.(text);
      }}
      onStop={stop}
      isStreaming={isStreaming}
      textareaRef={textareaRef}
      {...props}
      ref={ref}
    />
  );
});

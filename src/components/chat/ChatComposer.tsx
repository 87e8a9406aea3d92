'use client';
import { forwardRef, useRef, useState, type ReactElement } from 'react';
import { readFiles } from '../../core/attachments.js';
import type { FilePart } from '../../core/messages.js';
import { useChatActions } from '../../react/use-chat-actions.js';
import { useChatSelector } from '../../react/use-chat-selector.js';
import { ComposerForm, type ComposerFormProps } from '../ComposerForm.js';
import { useLabels } from '../labels.js';
import { useComposerDraft, useComposerActions } from './composer-context.js';
import { chatEn } from '../labels-en.js';

export interface ChatComposerProps extends Omit<
  ComposerFormProps,
  | 'value'
  | 'onValueChange'
  | 'onSend'
  | 'onStop'
  | 'isStreaming'
  | 'textareaRef'
  | 'attachments'
  | 'onAttachmentsChange'
  | 'fileRules'
  | 'problem'
> {
  /** Called with the text of each message the chat accepted. */
  onMessageSent?: (text: string) => void;
  /** Take files (picker, drag and drop, paste) under the chat's `accept`, `maxFiles` and `maxFileSize`. @default true */
  allowAttachments?: boolean;
}

/**
 * Where the user writes, bound to the chat: sends with Enter or Send, becomes Stop while an answer streams, and is
 * the place other parts fill (a suggestion applied, an example prompt chosen). It takes files under the chat's rules;
 * they are read before the message goes, so a file that cannot be read is named here and nothing is lost. The draft
 * and the files survive a failed send.
 */
export const ChatComposer = forwardRef<HTMLFormElement, ChatComposerProps>(function ChatComposer(
  { onMessageSent, allowAttachments = true, disabled = false, labels, ...props },
  ref,
): ReactElement {
  const { draft, setDraft } = useComposerDraft('ChatComposer');
  const { textareaRef } = useComposerActions('ChatComposer');
  const isStreaming = useChatSelector((s) => s.isStreaming);
  const { send, stop, fileRules } = useChatActions();
  const text = useLabels('chat', chatEn, labels);
  const [attachments, setAttachments] = useState<readonly File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  // Files are read before the message goes; a second Enter meanwhile must not send it twice.
  const reading = useRef(false);

  const post = (message: string, parts: readonly FilePart[]) => {
    if (!send(parts.length > 0 ? { text: message, files: parts } : message)) return;
    setDraft('');
    setAttachments([]);
    onMessageSent?.(message);
  };
  return (
    <ComposerForm
      value={draft}
      onValueChange={setDraft}
      attachments={attachments}
      onAttachmentsChange={
        allowAttachments
          ? (files) => {
              setProblem(null);
              setAttachments(files);
            }
          : undefined
      }
      fileRules={fileRules()}
      problem={problem}
      disabled={disabled}
      labels={labels}
      onSend={(message, files) => {
        setProblem(null);
        if (files.length === 0) return post(message, []);
        if (reading.current) return;
        reading.current = true;
        void readFiles(files).then((read) => {
          reading.current = false;
          if ('parts' in read) post(message, read.parts);
          else setProblem(text.fileUnreadable(read.unreadable.name));
        });
      }}
      onStop={stop}
      isStreaming={isStreaming}
      textareaRef={textareaRef}
      {...props}
      ref={ref}
    />
  );
});

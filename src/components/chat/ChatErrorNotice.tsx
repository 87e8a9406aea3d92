'use client';
import { forwardRef, type ReactElement } from 'react';
import { useChatActions } from '../../react/use-chat-actions.js';
import { useChatSelector } from '../../react/use-chat-selector.js';
import { ErrorToast, type ErrorToastProps } from '../ErrorToast.js';
import { useAuthRequired } from './auth-required.js';

export type ChatErrorNoticeProps = Omit<ErrorToastProps, 'error' | 'onRetry' | 'onDismiss'>;

/**
 * A failure that no message shows (a file that could not be read), with the action that helps and Dismiss; nothing
 * otherwise. A failed answer shows its own failure in the transcript: one failure, one place.
 */
export const ChatErrorNotice = forwardRef<HTMLDivElement, ChatErrorNoticeProps>(
  function ChatErrorNotice(props, ref): ReactElement {
    // The failed answer is the last message of the path: comparing with it alone keeps this O(1) per update.
    const error = useChatSelector((s) => (s.error && s.messages.at(-1)?.error !== s.error ? s.error : null));
    const { retry, dismissError } = useChatActions();
    const signIn = useAuthRequired();
    return (
      <ErrorToast error={error} onRetry={retry} onAuthRequired={signIn} onDismiss={dismissError} {...props} ref={ref} />
    );
  },
);

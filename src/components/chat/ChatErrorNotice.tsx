'use client';
import { forwardRef, type ReactElement } from 'react';
import { useChatActions } from '../../react/use-chat-actions.js';
import { useChatSelector } from '../../react/use-chat-selector.js';
import { ErrorToast, type ErrorToastProps } from '../ErrorToast.js';

export type ChatErrorNoticeProps = Omit<ErrorToastProps, 'error' | 'onRetry' | 'onDismiss'>;

/** The chat's last failure, with Retry when it can help and Dismiss; nothing while there is none. */
export const ChatErrorNotice = forwardRef<HTMLDivElement, ChatErrorNoticeProps>(
  function ChatErrorNotice(props, ref): ReactElement {
    const error = useChatSelector((s) => s.error);
    const { retry, dismissError } = useChatActions();
    return <ErrorToast error={error} onRetry={retry} onDismiss={dismissError} {...props} ref={ref} />;
  },
);

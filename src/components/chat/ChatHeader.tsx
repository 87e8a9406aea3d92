'use client';
import { forwardRef, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import { useChatSelector } from '../../react/use-chat-selector.js';
import { ConnectionStatus } from '../ConnectionStatus.js';
import { useLabels } from '../labels.js';
import { cn } from '../lib/cn.js';
import { chatEn } from '../labels-en.js';

export interface ChatHeaderProps extends Omit<ComponentProps<'header'>, 'title'> {
  /** The heading. @default labels.chat.title ("Chat") */
  title?: ReactNode;
}

/** The chat's title and its connection status; anything passed as children goes between them. */
export const ChatHeader = forwardRef<HTMLElement, ChatHeaderProps>(function ChatHeader(
  { title, children, className, ...props },
  ref,
): ReactElement {
  const text = useLabels('chat', chatEn);
  return (
    <header
      ref={ref}
      data-slot="chat-header"
      // A hairline under the header: the transcript scrolls beneath it without a hard cut.
      className={cn(
        'pc:flex pc:flex-wrap pc:items-center pc:justify-between pc:gap-2 pc:border-b pc:border-border pc:pb-3',
        className,
      )}
      {...props}
    >
      <h2 className="pc:m-0 pc:text-base pc:font-semibold">{title ?? text.title}</h2>
      {children}
      <ChatConnectionStatus />
    </header>
  );
});

/** `ConnectionStatus` bound to the chat: re-renders when the connection changes, never per token. */
function ChatConnectionStatus(): ReactElement {
  const isConnected = useChatSelector((s) => s.isConnected);
  const isConnecting = useChatSelector((s) => s.isConnecting);
  const error = useChatSelector((s) => s.error);
  const retryState = useChatSelector((s) => s.retryState);
  return (
    <ConnectionStatus isConnected={isConnected} isConnecting={isConnecting} error={error} retryState={retryState} />
  );
}

'use client';
import {
  forwardRef,
  type ComponentProps,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
  type Ref,
} from 'react';
import { ChatProvider } from '../../react/ChatProvider.js';
import { useChatActions } from '../../react/use-chat-actions.js';
import { useChatSelector } from '../../react/use-chat-selector.js';
import { useSSEChat, type UseChat, type UseSSEChatOptions, type UseSSEChatResult } from '../../react/useSSEChat.js';
import { ChatLabelsProvider, useLabels, type ChatLabelsOverride } from '../labels.js';
import { cn } from '../lib/cn.js';
import { composeEventHandlers } from '../lib/compose-event-handlers.js';
import { AuthRequiredContext } from './auth-required.js';
import { ChatAnnouncer } from './ChatAnnouncer.js';
import { ImageOriginsContext } from '../markdown/Markdown.js';
import { ToolRenderersContext, type ToolRenderers } from '../parts/tool-renderers.js';
import { ComposerProvider } from './composer-context.js';
import { chatEn } from '../labels-en.js';

export interface ChatRootProps extends ComponentProps<'section'> {
  /**
   * A chat made by the host (`useSSEChat(...)`'s result). Without it, `ChatRoot` makes its own with `useChat`; then
   * the component around `ChatRoot` does not re-render as answers stream.
   */
  chat?: UseSSEChatResult;
  /** The hook that makes the chat when `chat` is not given; inject a fake in stories and tests. @default useSSEChat */
  useChat?: UseChat;
  /** Options for `useChat`: endpoint, model, tokens, retry, idle timeout… @default {} */
  options?: UseSSEChatOptions;
  /** Text overrides for every part below. @default English */
  labels?: ChatLabelsOverride;
  /**
   * Views of your tools by name, used in place of `ToolCallView` wherever a call of that tool shows.
   * @default {} (every call shows as `ToolCallView`)
   * @example { get_weather: WeatherCard }
   */
  toolRenderers?: ToolRenderers;
  /**
   * Origins whose images in model text load by themselves (`["https://images.example.com"]`). An image from any other
   * origin shows as a chip with its alt text and host and loads only when the user asks: its URL could carry what a
   * prompt injection made the model put there. @default [] (none)
   */
  allowedImageOrigins?: readonly string[];
  /**
   * Sends the user to sign in (a redirect, a dialog). An answer that failed because the session expired shows a
   * Sign in button that calls it; without it, that failure says so and offers no action (Retry cannot help).
   */
  onAuthRequired?: () => void;
}

/**
 * The root of a chat laid out from parts: shares the chat with every part below it (`ChatHeader`, `ChatTranscript`,
 * `ChatComposer`, …), holds the composer's draft, stops a streaming answer on Escape, and announces each finished
 * answer once to screen readers. Renders a `<section>`: lay the parts out inside it as you like.
 *
 * @example
 * <ChatRoot options={{ endpoint: '/api/chat' }} className="h-dvh">
 *   <ChatHeader />
 *   <ChatTranscript />
 *   <ChatComposer />
 * </ChatRoot>
 */
export const ChatRoot = forwardRef<HTMLElement, ChatRootProps>(function ChatRoot(
  {
    chat,
    useChat = useSSEChat,
    options,
    labels,
    toolRenderers = noRenderers,
    allowedImageOrigins = noOrigins,
    onAuthRequired,
    ...props
  },
  ref,
): ReactElement {
  const layout = <ChatLayout {...props} sectionRef={ref} />;
  const root = chat ? (
    <ChatProvider value={chat}>{layout}</ChatProvider>
  ) : (
    <HookedProvider useChat={useChat} options={options}>
      {layout}
    </HookedProvider>
  );
  // Always the same element type, so giving labels later (translations loaded async) never remounts the chat.
  return (
    <ChatLabelsProvider labels={labels}>
      <ToolRenderersContext.Provider value={toolRenderers}>
        <ImageOriginsContext.Provider value={allowedImageOrigins}>
          <AuthRequiredContext.Provider value={onAuthRequired}>{root}</AuthRequiredContext.Provider>
        </ImageOriginsContext.Provider>
      </ToolRenderersContext.Provider>
    </ChatLabelsProvider>
  );
});

const noRenderers: ToolRenderers = {};
const noOrigins: readonly string[] = [];

/** Calls the hook and shares its chat. Re-renders with every snapshot; its children, made by `ChatRoot`, do not. */
function HookedProvider({
  useChat,
  options,
  children,
}: {
  useChat: UseChat;
  options: UseSSEChatOptions | undefined;
  children: ReactNode;
}): ReactElement {
  return <ChatProvider value={useChat(options)}>{children}</ChatProvider>;
}

function ChatLayout({
  className,
  onKeyDown,
  children,
  sectionRef,
  ...props
}: ComponentProps<'section'> & { sectionRef: Ref<HTMLElement> }): ReactElement {
  const text = useLabels('chat', chatEn);
  const isStreaming = useChatSelector((s) => s.isStreaming);
  const { stop } = useChatActions();
  return (
    <section
      ref={sectionRef}
      data-slot="chat"
      data-state={isStreaming ? 'streaming' : 'idle'}
      aria-label={text.title}
      className={cn(
        'pc:relative pc:box-border pc:flex pc:h-full pc:min-h-0 pc:flex-col pc:gap-3 pc:bg-background pc:p-3 pc:font-sans pc:text-foreground',
        className,
      )}
      onKeyDown={composeEventHandlers(onKeyDown, (event: KeyboardEvent<HTMLElement>) => {
        if (event.key === 'Escape' && isStreaming) stop();
      })}
      {...props}
    >
      <ComposerProvider>{children}</ComposerProvider>
      <ChatAnnouncer />
    </section>
  );
}

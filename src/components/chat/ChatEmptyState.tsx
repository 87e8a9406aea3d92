'use client';
import { forwardRef, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import { useChatSelector } from '../../react/use-chat-selector.js';
import { useLabels } from '../labels.js';
import { buttonVariants } from '../lib/button.js';
import { cn } from '../lib/cn.js';
import { useComposerActions } from './composer-context.js';

export interface ChatEmptyStateProps extends Omit<ComponentProps<'div'>, 'title'> {
  /** Prompts offered as buttons (your product's); choosing one puts it in the composer. @default [] (none) */
  examplePrompts?: readonly string[];
  /** @default labels.chat.emptyTitle */
  title?: ReactNode;
  /** Shown above the example prompts. @default labels.chat.emptyHint */
  hint?: ReactNode;
}

/** What an empty chat shows (a title, a hint and example prompts); nothing once the transcript has a message. */
export const ChatEmptyState = forwardRef<HTMLDivElement, ChatEmptyStateProps>(function ChatEmptyState(
  { examplePrompts = [], title, hint, className, ...props },
  ref,
): ReactElement | null {
  const text = useLabels('chat');
  const empty = useChatSelector((s) => s.messages.length === 0);
  const composer = useComposerActions('ChatEmptyState');
  if (!empty) return null;
  return (
    <div
      ref={ref}
      data-slot="chat-empty"
      className={cn('pc:m-auto pc:flex pc:max-w-md pc:flex-col pc:items-center pc:gap-3 pc:text-center', className)}
      {...props}
    >
      <p className="pc:m-0 pc:text-lg pc:font-semibold">{title ?? text.emptyTitle}</p>
      {/* The default hint ("Try one of these:") points at prompts: without any, it would point at nothing. */}
      {(hint !== undefined || examplePrompts.length > 0) && (
        <p className="pc:m-0 pc:text-sm pc:text-muted-foreground">{hint ?? text.emptyHint}</p>
      )}
      {examplePrompts.length > 0 && (
        <ul className="pc:m-0 pc:flex pc:list-none pc:flex-col pc:gap-2 pc:p-0">
          {examplePrompts.map((prompt) => (
            <li key={prompt}>
              <button
                type="button"
                onClick={() => composer.fill(prompt)}
                className={buttonVariants({ variant: 'option' })}
              >
                {prompt}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

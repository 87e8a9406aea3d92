'use client';
import { forwardRef, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import { useChatSelector } from '../../react/use-chat-selector.js';
import { useLabels } from '../labels.js';
import { buttonVariants } from '../lib/button.js';
import { cn } from '../lib/cn.js';
import { useComposerActions } from './composer-context.js';
import { chatEn } from '../labels-en.js';

export interface ChatEmptyStateProps extends Omit<ComponentProps<'div'>, 'title'> {
  /** Prompts offered as buttons (your product's); choosing one puts it in the composer. @default [] (none) */
  examplePrompts?: readonly string[];
  /** @default labels.chat.emptyTitle */
  title?: ReactNode;
  /** Shown above the example prompts. @default labels.chat.emptyHint */
  hint?: ReactNode;
}

/**
 * What an empty chat shows: a greeting, a hint and example prompts as cards (two columns where there is room);
 * nothing once the transcript has a message.
 */
export const ChatEmptyState = forwardRef<HTMLDivElement, ChatEmptyStateProps>(function ChatEmptyState(
  { examplePrompts = [], title, hint, className, ...props },
  ref,
): ReactElement | null {
  const text = useLabels('chat', chatEn);
  const empty = useChatSelector((s) => s.messages.length === 0);
  const composer = useComposerActions('ChatEmptyState');
  if (!empty) return null;
  return (
    <div
      ref={ref}
      data-slot="chat-empty"
      className={cn('pc:@container pc:my-auto pc:flex pc:w-full pc:flex-col pc:gap-4 pc:text-start', className)}
      {...props}
    >
      <div className="pc:flex pc:flex-col pc:gap-1">
        <p className="pc:m-0 pc:text-2xl pc:font-semibold pc:tracking-tight">{title ?? text.emptyTitle}</p>
        {/* The default hint ("Try one of these:") points at prompts: without any, it would point at nothing. */}
        {(hint !== undefined || examplePrompts.length > 0) && (
          <p className="pc:m-0 pc:text-sm pc:text-muted-foreground">{hint ?? text.emptyHint}</p>
        )}
      </div>
      {examplePrompts.length > 0 && (
        <ul className="pc:m-0 pc:grid pc:list-none pc:grid-cols-1 pc:gap-2 pc:p-0 pc:@md:grid-cols-2">
          {examplePrompts.map((prompt) => (
            <li key={prompt}>
              <button
                type="button"
                dir="auto"
                onClick={() => composer.fill(prompt)}
                className={buttonVariants({ variant: 'option', size: 'block', shape: 'card' })}
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

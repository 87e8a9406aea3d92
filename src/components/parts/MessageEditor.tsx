'use client';
import { forwardRef, useLayoutEffect, useRef, useState, type ComponentProps, type ReactElement } from 'react';
import { useLabels, type MessageBubbleLabels } from '../labels.js';
import { buttonVariants } from '../lib/button.js';
import { cn } from '../lib/cn.js';
import { messageBubbleEn } from '../labels-en.js';

export interface MessageEditorProps extends Omit<ComponentProps<'form'>, 'children' | 'onSubmit'> {
  /** The message's text as sent: where editing starts. */
  initialText: string;
  /** Saves the new text (not called for blank or unchanged text). */
  onSave: (text: string) => void;
  /** Leaves editing without a change. */
  onCancel: () => void;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<MessageBubbleLabels>;
}

/**
 * A sent message, editable in place: Enter saves (Shift+Enter for a new line, never during IME composition), Escape
 * cancels, and nothing typed is lost until one of them. Opens with the text selected.
 */
export const MessageEditor = forwardRef<HTMLFormElement, MessageEditorProps>(function MessageEditor(
  { initialText, onSave, onCancel, labels, className, ...props },
  ref,
): ReactElement {
  const text = useLabels('messageBubble', messageBubbleEn, labels);
  const [value, setValue] = useState(initialText);
  const area = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    area.current?.focus();
    area.current?.select();
  }, []);
  useLayoutEffect(() => {
    const element = area.current;
    if (!element) return;
    element.style.height = 'auto';
    element.style.height = `${element.scrollHeight}px`;
  }, [value]);

  const changed = value.trim() !== '' && value !== initialText;
  const save = () => {
    if (changed) onSave(value);
    else onCancel();
  };

  return (
    <form
      ref={ref}
      data-slot="message-editor"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
      className={cn(
        'pc:box-border pc:flex pc:w-full pc:max-w-[85%] pc:flex-col pc:gap-2 pc:rounded-pc pc:border pc:border-border pc:bg-background pc:p-2 pc:focus-within:outline-2 pc:focus-within:outline-ring',
        className,
      )}
      {...props}
    >
      <textarea
        ref={area}
        aria-label={text.editMessage}
        value={value}
        rows={1}
        dir="auto"
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.nativeEvent.isComposing || event.keyCode === 229) return;
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            save();
          } else if (event.key === 'Escape') {
            // Escape here leaves editing; it must not also stop an answer (the chat's own Escape).
            event.preventDefault();
            event.stopPropagation();
            onCancel();
          }
        }}
        className="pc:box-border pc:max-h-[200px] pc:min-h-9 pc:resize-none pc:border-0 pc:bg-transparent pc:px-2 pc:py-1.5 pc:font-sans pc:text-sm pc:leading-6 pc:text-foreground pc:outline-none"
      />
      <div className="pc:flex pc:justify-end pc:gap-2">
        <button type="button" onClick={onCancel} className={buttonVariants({ variant: 'outline', size: 'sm' })}>
          {text.cancel}
        </button>
        <button type="submit" disabled={!changed} className={buttonVariants({ variant: 'primary', size: 'sm' })}>
          {text.save}
        </button>
      </div>
    </form>
  );
});

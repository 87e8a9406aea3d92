'use client';
import {
  forwardRef,
  useId,
  useRef,
  type ComponentProps,
  type FormEvent,
  type KeyboardEvent,
  type ReactElement,
  type RefObject,
} from 'react';
import { useIsomorphicLayoutEffect } from '../react/use-isomorphic-layout-effect.js';
import { useLabels, type ChatInterfaceLabels } from './labels.js';
import { buttonVariants } from './lib/button.js';
import { cn } from './lib/cn.js';

/** The composer never grows taller than this before it scrolls. */
const MAX_HEIGHT_PX = 200;

export interface ComposerFormProps extends Omit<ComponentProps<'form'>, 'onSubmit' | 'onChange' | 'children'> {
  /** The text being written (controlled, so a suggestion can be applied into it). */
  value: string;
  onValueChange: (value: string) => void;
  /** Called with the text when the user sends it (Enter, or the Send button). */
  onSend: (text: string) => void;
  /** Called by Stop, or Escape, while an answer streams. */
  onStop?: () => void;
  /** An answer is streaming: Send becomes Stop. @default false */
  isStreaming?: boolean;
  /** Nothing can be typed or sent. @default false */
  disabled?: boolean;
  /** Longest message allowed; a counter shows near the limit. @default 4000 */
  maxLength?: number;
  placeholder?: string;
  /** The textarea, for a parent that moves focus into it. */
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<ChatInterfaceLabels>;
}

/**
 * Where the user writes, by props (controlled); `ChatComposer` is the same form bound to the chat. Enter sends and Shift+Enter breaks the line, but never while an input method is
 * composing (Japanese, Chinese, Korean…); it grows with its text; Escape stops a streaming answer.
 */
export const ComposerForm = forwardRef<HTMLFormElement, ComposerFormProps>(function ComposerForm(
  {
    value,
    onValueChange,
    onSend,
    onStop,
    isStreaming = false,
    disabled = false,
    maxLength = 4000,
    placeholder,
    textareaRef,
    labels,
    className,
    ...props
  },
  ref,
): ReactElement {
  const text = useLabels('chat', labels);
  const own = useRef<HTMLTextAreaElement | null>(null);
  const area = textareaRef ?? own;
  const limitId = useId();
  const tooLong = value.length > maxLength;
  const canSend = !disabled && !isStreaming && value.trim() !== '' && !tooLong;
  const showCounter = value.length >= maxLength * 0.8;

  useIsomorphicLayoutEffect(() => {
    const node = area.current;
    if (!node) return;
    node.style.height = 'auto';
    node.style.height = `${Math.min(node.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [area, value]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (canSend) onSend(value);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // keyCode 229 is what some browsers report for keys that belong to an IME composition.
    if (event.nativeEvent.isComposing || event.keyCode === 229) return;
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && isStreaming && onStop) {
      event.preventDefault();
      onStop();
    }
  };

  return (
    <form
      ref={ref}
      data-slot="chat-composer"
      data-state={isStreaming ? 'streaming' : 'idle'}
      onSubmit={submit}
      className={cn(
        'pc:box-border pc:flex pc:items-end pc:gap-2 pc:rounded-pc pc:border pc:border-border pc:bg-background pc:p-2 pc:focus-within:outline-2 pc:focus-within:outline-ring',
        className,
      )}
      {...props}
    >
      <textarea
        ref={area}
        aria-label={text.composer}
        aria-invalid={tooLong || undefined}
        aria-describedby={tooLong ? limitId : undefined}
        rows={1}
        value={value}
        disabled={disabled}
        placeholder={placeholder ?? text.placeholder}
        onChange={(event) => onValueChange(event.target.value)}
        onKeyDown={onKeyDown}
        dir="auto"
        className="pc:box-border pc:max-h-[200px] pc:min-h-9 pc:flex-1 pc:resize-none pc:border-0 pc:bg-transparent pc:px-2 pc:py-1.5 pc:font-sans pc:text-sm pc:leading-6 pc:text-foreground pc:outline-none pc:placeholder:text-muted-foreground"
      />
      {showCounter && (
        <span
          id={limitId}
          data-slot="chat-composer-counter"
          aria-live="polite"
          title={tooLong ? text.tooLong(maxLength) : undefined}
          className={cn(
            'pc:self-center pc:text-xs pc:tabular-nums',
            tooLong ? 'pc:text-danger' : 'pc:text-muted-foreground',
          )}
        >
          {text.counter(value.length, maxLength)}
          {tooLong && <span className="pc:sr-only"> {text.tooLong(maxLength)}</span>}
        </span>
      )}
      {isStreaming ? (
        <button type="button" onClick={onStop} className={buttonVariants({ variant: 'subtle', size: 'md' })}>
          {text.stop}
        </button>
      ) : (
        <button type="submit" disabled={!canSend} className={buttonVariants({ variant: 'primary', size: 'md' })}>
          {text.send}
        </button>
      )}
    </form>
  );
});

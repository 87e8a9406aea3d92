'use client';
import {
  forwardRef,
  useId,
  useRef,
  useState,
  type ClipboardEvent,
  type ComponentProps,
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
  type ReactElement,
  type RefObject,
} from 'react';
import { checkFiles, defaultFileRules, type FileRefusal, type FileRules } from '../core/attachments.js';
import { useIsomorphicLayoutEffect } from '../react/use-isomorphic-layout-effect.js';
import { useLabels, type ChatInterfaceLabels } from './labels.js';
import { cn } from './lib/cn.js';
import { formatBytes } from './lib/format-bytes.js';
import { IconButton } from './lib/IconButton.js';
import { AttachmentChip } from './parts/AttachmentChip.js';
import { LineIcon } from './lib/line-icon.js';
import { chatEn } from './labels-en.js';

/** The composer never grows taller than this before it scrolls. */
const MAX_HEIGHT_PX = 200;

export interface ComposerFormProps extends Omit<ComponentProps<'form'>, 'onSubmit' | 'onChange' | 'children'> {
  /** The text being written (controlled, so a suggestion can be applied into it). */
  value: string;
  onValueChange: (value: string) => void;
  /** Called with the text and the attached files when the user sends them (Enter, or the Send button). */
  onSend: (text: string, files: readonly File[]) => void;
  /**
   * The files attached to the message (controlled). With `onAttachmentsChange`, the composer takes files by its
   * Attach button, by drag and drop and by paste. @default []
   */
  attachments?: readonly File[];
  /** Receives the attached files as they change; without it the composer takes no files. */
  onAttachmentsChange?: (files: readonly File[]) => void;
  /** Which files it takes; a refused file is named in a message at the composer. @default 4 files of 10 MiB, any type */
  fileRules?: FileRules;
  /** A problem to show at the composer (a file that could not be read), besides the refusals it finds itself. */
  problem?: string | null;
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
    attachments = noFiles,
    onAttachmentsChange,
    fileRules = defaultFileRules,
    problem: outerProblem = null,
    labels,
    className,
    onDragOver,
    onDragLeave,
    onDrop,
    ...props
  },
  ref,
): ReactElement {
  const text = useLabels('chat', chatEn, labels);
  const own = useRef<HTMLTextAreaElement | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const area = textareaRef ?? own;
  const limitId = useId();
  const problemId = useId();
  const [refused, setRefused] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const takesFiles = onAttachmentsChange !== undefined;
  const problem = refused ?? outerProblem;
  const tooLong = value.length > maxLength;
  const canSend = !disabled && !isStreaming && (value.trim() !== '' || attachments.length > 0) && !tooLong;

  /** Attaches what the rules take and names, in one message, what they refuse. */
  const attach = (files: readonly File[]) => {
    if (!onAttachmentsChange || files.length === 0) return;
    const { accepted, rejected } = checkFiles(files, fileRules, attachments.length);
    if (accepted.length > 0) onAttachmentsChange([...attachments, ...accepted]);
    const refusal = (reason: FileRefusal, name: string) =>
      reason === 'type'
        ? text.fileRefusedType(name)
        : reason === 'size'
          ? text.fileRefusedSize(name, formatBytes(fileRules.maxFileSize))
          : text.fileRefusedCount(fileRules.maxFiles);
    // One count refusal says it all; each type or size refusal names its file.
    const messages = [...new Set(rejected.map(({ file, reason }) => refusal(reason, file.name)))];
    setRefused(messages.length > 0 ? messages.join(' ') : null);
  };
  const remove = (index: number) => {
    onAttachmentsChange?.(attachments.filter((_, at) => at !== index));
    setRefused(null);
    area.current?.focus();
  };
  const hasFiles = (event: DragEvent) => takesFiles && event.dataTransfer.types.includes('Files');
  const showCounter = value.length >= maxLength * 0.8;

  useIsomorphicLayoutEffect(() => {
    const node = area.current;
    if (!node) return;
    node.style.height = 'auto';
    node.style.height = `${Math.min(node.scrollHeight, MAX_HEIGHT_PX)}px`;
  }, [area, value]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    setRefused(null);
    onSend(value, attachments);
  };

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    const files = [...event.clipboardData.files];
    if (!takesFiles || files.length === 0) return;
    // A pasted screenshot is a file, not text: attach it instead of pasting its name.
    event.preventDefault();
    attach(files);
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
      data-dragging={dragging || undefined}
      onSubmit={submit}
      onDragOver={(event) => {
        onDragOver?.(event);
        if (event.defaultPrevented || !hasFiles(event)) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        onDragLeave?.(event);
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        onDrop?.(event);
        setDragging(false);
        if (event.defaultPrevented || !hasFiles(event)) return;
        event.preventDefault();
        attach([...event.dataTransfer.files]);
      }}
      className={cn(
        'pc:box-border pc:flex pc:flex-col pc:gap-2 pc:rounded-pc pc:border pc:border-border pc:bg-background pc:p-2 pc:focus-within:outline-2 pc:focus-within:outline-ring pc:data-dragging:border-dashed pc:data-dragging:border-accent pc:data-dragging:bg-muted',
        className,
      )}
      {...props}
    >
      {attachments.length > 0 && (
        <ul aria-label={text.attachments} className="pc:m-0 pc:flex pc:list-none pc:flex-wrap pc:gap-2 pc:p-0">
          {attachments.map((file, index) => (
            <AttachmentChip key={keyOf(file)} file={file} onRemove={() => remove(index)} labels={labels} />
          ))}
        </ul>
      )}
      <div className="pc:flex pc:items-end pc:gap-2">
        {takesFiles && (
          <>
            <input
              ref={picker}
              type="file"
              multiple
              accept={fileRules.accept}
              tabIndex={-1}
              aria-hidden="true"
              className="pc:hidden"
              onChange={(event) => {
                attach([...(event.target.files ?? [])]);
                // The same file may be picked again after it was removed.
                event.target.value = '';
              }}
            />
            <IconButton
              label={text.attach}
              disabled={disabled}
              onClick={() => picker.current?.click()}
              size="icon-lg"
              shape="round"
              icon="m21.4 11.1-9.2 9.2a6 6 0 0 1-8.5-8.5l9.2-9.2a4 4 0 0 1 5.7 5.7l-9.2 9.2a2 2 0 0 1-2.8-2.8l8.5-8.5"
            />
          </>
        )}
        <textarea
          ref={area}
          aria-label={text.composer}
          aria-invalid={tooLong || undefined}
          aria-describedby={cn(tooLong && limitId, problem && problemId) || undefined}
          rows={1}
          value={value}
          disabled={disabled}
          placeholder={placeholder ?? text.placeholder}
          onChange={(event) => onValueChange(event.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
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
          <IconButton
            label={text.stop}
            onClick={onStop}
            variant="primary"
            size="icon-lg"
            shape="round"
            icon={<LineIcon d="M8 8h8v8H8z" fill="currentColor" className="pc:size-4" />}
          />
        ) : (
          <IconButton
            type="submit"
            label={text.send}
            disabled={!canSend}
            variant="primary"
            size="icon-lg"
            shape="round"
            icon="M12 19V5M5 12l7-7 7 7"
          />
        )}
      </div>
      {problem && (
        <p
          id={problemId}
          role="alert"
          data-slot="chat-composer-problem"
          className="pc:m-0 pc:px-2 pc:text-xs pc:text-danger"
        >
          {problem}
        </p>
      )}
      {dragging && <p className="pc:sr-only">{text.dropFiles}</p>}
    </form>
  );
});

const noFiles: readonly File[] = [];

/** A key per file object, so that removing one chip leaves the others (and their previews) as they are. */
const keys = new WeakMap<File, number>();
let lastKey = 0;
function keyOf(file: File): number {
  let key = keys.get(file);
  if (key === undefined) keys.set(file, (key = ++lastKey));
  return key;
}

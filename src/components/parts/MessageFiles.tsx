'use client';
import { forwardRef, useRef, useState, type ComponentProps, type ReactElement } from 'react';
import type { FilePart } from '../../core/messages.js';
import { useLabels, type ChatInterfaceLabels } from '../labels.js';
import { buttonVariants } from '../lib/button.js';
import { cn } from '../lib/cn.js';
import { FileChip } from './FileChip.js';
import { chatEn } from '../labels-en.js';

export interface MessageFilesProps extends Omit<ComponentProps<'ul'>, 'children'> {
  /** The files a message carries. */
  files: readonly FilePart[];
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<ChatInterfaceLabels>;
}

/** Whether an image can be shown from this URL: one we made (data, blob) or a web address, nothing else. */
const showable = (url: string): boolean => /^(data:image\/|blob:|https?:)/i.test(url);

/**
 * The files of a sent message: images as thumbnails that open larger in a modal dialog (Escape or Close brings focus
 * back), other files as chips with their name and size.
 */
export const MessageFiles = forwardRef<HTMLUListElement, MessageFilesProps>(function MessageFiles(
  { files, labels, className, ...props },
  ref,
): ReactElement {
  const text = useLabels('chat', chatEn, labels);
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState<FilePart | null>(null);
  const show = (file: FilePart) => {
    setOpen(file);
    // The dialog exists in the DOM from the first render; it opens as a modal once it shows this image.
    queueMicrotask(() => dialog.current?.showModal?.());
  };
  return (
    <>
      <ul
        ref={ref}
        data-slot="message-files"
        className={cn(
          'pc:m-0 pc:flex pc:max-w-[85%] pc:list-none pc:flex-wrap pc:items-end pc:justify-end pc:gap-2 pc:p-0',
          className,
        )}
        {...props}
      >
        {files.map((file, index) =>
          file.mediaType.startsWith('image/') && showable(file.url) ? (
            <li key={index}>
              <button
                type="button"
                aria-label={text.openImage(file.name)}
                onClick={() => show(file)}
                className="pc:block pc:cursor-zoom-in pc:overflow-hidden pc:rounded-pc pc:border pc:border-border pc:bg-muted pc:p-0 pc:focus-visible:outline-2 pc:focus-visible:outline-offset-2 pc:focus-visible:outline-ring"
              >
                <img src={file.url} alt="" className="pc:block pc:size-24 pc:object-cover" />
              </button>
            </li>
          ) : (
            <FileChip key={index} name={file.name} size={file.size} labels={labels} />
          ),
        )}
      </ul>
      <dialog
        ref={dialog}
        aria-label={open?.name}
        onClose={() => setOpen(null)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          // Escape closes the image, and only that: it must not reach the chat, where it stops an answer.
          event.preventDefault();
          event.stopPropagation();
          dialog.current?.close();
        }}
        // A click on the backdrop (the dialog itself, outside its content) closes it.
        onClick={(event) => event.target === event.currentTarget && dialog.current?.close()}
        className="pc:m-auto pc:max-h-[90vh] pc:max-w-[90vw] pc:rounded-pc pc:border pc:border-border pc:bg-background pc:p-2 pc:text-foreground pc:backdrop:bg-black/60"
      >
        {open && (
          <div className="pc:flex pc:flex-col pc:items-end pc:gap-2">
            <button
              type="button"
              autoFocus
              onClick={() => dialog.current?.close()}
              className={buttonVariants({ variant: 'outline', size: 'sm' })}
            >
              {text.close}
            </button>
            <img src={open.url} alt={open.name} className="pc:block pc:max-h-[80vh] pc:max-w-full pc:object-contain" />
          </div>
        )}
      </dialog>
    </>
  );
});

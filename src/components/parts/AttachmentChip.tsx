'use client';
import { forwardRef, useEffect, useState, type ComponentProps, type ReactElement } from 'react';
import { useLabels, type ChatInterfaceLabels } from '../labels.js';
import { buttonVariants } from '../lib/button.js';
import { cn } from '../lib/cn.js';
import { formatBytes } from '../lib/format-bytes.js';
import { FileGlyph } from './FileGlyph.js';

export interface AttachmentChipProps extends Omit<ComponentProps<'li'>, 'children'> {
  /** The file attached to the message being written. */
  file: File;
  /** Takes the file off the message; no remove button without it. */
  onRemove?: () => void;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<ChatInterfaceLabels>;
}

/**
 * A file waiting to be sent: a thumbnail for an image (from an object URL, revoked as soon as the chip is gone), its
 * name and size, and a remove button named after the file.
 */
export const AttachmentChip = forwardRef<HTMLLIElement, AttachmentChipProps>(function AttachmentChip(
  { file, onRemove, labels, className, ...props },
  ref,
): ReactElement {
  const text = useLabels('chat', labels);
  const [preview, setPreview] = useState<string | null>(null);
  const image = file.type.startsWith('image/');
  useEffect(() => {
    if (!image) return;
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => {
      URL.revokeObjectURL(url);
      setPreview(null);
    };
  }, [file, image]);

  return (
    <li
      ref={ref}
      data-slot="attachment-chip"
      className={cn(
        'pc:box-border pc:flex pc:min-w-0 pc:max-w-56 pc:items-center pc:gap-2 pc:rounded-md pc:border pc:border-border pc:bg-muted pc:py-1 pc:ps-1 pc:pe-1 pc:font-sans pc:text-xs pc:text-foreground',
        className,
      )}
      {...props}
    >
      {preview ? (
        <img src={preview} alt="" className="pc:size-8 pc:shrink-0 pc:rounded pc:object-cover" />
      ) : (
        <FileGlyph className="pc:size-8 pc:shrink-0 pc:p-1.5 pc:text-muted-foreground" />
      )}
      <span className="pc:flex pc:min-w-0 pc:flex-col">
        <span dir="auto" className="pc:truncate pc:font-medium">
          {file.name}
        </span>
        <span dir="ltr" className="pc:self-start pc:tabular-nums pc:text-muted-foreground">
          {formatBytes(file.size)}
        </span>
      </span>
      {onRemove && (
        <button
          type="button"
          aria-label={text.removeAttachment(file.name)}
          title={text.removeAttachment(file.name)}
          onClick={onRemove}
          className={cn(buttonVariants({ variant: 'quiet', size: 'icon-sm' }), 'pc:shrink-0')}
        >
          <svg viewBox="0 0 16 16" aria-hidden="true" className="pc:size-3.5">
            <path d="m4 4 8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          </svg>
        </button>
      )}
    </li>
  );
});

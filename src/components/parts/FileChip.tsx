'use client';
import { forwardRef, type ComponentProps, type ReactElement } from 'react';
import { useLabels, type ChatInterfaceLabels } from '../labels.js';
import { buttonVariants } from '../lib/button.js';
import { cn } from '../lib/cn.js';
import { formatBytes } from '../lib/format-bytes.js';
import { FileGlyph } from './FileGlyph.js';
import { chatEn } from '../labels-en.js';

export interface FileChipProps extends Omit<ComponentProps<'li'>, 'children'> {
  name: string;
  /** Bytes. */
  size: number;
  /** A thumbnail URL, for an image; a file glyph shows without it. */
  preview?: string | null | undefined;
  /** Takes the file off; no remove button without it. */
  onRemove?: (() => void) | undefined;
  labels?: Partial<ChatInterfaceLabels> | undefined;
}

/** One file as a list item: a thumbnail or a glyph, its name and size, and a remove button named after it. */
export const FileChip = forwardRef<HTMLLIElement, FileChipProps>(function FileChip(
  { name, size, preview, onRemove, labels, className, ...props },
  ref,
): ReactElement {
  const text = useLabels('chat', chatEn, labels);
  return (
    <li
      ref={ref}
      data-slot="file-chip"
      className={cn(
        'pc:box-border pc:flex pc:min-w-0 pc:max-w-56 pc:items-center pc:gap-2 pc:rounded-md pc:border pc:border-border pc:bg-muted pc:p-1 pc:font-sans pc:text-xs pc:text-foreground',
        className,
      )}
      {...props}
    >
      {preview ? (
        <img src={preview} alt="" className="pc:size-8 pc:shrink-0 pc:rounded pc:object-cover" />
      ) : (
        <FileGlyph className="pc:size-8 pc:shrink-0 pc:p-1.5 pc:text-muted-foreground" />
      )}
      <span className="pc:flex pc:min-w-0 pc:flex-col pc:pe-1">
        <span dir="auto" className="pc:truncate pc:font-medium">
          {name}
        </span>
        {/* "521 B" keeps its reading order in a right-to-left chat. */}
        <span dir="ltr" className="pc:self-start pc:tabular-nums pc:text-muted-foreground">
          {formatBytes(size)}
        </span>
      </span>
      {onRemove && (
        <button
          type="button"
          aria-label={text.removeAttachment(name)}
          data-pc-tooltip={text.removeAttachment(name)}
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

'use client';
import { forwardRef, useEffect, useState, type ReactElement } from 'react';
import { FileChip, type FileChipProps } from './FileChip.js';

export interface AttachmentChipProps extends Omit<FileChipProps, 'name' | 'size' | 'preview'> {
  /** The file attached to the message being written. */
  file: File;
}

/**
 * A file waiting to be sent, as a `FileChip`: an image shows a thumbnail from an object URL, which is revoked as soon
 * as the chip is gone.
 */
export const AttachmentChip = forwardRef<HTMLLIElement, AttachmentChipProps>(function AttachmentChip(
  { file, ...props },
  ref,
): ReactElement {
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
  return <FileChip ref={ref} name={file.name} size={file.size} preview={preview} {...props} />;
});

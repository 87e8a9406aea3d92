'use client';
import { useEffect, useState } from 'react';
import { copyToClipboard } from './copy-to-clipboard.js';

/** How long a Copy button says "Copied". */
export const COPIED_FOR_MS = 2000;

/** Copies `text` on demand; `copied` is true for {@link COPIED_FOR_MS} after each successful copy. */
export function useCopy(text: string, onCopied?: () => void): { copied: boolean; copy: () => Promise<void> } {
  const [copiedAt, setCopiedAt] = useState<number | null>(null);
  useEffect(() => {
    if (copiedAt === null) return;
    const id = setTimeout(() => setCopiedAt(null), COPIED_FOR_MS);
    return () => clearTimeout(id);
  }, [copiedAt]);
  return {
    copied: copiedAt !== null,
    copy: async () => {
      if (!(await copyToClipboard(text))) return;
      setCopiedAt(Date.now());
      onCopied?.();
    },
  };
}

'use client';
import type { ReactElement } from 'react';
import { IconButton, type IconButtonProps } from './IconButton.js';
import { useCopy } from './use-copy.js';

/** Lucide's copy and check glyphs. */
const COPY =
  'M10 8h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10a2 2 0 0 1-2-2V10a2 2 0 0 1 2-2zM4 16c-1.1 0-2-.9-2-2V4c0-1.1.9-2 2-2h10c1.1 0 2 .9 2 2';
const CHECK = 'M20 6 9 17l-5-5';

export interface CopyButtonProps extends Omit<IconButtonProps, 'label' | 'icon' | 'onClick' | 'onCopy'> {
  /** What goes on the clipboard. */
  text: string;
  /** The button's name before copying ("Copy", "Copy code"). */
  label: string;
  /** Its name, and what is announced, for two seconds after a copy. */
  copiedLabel: string;
  /** Called after each successful copy. */
  onCopied?: (() => void) | undefined;
}

/** The one Copy icon button: copies, turns to a check named `copiedLabel` for two seconds and says so politely. */
export function CopyButton({ text, label, copiedLabel, onCopied, ...props }: CopyButtonProps): ReactElement {
  const { copied, copy } = useCopy(text, onCopied);
  return (
    <IconButton
      label={copied ? copiedLabel : label}
      icon={copied ? CHECK : COPY}
      data-state={copied ? 'copied' : 'idle'}
      onClick={() => void copy()}
      {...props}
    >
      <span aria-live="polite" className="pc:sr-only">
        {copied ? copiedLabel : ''}
      </span>
    </IconButton>
  );
}

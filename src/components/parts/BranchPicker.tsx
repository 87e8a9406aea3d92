'use client';
import { forwardRef, useRef, type ComponentProps, type ReactElement } from 'react';
import type { MessageBranch } from '../../core/messages.js';
import { useLabels, type MessageBubbleLabels } from '../labels.js';
import { buttonVariants } from '../lib/button.js';
import { ChevronIcon } from '../lib/chevron-icon.js';
import { cn } from '../lib/cn.js';
import { handOffFocus, useTakeFocus } from '../lib/focus-handoff.js';
import { messageBubbleEn } from '../labels-en.js';

export interface BranchPickerProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** The message's place among its versions; nothing shows for a message with no other version. */
  branch: MessageBranch | undefined;
  /** Shows the version at `index` (0-based). */
  onSwitch: (index: number) => void;
  /** What the versions share (their parent's id): focus follows from one version's buttons to the next one's. */
  group: string;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<MessageBubbleLabels>;
}

/**
 * "2 / 3" with previous and next: the versions of a message made by editing or regenerating it. At either end the
 * button says it is unavailable but keeps its focus, so a keyboard user is never dropped.
 */
export const BranchPicker = forwardRef<HTMLDivElement, BranchPickerProps>(function BranchPicker(
  { branch, onSwitch, group, labels, className, ...props },
  ref,
): ReactElement | null {
  const text = useLabels('messageBubble', messageBubbleEn, labels);
  const previous = useRef<HTMLButtonElement>(null);
  const next = useRef<HTMLButtonElement>(null);
  useTakeFocus(group, 'previous-version', previous);
  useTakeFocus(group, 'next-version', next);
  if (!branch || branch.count < 2) return null;
  const { index, count } = branch;
  const go = (to: number, control: string) => {
    if (to < 0 || to >= count) return;
    handOffFocus(group, control);
    onSwitch(to);
  };
  const button = buttonVariants({ variant: 'quiet', size: 'icon-sm' });
  return (
    <div
      ref={ref}
      role="group"
      // The position is in the group's name: focus arriving in the next version's picker reads it out.
      aria-label={`${text.versions}: ${text.versionOf(index + 1, count)}`}
      data-slot="branch-picker"
      className={cn('pc:flex pc:items-center pc:gap-0.5 pc:font-sans pc:text-xs pc:text-muted-foreground', className)}
      {...props}
    >
      <button
        ref={previous}
        type="button"
        aria-label={text.previousVersion}
        data-pc-tooltip={text.previousVersion}
        aria-disabled={index === 0}
        onClick={() => go(index - 1, 'previous-version')}
        className={cn(button, 'pc:aria-disabled:cursor-not-allowed pc:aria-disabled:*:opacity-40')}
      >
        <ChevronIcon direction="back" className="pc:size-3.5" />
      </button>
      <span data-slot="branch-position" className="pc:tabular-nums">
        {text.versionOf(index + 1, count)}
      </span>
      <button
        ref={next}
        type="button"
        aria-label={text.nextVersion}
        data-pc-tooltip={text.nextVersion}
        aria-disabled={index === count - 1}
        onClick={() => go(index + 1, 'next-version')}
        className={cn(button, 'pc:aria-disabled:cursor-not-allowed pc:aria-disabled:*:opacity-40')}
      >
        <ChevronIcon direction="forward" className="pc:size-3.5" />
      </button>
    </div>
  );
});

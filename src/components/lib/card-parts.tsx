import type { ComponentProps, ReactElement } from 'react';
import { buttonVariants } from './button.js';
import { cn } from './cn.js';

/** The ✕ button; its accessible name says what it dismisses (`label` includes the card's title). */
export function DismissButton({
  label,
  className,
  ...props
}: Omit<ComponentProps<'button'>, 'children' | 'aria-label'> & { label: string }): ReactElement {
  return (
    <button
      type="button"
      aria-label={label}
      data-pc-tooltip={label}
      className={cn(buttonVariants({ variant: 'quiet', size: 'icon-sm' }), className)}
      {...props}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="pc:size-4">
        <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    </button>
  );
}

/** How sure the model is, in words ("82% confidence"): shown only where the host asks for it. */
export function Confidence({
  value,
  format,
  className,
  ...props
}: Omit<ComponentProps<'span'>, 'children'> & { value: number; format: (percent: number) => string }): ReactElement {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <span className={cn('pc:text-xs pc:tabular-nums pc:text-muted-foreground', className)} {...props}>
      {format(percent)}
    </span>
  );
}

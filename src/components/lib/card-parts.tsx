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
      title={label}
      className={cn(buttonVariants({ variant: 'quiet', size: 'icon' }), className)}
      {...props}
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="pc:size-4">
        <path d="M4 4l8 8M12 4l-8 8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
    </button>
  );
}

/**
 * How sure the model is: the words (e.g. "82% confidence") and a small bar that shows the same
 * number, hidden from screen readers because the words already say it.
 */
export function Confidence({
  value,
  format,
  className,
  ...props
}: Omit<ComponentProps<'span'>, 'children'> & { value: number; format: (percent: number) => string }): ReactElement {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <span
      className={cn('pc:inline-flex pc:items-center pc:gap-2 pc:text-xs pc:text-muted-foreground', className)}
      {...props}
    >
      <span aria-hidden="true" className="pc:block pc:h-1.5 pc:w-12 pc:overflow-hidden pc:rounded-full pc:bg-border">
        <span className="pc:block pc:h-full pc:rounded-full pc:bg-current" style={{ inlineSize: `${percent}%` }} />
      </span>
      {format(percent)}
    </span>
  );
}

'use client';
import { forwardRef, type ComponentProps, type ReactElement, type ReactNode } from 'react';
import { buttonVariants } from './button.js';
import { cn } from './cn.js';
import { LineIcon } from './line-icon.js';

export interface IconButtonProps extends Omit<ComponentProps<'button'>, 'children'> {
  /** The button's accessible name, also shown as its tooltip on hover and keyboard focus. */
  label: string;
  /** The icon: one 24×24 path, or an element of your own. */
  icon: string | ReactElement;
  /** @default "quiet" */
  variant?: 'quiet' | 'primary' | 'subtle';
  /** @default "icon-sm" */
  size?: 'icon-sm' | 'icon' | 'icon-lg';
  /** @default "square" */
  shape?: 'square' | 'round';
  /** Extra content, such as a polite live region that says "Copied". */
  children?: ReactNode;
}

/**
 * The one icon button of the library: an icon, an accessible name, and that name as a tooltip on hover and on
 * keyboard focus (a CSS tooltip, so it costs no script and no portal).
 */
export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { label, icon, variant = 'quiet', size = 'icon-sm', shape = 'square', className, children, ...props },
  ref,
): ReactElement {
  return (
    <button
      ref={ref}
      type="button"
      aria-label={label}
      data-pc-tooltip={label}
      className={cn(buttonVariants({ variant, size, shape }), className)}
      {...props}
    >
      {typeof icon === 'string' ? <LineIcon d={icon} className="pc:size-4" /> : icon}
      {children}
    </button>
  );
});

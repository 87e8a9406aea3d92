import { cva } from 'class-variance-authority';

/**
 * The library's buttons. With no preflight, a `<button>` keeps the browser's own face, border and font,
 * so the base resets exactly those, on our buttons only.
 */
export const buttonVariants = cva(
  'pc:box-border pc:inline-flex pc:cursor-pointer pc:items-center pc:justify-center pc:gap-1.5 pc:rounded-md pc:border-0 pc:font-sans pc:font-medium pc:leading-5 pc:transition-colors pc:focus-visible:outline-2 pc:focus-visible:outline-offset-2 pc:focus-visible:outline-ring pc:disabled:cursor-not-allowed pc:disabled:opacity-50',
  {
    variants: {
      variant: {
        primary: 'pc:bg-accent pc:text-accent-foreground pc:hover:opacity-90',
        ghost: 'pc:bg-transparent pc:text-foreground pc:hover:bg-muted',
        subtle: 'pc:bg-muted pc:text-foreground pc:hover:bg-border',
      },
      size: {
        sm: 'pc:px-2 pc:py-0.5 pc:text-xs',
        md: 'pc:px-2.5 pc:py-1 pc:text-sm',
        icon: 'pc:size-8 pc:p-0',
      },
    },
    defaultVariants: { variant: 'ghost', size: 'md' },
  },
);

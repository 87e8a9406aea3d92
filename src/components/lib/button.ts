import { cva } from 'class-variance-authority';

/**
 * The library's buttons. With no preflight, a `<button>` keeps the browser's own face, border and font,
 * so the variants reset exactly those, on our buttons only. Each property is set by one part only (base, variant or
 * size), because classes are joined, not merged.
 */
export const buttonVariants = cva(
  'pc:box-border pc:inline-flex pc:cursor-pointer pc:items-center pc:justify-center pc:gap-1.5 pc:rounded-md pc:font-sans pc:leading-5 pc:transition-colors pc:focus-visible:outline-2 pc:focus-visible:outline-offset-2 pc:focus-visible:outline-ring pc:disabled:cursor-not-allowed pc:disabled:opacity-50',
  {
    variants: {
      variant: {
        primary: 'pc:border-0 pc:bg-accent pc:font-medium pc:text-accent-foreground pc:hover:opacity-90',
        ghost: 'pc:border-0 pc:bg-transparent pc:font-medium pc:text-foreground pc:hover:bg-muted',
        subtle: 'pc:border-0 pc:bg-muted pc:font-medium pc:text-foreground pc:hover:bg-border',
        /** Bordered, for a secondary action beside a primary one. */
        outline: 'pc:border pc:border-border pc:bg-transparent pc:font-medium pc:text-foreground pc:hover:bg-muted',
        /** Muted until hovered, for dismiss buttons. */
        quiet:
          'pc:border-0 pc:bg-transparent pc:font-medium pc:text-muted-foreground pc:hover:bg-muted pc:hover:text-foreground',
        /** Accent-coloured text, for in-card toggles such as "Show more". */
        link: 'pc:border-0 pc:bg-transparent pc:font-medium pc:text-accent pc:hover:bg-muted',
        /** A full-width choice with normal-weight, start-aligned text, such as a starter prompt. */
        option:
          'pc:h-auto pc:w-full pc:border-0 pc:bg-muted pc:text-start pc:font-normal pc:text-foreground pc:hover:bg-border',
      },
      size: {
        sm: 'pc:px-2 pc:py-0.5 pc:text-xs',
        md: 'pc:px-2.5 pc:py-1 pc:text-sm',
        icon: 'pc:size-8 pc:p-0',
        /** An icon beside small text buttons, as tall as they are. */
        'icon-sm': 'pc:size-6 pc:p-0',
      },
    },
    defaultVariants: { variant: 'ghost', size: 'md' },
  },
);

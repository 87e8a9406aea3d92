import { cva } from 'class-variance-authority';

/**
 * The library's buttons. With no preflight, a `<button>` keeps the browser's own face, border and font,
 * so the variants reset exactly those, on our buttons only. Each property is set by one part only (base, variant,
 * size or shape), because classes are joined, not merged.
 */
export const buttonVariants = cva(
  'pc:box-border pc:inline-flex pc:shrink-0 pc:cursor-pointer pc:items-center pc:justify-center pc:gap-1.5 pc:font-sans pc:leading-5 pc:transition-colors pc:focus-visible:outline-2 pc:focus-visible:outline-offset-2 pc:focus-visible:outline-ring pc:disabled:cursor-not-allowed',
  {
    variants: {
      variant: {
        /** Disabled, it turns grey rather than faded: a faded accent reads as muddy, in dark mode above all. */
        primary:
          'pc:border-0 pc:bg-accent pc:font-medium pc:text-accent-foreground pc:hover:opacity-90 pc:disabled:bg-muted pc:disabled:text-muted-foreground pc:disabled:hover:opacity-100',
        ghost:
          'pc:border-0 pc:bg-transparent pc:font-medium pc:text-foreground pc:hover:bg-muted pc:disabled:opacity-50',
        subtle: 'pc:border-0 pc:bg-muted pc:font-medium pc:text-foreground pc:hover:bg-border pc:disabled:opacity-50',
        /** Bordered, for a secondary action beside a primary one. */
        outline:
          'pc:border pc:border-border pc:bg-transparent pc:font-medium pc:text-foreground pc:hover:bg-muted pc:disabled:opacity-50',
        /** Muted until hovered, for icon actions and dismiss buttons. */
        quiet:
          'pc:border-0 pc:bg-transparent pc:font-medium pc:text-muted-foreground pc:hover:bg-muted pc:hover:text-foreground pc:disabled:opacity-50',
        /** Accent-coloured text, for in-card toggles such as "Show more". */
        link: 'pc:border-0 pc:bg-transparent pc:font-medium pc:text-accent pc:hover:bg-muted pc:disabled:opacity-50',
        /** A card-like choice with normal-weight, start-aligned text, such as a starter prompt. */
        option:
          'pc:h-full pc:w-full pc:justify-start pc:border pc:border-border pc:bg-background pc:text-start pc:font-normal pc:text-foreground pc:hover:bg-muted pc:disabled:opacity-50',
      },
      size: {
        sm: 'pc:px-2 pc:py-0.5 pc:text-xs',
        md: 'pc:px-2.5 pc:py-1 pc:text-sm',
        icon: 'pc:size-8 pc:p-0',
        /** An icon beside small text buttons, as tall as they are. */
        'icon-sm': 'pc:size-7 pc:p-0',
        /** Roomy, for a card-like `option`. */
        block: 'pc:px-3.5 pc:py-3 pc:text-sm',
        /** As tall as the composer's one-line text box: Send and Stop. */
        'icon-lg': 'pc:size-9 pc:p-0',
      },
      shape: {
        square: 'pc:rounded-md',
        round: 'pc:rounded-full',
        /** The radius of cards and bubbles. */
        card: 'pc:rounded-pc',
      },
    },
    defaultVariants: { variant: 'ghost', size: 'md', shape: 'square' },
  },
);

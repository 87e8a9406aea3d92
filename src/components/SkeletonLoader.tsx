'use client';
import { forwardRef, useId, type ComponentProps, type ReactElement } from 'react';
import { cva, type VariantProps } from 'class-variance-authority';
import { cn } from './lib/cn.js';
import { useLabels, type LoaderLabels } from './labels.js';
import { loaderEn } from './labels-en.js';

/** The shape a {@link SkeletonLoader} stands in for; also its `data-variant`. */
export type SkeletonLoaderVariant = 'message' | 'list' | 'card';

export const skeletonLoaderVariants = cva('pc:font-sans pc:motion-safe:animate-pulse', {
  variants: {
    variant: {
      message: 'pc:flex pc:flex-col pc:gap-2.5 pc:py-[5px]',
      list: 'pc:flex pc:flex-col pc:gap-3',
      card: 'pc:block pc:rounded-pc pc:border pc:border-border pc:bg-background pc:p-4',
    } satisfies Record<SkeletonLoaderVariant, string>,
  },
  defaultVariants: { variant: 'message' },
});

/** One bar of placeholder text. */
const lineVariants = cva('pc:block pc:rounded-full pc:bg-border', {
  variants: {
    size: {
      text: 'pc:h-3',
      title: 'pc:h-4',
    },
  },
  defaultVariants: { size: 'text' },
});

/**
 * Widths of the text lines, in order and then round again: fixed (never random) so that every render,
 * and every visual snapshot, is the same. The last line of a block is always the short one.
 */
const LINE_WIDTHS = ['pc:w-full', 'pc:w-11/12', 'pc:w-4/5', 'pc:w-5/6'] as const;
const LAST_LINE_WIDTH = 'pc:w-3/5';
/** Widths of the list rows' primary lines, so the rows do not look stamped out. */
const ROW_WIDTHS = ['pc:w-2/3', 'pc:w-1/2', 'pc:w-3/5', 'pc:w-5/12'] as const;

/** The width class of line `index` of `count`. */
function skeletonLineWidth(index: number, count: number): string {
  if (count > 1 && index === count - 1) return LAST_LINE_WIDTH;
  return LINE_WIDTHS[index % LINE_WIDTHS.length] as string;
}

function Lines({ count }: { count: number }): ReactElement {
  return (
    <>
      {Array.from({ length: count }, (_, i) => (
        <span
          key={i}
          aria-hidden="true"
          data-slot="skeleton-line"
          className={cn(lineVariants(), skeletonLineWidth(i, count))}
        />
      ))}
    </>
  );
}

function Avatar(): ReactElement {
  return (
    <span
      aria-hidden="true"
      data-slot="skeleton-avatar"
      className="pc:block pc:size-8 pc:shrink-0 pc:rounded-full pc:bg-border"
    />
  );
}

/** At least one, whole: a count the shapes can draw. */
function atLeastOne(value: number): number {
  return Number.isFinite(value) ? Math.max(1, Math.floor(value)) : 1;
}

export interface SkeletonLoaderProps
  extends Omit<ComponentProps<'div'>, 'children'>, VariantProps<typeof skeletonLoaderVariants> {
  /**
   * `message` is an assistant answer (lines of text, as tall as its lines), `list` a column of rows, `card` a block with
   * a title, text and a button. @default "message"
   */
  variant?: SkeletonLoaderVariant;
  /** Text lines of the `message` and `card` shapes (the last one is shorter). @default 3 (message), 2 (card) */
  lines?: number;
  /** Rows of the `list` shape. @default 3 */
  count?: number;
  /** Text overrides, over a `ChatLabelsProvider`'s; `loading` is the accessible name. @default English */
  labels?: Partial<LoaderLabels>;
}

/**
 * A placeholder in the shape of what is loading: a message, a list or a card. A polite status
 * region named "Loading…" for screen readers; the shapes themselves are hidden from them. It breathes
 * (a slow pulse) unless the user prefers reduced motion, when it stands still.
 */
export const SkeletonLoader = forwardRef<HTMLDivElement, SkeletonLoaderProps>(function SkeletonLoader(
  { variant = 'message', lines, count = 3, labels, className, ...props },
  ref,
): ReactElement {
  const text = useLabels('loader', loaderEn, labels);
  const labelId = useId();
  const lineCount = atLeastOne(lines ?? (variant === 'card' ? 2 : 3));

  return (
    <div
      ref={ref}
      role="status"
      aria-live="polite"
      aria-busy="true"
      aria-labelledby={labelId}
      data-slot="skeleton"
      data-variant={variant}
      className={cn(skeletonLoaderVariants({ variant }), className)}
      {...props}
    >
      <span id={labelId} data-slot="skeleton-label" className="pc:sr-only">
        {text.loading}
      </span>
      {/* Lines where the answer's lines will be, nothing else: an assistant answer has no avatar and no box. */}
      {variant === 'message' && <Lines count={lineCount} />}
      {variant === 'list' &&
        Array.from({ length: atLeastOne(count) }, (_, i) => (
          <span key={i} aria-hidden="true" data-slot="skeleton-row" className="pc:flex pc:items-center pc:gap-3">
            <Avatar />
            <span className="pc:flex pc:min-w-0 pc:flex-1 pc:flex-col pc:gap-2">
              <span data-slot="skeleton-line" className={cn(lineVariants(), ROW_WIDTHS[i % ROW_WIDTHS.length])} />
              <span data-slot="skeleton-line" className={cn(lineVariants(), 'pc:w-1/3')} />
            </span>
          </span>
        ))}
      {variant === 'card' && (
        <span aria-hidden="true" data-slot="skeleton-card" className="pc:flex pc:flex-col pc:gap-3">
          <span data-slot="skeleton-title" className={cn(lineVariants({ size: 'title' }), 'pc:w-1/2')} />
          <span className="pc:flex pc:flex-col pc:gap-2.5">
            <Lines count={lineCount} />
          </span>
          <span data-slot="skeleton-button" className="pc:mt-1 pc:block pc:h-8 pc:w-24 pc:rounded-pc pc:bg-border" />
        </span>
      )}
    </div>
  );
});

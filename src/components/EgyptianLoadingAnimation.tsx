'use client';
import { forwardRef, useId, type ComponentProps, type ReactElement } from 'react';
import { cva, type VariantProps } from 'class-variance-authority';
import { cn } from './lib/cn.js';
import { useLabels, type LoaderLabels } from './labels.js';
import { loaderEn } from './labels-en.js';

/** How big {@link EgyptianLoadingAnimation} draws: 24, 48 or 96 px square; also its `data-size`. */
export type EgyptianLoadingAnimationSize = 'sm' | 'md' | 'lg';

export const egyptianLoadingAnimationVariants = cva(
  'pc:inline-flex pc:items-center pc:font-sans pc:text-muted-foreground',
  {
    variants: {
      size: {
        sm: 'pc:gap-2 pc:text-xs',
        md: 'pc:gap-2 pc:text-sm',
        lg: 'pc:gap-3 pc:text-base',
      } satisfies Record<EgyptianLoadingAnimationSize, string>,
    },
    defaultVariants: { size: 'md' },
  },
);

const graphicVariants = cva('pc:shrink-0', {
  variants: {
    size: {
      sm: 'pc:size-6',
      md: 'pc:size-12',
      lg: 'pc:size-24',
    } satisfies Record<EgyptianLoadingAnimationSize, string>,
  },
});

/**
 * Glyph strokes in viewBox units (the drawing is 48 units square), about 1.75–2.5 px wide, never a blurry half
 * pixel. The small size draws no glyphs.
 */
const glyphStroke: Record<Exclude<EgyptianLoadingAnimationSize, 'sm'>, number> = { md: 1.75, lg: 1.25 };

/** Each glyph lights up a third of a cycle after the one before it (the cycle is 1.8 s). */
const glyphDelays = ['', 'pc:motion-safe:[animation-delay:600ms]', 'pc:motion-safe:[animation-delay:1200ms]'];

/** Three hieroglyph-like signs under the pyramid: a sun (ra), a reed, water. */
const glyphPaths = [
  'M14 43.5m-2.5 0a2.5 2.5 0 1 0 5 0a2.5 2.5 0 1 0-5 0M14 43.5h.01',
  'M23 46.5V42.5Q23 40.5 25.5 40.5',
  'M30 44.5l1.6-1.8 1.6 1.8 1.6-1.8 1.6 1.8 1.6-1.8',
];

/** The sun disc: it pivots about a point under the pyramid, so it travels an arc from one horizon to the other. */
function Sun({ cy, r, className }: { cy: number; r: number; className?: string }): ReactElement {
  return (
    <g
      data-slot="egyptian-loader-sun"
      className="pc:origin-[24px_32px] pc:[transform-box:view-box] pc:motion-safe:animate-sun-arc"
    >
      <circle cx="24" cy={cy} r={r} className={className} />
    </g>
  );
}

/**
 * A sun disc arcs over a pyramid while three hieroglyphs under it light up in turn (at `sm`, a one-colour
 * silhouette of the pyramid and its sun). The drawing
 * is 48 units square with its flat edges on even units, so they fall on whole pixels at 24, 48 and 96 px.
 * With reduced motion it stands still: the sun at its height above the apex, the glyphs unlit.
 */
function PyramidGraphic({ size }: { size: EgyptianLoadingAnimationSize }): ReactElement {
  // At 24 px colours and glyphs turn to smudges (a blue pyramid read as a traffic cone): one colour, the outline
  // of a pyramid under its sun, which still arcs.
  if (size === 'sm')
    return (
      <svg
        viewBox="0 0 48 48"
        aria-hidden="true"
        focusable="false"
        data-slot="egyptian-loader-graphic"
        className={cn(graphicVariants({ size }), 'pc:fill-current')}
      >
        <Sun cy={7} r={5} />
        <path d="M4 40 24 14v26Z" />
        <path d="M24 14 44 40H24Z" fillOpacity="0.6" />
      </svg>
    );
  return (
    <svg
      viewBox="0 0 48 48"
      aria-hidden="true"
      focusable="false"
      data-slot="egyptian-loader-graphic"
      className={graphicVariants({ size })}
    >
      <Sun cy={6} r={4.5} className="pc:fill-warning" />
      <g data-slot="egyptian-loader-pyramid" className="pc:fill-accent">
        <path d="M7 36 24 12v24Z" />
        <path d="M24 12 41 36H24Z" fillOpacity="0.7" />
      </g>
      <rect x="3" y="36" width="42" height="2" rx="1" className="pc:fill-muted-foreground" />
      {glyphPaths.map((d, i) => (
        <path
          key={d}
          d={d}
          data-slot="egyptian-loader-glyph"
          fill="none"
          stroke="currentColor"
          strokeWidth={glyphStroke[size]}
          strokeLinecap="round"
          strokeLinejoin="round"
          className={cn('pc:text-muted-foreground pc:motion-safe:animate-glyph-glow', glyphDelays[i])}
        />
      ))}
    </svg>
  );
}

export interface EgyptianLoadingAnimationProps
  extends Omit<ComponentProps<'div'>, 'children'>, VariantProps<typeof egyptianLoadingAnimationVariants> {
  /** `sm` 24 px (inline, beside text), `md` 48 px, `lg` 96 px (an empty transcript). @default "md" */
  size?: EgyptianLoadingAnimationSize;
  /** What it says, over `labels.thinking`. @default "Thinking…" */
  label?: string;
  /** Show the label beside the drawing; otherwise only screen readers hear it. @default false */
  showLabel?: boolean;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<LoaderLabels>;
}

/**
 * The loader for a model's long "thinking" phase: a sun disc arcing over a pyramid while hieroglyphs
 * light up in turn. A polite status region named by its label (shown beside it with `showLabel`,
 * otherwise for screen readers only); the drawing is hidden from them. Still under reduced motion.
 */
export const EgyptianLoadingAnimation = forwardRef<HTMLDivElement, EgyptianLoadingAnimationProps>(
  function EgyptianLoadingAnimation(
    { size = 'md', label, showLabel = false, labels, className, ...props },
    ref,
  ): ReactElement {
    const text = useLabels('loader', loaderEn, labels);
    const labelId = useId();

    return (
      <div
        ref={ref}
        role="status"
        aria-live="polite"
        aria-labelledby={labelId}
        data-slot="egyptian-loader"
        data-size={size}
        className={cn(egyptianLoadingAnimationVariants({ size }), className)}
        {...props}
      >
        <PyramidGraphic size={size} />
        <span id={labelId} data-slot="egyptian-loader-label" className={showLabel ? undefined : 'pc:sr-only'}>
          {label ?? text.thinking}
        </span>
      </div>
    );
  },
);

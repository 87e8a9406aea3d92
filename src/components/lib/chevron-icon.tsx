import type { ReactElement, SVGProps } from 'react';
import { cn } from './cn.js';
import { LineIcon } from './line-icon.js';

// The chevron was drawn as `m6 3 5 5-5 5` in a 16-unit box with a 2-unit stroke: the same shape scaled by 1.5 into
// LineIcon's 24-unit box, with a 3-unit stroke, paints the same pixels (checked in Chromium at 12 to 18 px, mirrored,
// turned and at sub-pixel offsets).
const paths = { forward: 'm9 4.5 7.5 7.5-7.5 7.5', back: 'm15 4.5-7.5 7.5 7.5 7.5' };

export interface ChevronIconProps extends SVGProps<SVGSVGElement> {
  /** Along the reading direction (`forward`: right in left-to-right text) or against it (`back`). */
  direction: keyof typeof paths;
}

/** A decorative chevron that points along or against the text: mirrored in right-to-left text. */
export function ChevronIcon({ direction, className, ...props }: ChevronIconProps): ReactElement {
  return <LineIcon d={paths[direction]} strokeWidth="3" className={cn('pc:rtl:-scale-x-100', className)} {...props} />;
}

/**
 * The marker of a `<details>` whose summary is a flex box (which loses the native one): it says "folds", points along
 * the text while closed and down while open. The `<details>` must be the Tailwind `group`.
 */
export function DisclosureChevron(): ReactElement {
  return (
    <ChevronIcon
      direction="forward"
      // A sharp tip, as this marker has always had: a round join paints other pixels at 12 px.
      strokeLinejoin="miter"
      className="pc:size-3 pc:shrink-0 pc:transition-transform pc:group-open:rotate-90 pc:rtl:group-open:-rotate-90"
    />
  );
}

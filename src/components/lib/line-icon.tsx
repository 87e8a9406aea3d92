import type { ReactElement, SVGProps } from 'react';

/**
 * A decorative 24×24 line icon of one path (Lucide's style: 2 px round strokes in the text colour). Hidden from
 * screen readers: the button or text beside it carries the meaning.
 */
export function LineIcon({ d, className, ...props }: { d: string } & SVGProps<SVGSVGElement>): ReactElement {
  return (
    <svg
      viewBox="0 0 24 24"
      aria-hidden="true"
      className={className}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      {...props}
    >
      <path d={d} />
    </svg>
  );
}

import type { ReactElement } from 'react';
import { LineIcon } from '../lib/line-icon.js';

/** A sheet with a folded corner: a file that is not an image. */
export function FileGlyph({ className }: { className?: string }): ReactElement {
  return <LineIcon className={className} d="M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8zM14 2v6h6" />;
}

import { clsx, type ClassValue } from 'clsx';
import { extendTailwindMerge } from 'tailwind-merge';

const merge = extendTailwindMerge({ prefix: 'pc' });

/** Joins class names and resolves conflicting `pc:` utilities so that later ones (the caller's) win. */
export function cn(...inputs: ClassValue[]): string {
  return merge(clsx(inputs));
}

import { clsx, type ClassValue } from 'clsx';

/**
 * Joins class names, the caller's last. No tailwind-merge: our utilities carry the `pc:` prefix, so a host's own
 * classes never conflict with them by name, and our variants are written so that no two set the same property.
 * A host's unlayered CSS beats our layered utilities, and a Tailwind host's utilities come after ours.
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}

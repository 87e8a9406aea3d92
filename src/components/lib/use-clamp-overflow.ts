'use client';
import { useRef, useState, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../../react/use-isomorphic-layout-effect.js';

/**
 * Whether a line-clamped element hides some of its text, measured from its layout (not guessed from a character
 * count: a short line of wide glyphs can overflow, a long one in a wide card does not). Measured while `clamped`,
 * again whenever its size changes, so a card that widens can lose its "Show more".
 */
export function useClampOverflow<T extends HTMLElement>(clamped: boolean): [RefObject<T | null>, boolean] {
  const ref = useRef<T>(null);
  const [overflows, setOverflows] = useState(false);
  useIsomorphicLayoutEffect(() => {
    const node = ref.current;
    if (!node || !clamped) return;
    const measure = () => setOverflows(node.scrollHeight > node.clientHeight + 1);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, [clamped]);
  return [ref, overflows];
}

'use client';
import { useEffect, useRef, useState, type RefObject } from 'react';

/** What a horizontally scrolling element hides. */
export interface ScrollOverflow {
  /** Its content is wider than it. */
  overflows: boolean;
  /** Content is still hidden past its inline end (for a left-to-right element, its right). */
  moreAtEnd: boolean;
  /** Height of its horizontal scrollbar, in px (0 for overlay scrollbars), so an overlay can keep clear of it. */
  scrollbar: number;
}

const fits: ScrollOverflow = { overflows: false, moreAtEnd: false, scrollbar: 0 };

/**
 * Measures a left-to-right element that scrolls sideways: when resized, scrolled, or when `content` (what it shows)
 * changes. Renders again only when a measure changes, not on every scroll event. A change of content is measured in
 * the next frame, once however many changes came: each measure lays the element out, and a code block still
 * streaming changes with every token.
 */
export function useScrollOverflow(ref: RefObject<HTMLElement | null>, content: unknown): ScrollOverflow {
  const [overflow, setOverflow] = useState(fits);
  const scheduleMeasure = useRef<() => void>(() => {});
  const mounted = useRef(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const hidden = element.scrollWidth - element.clientWidth;
      const next: ScrollOverflow = {
        overflows: hidden > 1,
        // Within a pixel of the end counts as the end: zoomed pages scroll to fractional offsets.
        moreAtEnd: hidden - element.scrollLeft > 1,
        scrollbar: element.offsetHeight - element.clientHeight,
      };
      setOverflow((last) =>
        last.overflows === next.overflows && last.moreAtEnd === next.moreAtEnd && last.scrollbar === next.scrollbar
          ? last
          : next,
      );
    };
    let frame = 0;
    scheduleMeasure.current = () => {
      frame ||= requestAnimationFrame(() => {
        frame = 0;
        measure();
      });
    };
    element.addEventListener('scroll', measure, { passive: true });
    // A new observer reports the element's size once it is laid out: the first measure happens then, with layout
    // already done, instead of forcing a layout now — per block, inside a history chunk the browser has not laid out
    // yet (content-visibility), that was 62% of mounting 2,000 messages. Not at all while the chunk stays off-screen.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    if (observer) observer.observe(element);
    else measure();
    return () => {
      cancelAnimationFrame(frame);
      scheduleMeasure.current = () => {};
      element.removeEventListener('scroll', measure);
      observer?.disconnect();
    };
  }, [ref]);
  useEffect(() => {
    // Not on mount: the observer's first report measures then.
    if (mounted.current) scheduleMeasure.current();
    mounted.current = true;
  }, [content]);
  return overflow;
}

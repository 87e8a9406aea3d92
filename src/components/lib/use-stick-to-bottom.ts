'use client';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

/** How close to the end still counts as "at the bottom", in pixels. */
const SLACK_PX = 48;

/**
 * Keeps a scroll container pinned to its end while content grows, unless the reader has scrolled up:
 * then it stays put and `atBottom` turns false, so the UI can offer "jump to latest". Attach `ref` to an
 * element that is rendered as long as the component is.
 */
export function useStickToBottom<T extends HTMLElement>(): {
  ref: RefObject<T | null>;
  atBottom: boolean;
  scrollToBottom: () => void;
} {
  const ref = useRef<T>(null);
  const [atBottom, setAtBottom] = useState(true);
  // What `atBottom` last told React: scroll events come every frame while following, and only a change re-renders.
  const shown = useRef(true);
  const pinned = useRef(true);

  const show = useCallback((bottom: boolean) => {
    if (shown.current === bottom) return;
    shown.current = bottom;
    setAtBottom(bottom);
  }, []);

  const scrollToBottom = useCallback(() => {
    const node = ref.current;
    if (!node) return;
    pinned.current = true;
    show(true);
    const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    // jsdom (a host's own component tests) has no scrollTo.
    if (typeof node.scrollTo !== 'function') node.scrollTop = node.scrollHeight;
    else node.scrollTo({ top: node.scrollHeight, behavior: smooth ? 'smooth' : 'auto' });
  }, [show]);

  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    // Where the reader was when last seen: at each scroll event, and after each follow (the browser may have moved
    // them: a viewport that grows pulls the scroll position up to the new end).
    let lastTop = node.scrollTop;
    const follow = () => {
      if (!pinned.current) return;
      node.scrollTop = node.scrollHeight;
      lastTop = node.scrollTop;
    };
    // Only the reader moving up lets go of the end. A scroll event is handled a frame after the scroll, and layout
    // may change in between (panels opening below shrink the viewport): a pinned reader who finds the end farther
    // away without having moved up stays pinned, and the resize observer below takes them to the end again.
    const onScroll = () => {
      const top = node.scrollTop;
      if (node.scrollHeight - top - node.clientHeight <= SLACK_PX) pinned.current = true;
      else if (top < lastTop) pinned.current = false;
      lastTop = top;
      show(pinned.current);
    };
    // Growth of any child (a streaming answer, an image that loads) re-pins when the reader is at the end. Each child
    // is observed once, when it is added: the cost of a token does not grow with the length of the transcript.
    // Without ResizeObserver (old browsers, jsdom), any change in the subtree re-pins instead.
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(follow);
    const mutations = new MutationObserver((records) => {
      if (resize) {
        for (const record of records) {
          for (const added of record.addedNodes) if (added instanceof Element) resize.observe(added);
          for (const removed of record.removedNodes) if (removed instanceof Element) resize.unobserve(removed);
        }
      }
      follow();
    });
    if (resize) {
      // The viewport itself too: when it shrinks, no scroll event comes, and the end would slide out of view.
      resize.observe(node);
      for (const child of node.children) resize.observe(child);
    }
    mutations.observe(node, resize ? { childList: true } : { childList: true, subtree: true, characterData: true });
    node.addEventListener('scroll', onScroll, { passive: true });
    follow();
    return () => {
      node.removeEventListener('scroll', onScroll);
      mutations.disconnect();
      resize?.disconnect();
    };
  }, [show]);

  return { ref, atBottom, scrollToBottom };
}

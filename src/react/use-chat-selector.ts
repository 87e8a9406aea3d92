'use client';
import { useRef, useSyncExternalStore } from 'react';
import type { ChatSnapshot } from '../core/chat-reducer.js';
import { useChatService } from './ChatProvider.js';

/**
 * Subscribes to one slice of the nearest chat, so a component re-renders only when that slice changes:
 * `useChatSelector((s) => s.isStreaming)`. A selector that builds a new value each call (an array of ids) passes an
 * `isEqual` that says when two results are the same, e.g. {@link shallowEqual}.
 *
 * @param isEqual When a new result counts as unchanged. @default Object.is
 */
export function useChatSelector<T>(
  selector: (snapshot: ChatSnapshot) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const service = useChatService('useChatSelector');
  const last = useRef<{ snapshot: ChatSnapshot; selector: unknown; selected: T } | null>(null);
  const read = (): T => {
    const snapshot = service.getSnapshot();
    const previous = last.current;
    if (previous?.snapshot === snapshot && previous.selector === selector) return previous.selected;
    const next = selector(snapshot);
    const selected = previous && isEqual(previous.selected, next) ? previous.selected : next;
    last.current = { snapshot, selector, selected };
    return selected;
  };
  return useSyncExternalStore(service.subscribe, read, read);
}

/** Two arrays with the same items in the same order (by `Object.is`). */
export function shallowEqual<T>(a: readonly T[], b: readonly T[]): boolean {
  return a === b || (a.length === b.length && a.every((item, index) => Object.is(item, b[index])));
}

'use client';
import { useEffect, useSyncExternalStore } from 'react';

/** A module fetched on first use (its own chunk in a host's bundle), shared by every component that needs it. */
export interface LazyModule<T> {
  /** The module once loaded, else `null`. */
  current: T | null;
  /** Starts loading (once; again after a failure, which it logs) and settles when it is there. */
  load: () => Promise<T>;
  subscribe: (onLoad: () => void) => () => void;
}

/** Wraps a dynamic `import()`, so a host's bundler splits the module off the initial bundle. */
export function lazyModule<T>(importModule: () => Promise<T>): LazyModule<T> {
  const listeners = new Set<() => void>();
  let loading: Promise<T> | null = null;
  const lazy: LazyModule<T> = {
    current: null,
    load: () =>
      (loading ??= importModule().then(
        (module) => {
          lazy.current = module;
          for (const listener of listeners) listener();
          return module;
        },
        (error: unknown) => {
          // A chunk that failed to arrive (offline, a deploy replaced it) is asked for again by the next user.
          loading = null;
          // Said here, once per failed load, not by each of the components waiting for it (a page of code blocks).
          console.warn('[chat-ui] a part of the library could not be loaded; the text stays plain', error);
          throw error;
        },
      )),
    subscribe: (onLoad) => {
      listeners.add(onLoad);
      return () => listeners.delete(onLoad);
    },
  };
  return lazy;
}

const none = () => null;

/**
 * The module when `wanted`, loading it if needed: `null` until it is there (and always on the server and while
 * hydrating, so the first client render matches the server's). Re-renders once it arrives.
 */
export function useLazyModule<T>(lazy: LazyModule<T>, wanted: boolean): T | null {
  const module = useSyncExternalStore(lazy.subscribe, () => lazy.current, none);
  useEffect(() => {
    if (!wanted || lazy.current) return;
    lazy.load().catch(() => {}); // logged by the load; the text stays plain
  }, [lazy, wanted]);
  return wanted ? module : null;
}

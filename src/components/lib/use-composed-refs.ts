'use client';
import { useCallback, version, type Ref, type RefCallback } from 'react';

type Cleanup = () => void;

/** React 19 runs the cleanup a callback ref returns; React 18 warns about one and calls the ref with `null` instead. */
const refCleanups = Number.parseInt(version, 10) >= 19;

/** Sets one ref; returns the cleanup a React 19 callback ref may give back. */
function setRef<T>(ref: Ref<T> | undefined, node: T | null): Cleanup | void {
  if (typeof ref === 'function') return ref(node);
  if (ref) ref.current = node;
}

/**
 * One ref callback that sets both refs: a component's own and the host's, on the same element. On React 19, a host's
 * callback ref that returns a cleanup gets it run, as it would on its own.
 */
export function useComposedRefs<T>(own: Ref<T> | undefined, theirs: Ref<T> | undefined): RefCallback<T> {
  return useCallback(
    (node: T | null) => {
      const cleanups = [own, theirs].map((ref) => {
        const cleanup = setRef(ref, node);
        return typeof cleanup === 'function' ? cleanup : () => setRef(ref, null);
      });
      if (refCleanups) return () => cleanups.forEach((cleanup) => cleanup());
    },
    [own, theirs],
  );
}

'use client';
import { useCallback, type Ref, type RefCallback } from 'react';

type Cleanup = () => void;

/** Sets one ref; returns the cleanup a React 19 callback ref may give back. */
function setRef<T>(ref: Ref<T> | undefined, node: T | null): Cleanup | void {
  if (typeof ref === 'function') return ref(node);
  if (ref) ref.current = node;
}

/**
 * One ref callback that sets both refs: a component's own and the host's, on the same element. A host's callback ref
 * that returns a cleanup (React 19) gets it run, as it would on its own; React 18 calls the callback with `null`.
 */
export function useComposedRefs<T>(own: Ref<T> | undefined, theirs: Ref<T> | undefined): RefCallback<T> {
  return useCallback(
    (node: T | null) => {
      const cleanups = [own, theirs].map((ref) => {
        const cleanup = setRef(ref, node);
        return typeof cleanup === 'function' ? cleanup : () => setRef(ref, null);
      });
      return () => cleanups.forEach((cleanup) => cleanup());
    },
    [own, theirs],
  );
}

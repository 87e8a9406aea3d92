'use client';
import { useCallback, type Ref, type RefCallback } from 'react';

function setRef<T>(ref: Ref<T> | undefined, node: T | null): void {
  if (typeof ref === 'function') ref(node);
  else if (ref) ref.current = node;
}

/** One ref callback that sets both refs: a component's own and the host's, on the same element. */
export function useComposedRefs<T>(own: Ref<T> | undefined, theirs: Ref<T> | undefined): RefCallback<T> {
  return useCallback(
    (node: T | null) => {
      setRef(own, node);
      setRef(theirs, node);
    },
    [own, theirs],
  );
}

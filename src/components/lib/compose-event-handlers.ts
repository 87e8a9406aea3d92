/**
 * One handler that runs the host's first, then ours unless the host called `preventDefault()` (as Radix does): a
 * host's `onKeyDown` adds to Escape-to-stop instead of silently replacing it.
 */
export function composeEventHandlers<E extends { defaultPrevented: boolean }>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}

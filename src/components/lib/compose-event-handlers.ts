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

/**
 * The same for a callback that carries no event (`onRetry`, `onEdit(text)`): the host's runs first, then ours,
 * always — there is nothing to prevent, so a host prop adds to what the chat does and never switches it off.
 */
export function composeCallbacks<Args extends unknown[]>(
  theirs: ((...args: Args) => void) | undefined,
  ours: (...args: Args) => void,
): (...args: Args) => void {
  return (...args) => {
    theirs?.(...args);
    ours(...args);
  };
}

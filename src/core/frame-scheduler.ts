/** Runs `callback` once, soon; returns a function that cancels it. */
export type UpdateScheduler = (callback: () => void) => () => void;

/**
 * One update per animation frame in a browser; every 16 ms elsewhere (Node, SSR, tests without rAF).
 * Read at call time, so a polyfilled or mocked `requestAnimationFrame` is honoured.
 */
export const nextFrame: UpdateScheduler = (callback) => {
  if (typeof globalThis.requestAnimationFrame === 'function') {
    const id = globalThis.requestAnimationFrame(() => callback());
    return () => globalThis.cancelAnimationFrame(id);
  }
  const id = setTimeout(callback, 16);
  return () => clearTimeout(id);
};

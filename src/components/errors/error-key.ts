import type { ChatError } from '../../core/errors.js';

const keys = new WeakMap<ChatError, number>();
let nextKey = 0;

/** A stable React key per error object: a new error replays its entrance and restarts its wait. */
export function keyOf(error: ChatError): number {
  let key = keys.get(error);
  if (key === undefined) keys.set(error, (key = nextKey++));
  return key;
}

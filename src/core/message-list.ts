import type { ChatMessage } from './messages.js';

/*
 * The transcript array, with what a reader per frame needs without walking it: while an answer streams, each frame
 * replaces one message in a copy of the array. The copy remembers which array it came from and which place changed,
 * and keeps that array's id list, so "which messages changed" and "the ids in order" cost O(1) a frame however long
 * the transcript. Any other array (a new path, a send, a clear) is read in full the first time, as before.
 */

/** A transcript made by `replaceMessage`: the array it was copied from and the one place that differs. */
const replaced = new WeakMap<readonly ChatMessage[], { from: readonly ChatMessage[]; index: number }>();
const ids = new WeakMap<readonly ChatMessage[], readonly string[]>();

/** `messages` with the message of the same id as `message` replaced by it (the last one with that id); unchanged if none. */
export function replaceMessage(messages: readonly ChatMessage[], message: ChatMessage): readonly ChatMessage[] {
  const index = messages.findLastIndex((m) => m.id === message.id);
  if (index < 0) return messages;
  const next = messages.slice();
  next[index] = message;
  // One step back only: the array it came from forgets its own origin, or every frame's array (and each one's
  // streaming message, with its text as it was) would stay alive through the chain: memory with the square of the
  // answer's length.
  replaced.delete(messages);
  replaced.set(next, { from: messages, index });
  const known = ids.get(messages);
  if (known) ids.set(next, known);
  return next;
}

/**
 * The ids of `messages` in order. The same array (by identity) for every transcript `replaceMessage` made from one
 * another: a message replaced in place never changes the list.
 */
export function messageIds(messages: readonly ChatMessage[]): readonly string[] {
  let known = ids.get(messages);
  if (!known) ids.set(messages, (known = messages.map((message) => message.id)));
  return known;
}

/**
 * The one place where `messages` differs from `previous`, when `messages` was made from `previous` by
 * `replaceMessage`; `undefined` when that is not known (compare them in full).
 */
export function replacedIndex(messages: readonly ChatMessage[], previous: readonly ChatMessage[]): number | undefined {
  const change = replaced.get(messages);
  return change?.from === previous ? change.index : undefined;
}

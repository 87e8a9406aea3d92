import type { ChatMessage } from './messages.js';

/**
 * Every message of a chat as a tree: each message hangs under its `parentId` (`null` for the first), siblings are
 * the edits and regenerations of one turn, in the order they were made. Each parent remembers which child shows;
 * the path from the root along those choices is the transcript, and the only history sent to the model.
 * Changes are structural (a message added, replaced, removed, a branch chosen); streaming text never goes through here.
 */
export class MessageTree {
  readonly #byId = new Map<string, ChatMessage>();
  readonly #children = new Map<string | null, string[]>();
  readonly #chosen = new Map<string | null, string>();

  /**
   * @param messages every message, parents before children; a message without `parentId` follows the one before it
   * (a plain transcript is a tree with one branch)
   * @param headId the message the shown path ends at @default the last message
   */
  constructor(messages: readonly ChatMessage[] = [], headId?: string | null) {
    let previous: string | null = null;
    for (const message of messages) {
      let parentId = message.parentId === undefined ? previous : message.parentId;
      // A parent that is not (yet) known: the message follows the one before it rather than being lost.
      if (parentId !== null && !this.#byId.has(parentId)) parentId = previous;
      this.add(message.parentId === parentId ? message : { ...message, parentId });
      previous = message.id;
    }
    const head = headId ?? previous;
    if (head !== null && this.#byId.has(head)) this.#choosePathTo(head);
  }

  get(id: string): ChatMessage | undefined {
    return this.#byId.get(id);
  }

  /** Adds a message under its parent and shows it (a new sibling becomes the chosen one). */
  add(message: ChatMessage): void {
    const parentId = message.parentId ?? null;
    this.#byId.set(message.id, message);
    const siblings = this.#children.get(parentId);
    if (siblings) siblings.push(message.id);
    else this.#children.set(parentId, [message.id]);
    this.#chosen.set(parentId, message.id);
  }

  /** Puts a new version of a message in its place (same id). */
  replace(message: ChatMessage): void {
    if (this.#byId.has(message.id)) this.#byId.set(message.id, message);
  }

  /** Takes a message and everything under it out of the tree (a failed answer that a retry replaces). */
  remove(id: string): void {
    const message = this.#byId.get(id);
    if (!message) return;
    for (const child of [...(this.#children.get(id) ?? [])]) this.remove(child);
    this.#children.delete(id);
    this.#chosen.delete(id);
    this.#byId.delete(id);
    const parentId = message.parentId ?? null;
    const siblings = (this.#children.get(parentId) ?? []).filter((sibling) => sibling !== id);
    if (siblings.length > 0) this.#children.set(parentId, siblings);
    else this.#children.delete(parentId);
    if (this.#chosen.get(parentId) === id) {
      const last = siblings.at(-1);
      if (last === undefined) this.#chosen.delete(parentId);
      else this.#chosen.set(parentId, last);
    }
  }

  /** Shows the sibling at `index` among the siblings of `messageId` (and below it, the branch last shown there). */
  choose(messageId: string, index: number): boolean {
    const message = this.#byId.get(messageId);
    if (!message) return false;
    const parentId = message.parentId ?? null;
    const sibling = this.#children.get(parentId)?.[index];
    if (sibling === undefined) return false;
    this.#chosen.set(parentId, sibling);
    return true;
  }

  /**
   * The shown path, each message with its place among its siblings (`branch`). Messages whose place did not change
   * are returned as the same objects.
   */
  path(): ChatMessage[] {
    const path: ChatMessage[] = [];
    for (let id = this.#chosen.get(null); id !== undefined; id = this.#chosen.get(id)) {
      const message = this.#byId.get(id);
      if (!message) break;
      const siblings = this.#children.get(message.parentId ?? null) ?? [id];
      const branch = { index: siblings.indexOf(id), count: siblings.length };
      const current =
        message.branch?.index === branch.index && message.branch.count === branch.count
          ? message
          : { ...message, branch };
      if (current !== message) this.#byId.set(id, current);
      path.push(current);
    }
    return path;
  }

  /** The id of the last message of the shown path. */
  headId(): string | null {
    let head: string | null = null;
    for (let id = this.#chosen.get(null); id !== undefined; id = this.#chosen.get(id)) head = id;
    return head;
  }

  /** Every message, parents before children, in the order they were added. */
  all(): ChatMessage[] {
    return [...this.#byId.values()];
  }

  /** Chooses every branch on the way from the root to `id`. */
  #choosePathTo(id: string): void {
    for (let message = this.#byId.get(id); message; message = this.#byId.get(message.parentId ?? '')) {
      this.#chosen.set(message.parentId ?? null, message.id);
      if (message.parentId == null) break;
    }
  }
}

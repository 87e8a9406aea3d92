import { replacedIndex } from '../core/message-list.js';
import type { ChatMessage } from '../core/messages.js';
import type { ChatService } from '../core/service.js';

/**
 * Per-message subscriptions over one chat service: when the snapshot changes, only the listeners of the messages
 * whose object changed are called. While an answer streams, that is the streaming message alone, and the core says
 * which one it replaced: a frame costs the same whatever the transcript's length. Other changes (a send, a branch
 * switched) cost one identity comparison per message, not one re-render check per view.
 */
export class MessageStore {
  readonly #listeners = new Map<string, Set<() => void>>();
  /** Where each message was last seen in the transcript: a lookup is one array read while nothing moves. */
  #positions = new Map<string, number>();
  #seen: readonly ChatMessage[];
  #unsubscribe: (() => void) | null = null;

  readonly #service: ChatService;

  constructor(service: ChatService) {
    this.#service = service;
    this.#seen = service.getSnapshot().messages;
  }

  /** The message with this id in the current snapshot, if it is in the transcript. */
  get(id: string): ChatMessage | undefined {
    const { messages } = this.#service.getSnapshot();
    const at = this.#positions.get(id);
    if (at !== undefined && messages[at]?.id === id) return messages[at];
    this.#positions = new Map(messages.map((message, index) => [message.id, index]));
    const index = this.#positions.get(id);
    return index === undefined ? undefined : messages[index];
  }

  /** Calls `listener` whenever the message with this id changes (or comes or goes); returns the unsubscribe. */
  subscribe(id: string, listener: () => void): () => void {
    let set = this.#listeners.get(id);
    if (!set) this.#listeners.set(id, (set = new Set()));
    set.add(listener);
    if (!this.#unsubscribe) {
      this.#seen = this.#service.getSnapshot().messages;
      this.#unsubscribe = this.#service.subscribe(this.#onChange);
    }
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#listeners.delete(id);
      if (this.#listeners.size === 0) {
        this.#unsubscribe?.();
        this.#unsubscribe = null;
      }
    };
  }

  readonly #onChange = (): void => {
    const messages = this.#service.getSnapshot().messages;
    const before = this.#seen;
    if (messages === before) return;
    this.#seen = messages;
    // While an answer streams, the core says which one message it replaced: nothing else needs comparing.
    const index = replacedIndex(messages, before);
    if (index !== undefined) return this.#notify((messages[index] as ChatMessage).id);
    const changed = new Set<string>();
    for (let i = 0; i < Math.max(before.length, messages.length); i++) {
      if (before[i] === messages[i]) continue;
      if (before[i]) changed.add((before[i] as ChatMessage).id);
      if (messages[i]) changed.add((messages[i] as ChatMessage).id);
    }
    for (const id of changed) this.#notify(id);
  };

  /** Calls the listeners of one message (a copy of the set: a listener may unsubscribe). */
  #notify(id: string): void {
    for (const listener of [...(this.#listeners.get(id) ?? [])]) listener();
  }
}

const stores = new WeakMap<ChatService, MessageStore>();

/** The one message store of a service. */
export function messageStoreOf(service: ChatService): MessageStore {
  let store = stores.get(service);
  if (!store) stores.set(service, (store = new MessageStore(service)));
  return store;
}

import { chatReducer, initialChatState, type ChatAction, type ChatSnapshot, type ChatState } from './chat-reducer.js';
import type { ChatMessage } from './messages.js';

/**
 * The chat's state and who listens to it: it changes only through `dispatch` (the reducer decides every field), and
 * listeners hear of a change only when the snapshot did change.
 */
export class ChatStore {
  #state: ChatState;
  readonly #listeners = new Set<() => void>();

  constructor(messages: readonly ChatMessage[], online: boolean) {
    this.#state = initialChatState(messages, online);
  }

  readonly getSnapshot = (): ChatSnapshot => this.#state.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  dispatch(action: ChatAction): void {
    const previous = this.#state.snapshot;
    this.#state = chatReducer(this.#state, action);
    if (this.#state.snapshot === previous) return;
    for (const listener of [...this.#listeners]) listener();
  }
}

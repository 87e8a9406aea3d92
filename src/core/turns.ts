import type { ChatMessage, FilePart, MessagePart } from './messages.js';
import { withParts } from './messages.js';

/** How a chat makes new messages: their ids and their clock. */
export interface TurnMaker {
  /** @default crypto.randomUUID */
  generateId?: (() => string) | undefined;
  /** Epoch milliseconds. */
  now: () => number;
}

const randomId = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The user's message of a turn, under `parentId`: its files first, then its text (none when it is blank). */
export function userTurn(
  maker: TurnMaker,
  parentId: string | null,
  text: string,
  files: readonly FilePart[] = [],
): ChatMessage {
  const parts: MessagePart[] = [...files, ...(text === '' ? [] : [{ type: 'text' as const, text }])];
  return withParts(newMessage(maker, parentId, 'user', 'complete'), parts);
}

/** An answer that has not begun yet, under `parentId`. */
export function emptyAnswer(maker: TurnMaker, parentId: string | null): ChatMessage {
  return withParts(newMessage(maker, parentId, 'assistant', 'streaming'), []);
}

function newMessage(
  maker: TurnMaker,
  parentId: string | null,
  role: ChatMessage['role'],
  status: ChatMessage['status'],
): Omit<ChatMessage, 'parts' | 'content'> {
  return { id: (maker.generateId ?? randomId)(), parentId, role, status, createdAt: maker.now() };
}

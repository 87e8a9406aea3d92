import { describe, expect, it } from 'vitest';
import { MessageTree } from '../../src/core/message-tree.js';
import { toChatMessage, type ChatMessage } from '../../src/core/messages.js';
import { emptyAnswer, userTurn } from '../../src/core/turns.js';

const message = (id: string, parentId: string | null | undefined, role: ChatMessage['role'] = 'user'): ChatMessage =>
  toChatMessage({
    id,
    role,
    content: id,
    status: 'complete',
    createdAt: 0,
    ...(parentId !== undefined && { parentId }),
  });
const ids = (messages: readonly ChatMessage[]) => messages.map((m) => m.id);

describe('MessageTree', () => {
  it('reads a plain transcript as one branch, each message under the one before it', () => {
    const tree = new MessageTree([message('q', undefined), message('a', undefined, 'assistant')]);
    expect(ids(tree.path())).toEqual(['q', 'a']);
    expect(tree.get('a')?.parentId).toBe('q');
    expect(tree.headId()).toBe('a');
  });

  it('shows a new sibling in place of the old, and each message knows its place among its siblings', () => {
    const tree = new MessageTree([message('q', null), message('a1', 'q', 'assistant')]);
    tree.add(message('a2', 'q', 'assistant'));
    expect(ids(tree.path())).toEqual(['q', 'a2']);
    expect(tree.path()[1]?.branch).toEqual({ index: 1, count: 2 });
    expect(ids(tree.all())).toEqual(['q', 'a1', 'a2']);
  });

  it('switching back to a sibling shows the branch last shown below it', () => {
    const tree = new MessageTree([message('q1', null), message('a1', 'q1', 'assistant'), message('q2', 'a1')]);
    tree.add(message('a1b', 'q1', 'assistant'));
    expect(ids(tree.path())).toEqual(['q1', 'a1b']);
    expect(tree.choose('a1b', 0)).toBe(true);
    expect(ids(tree.path())).toEqual(['q1', 'a1', 'q2']);
    expect(tree.choose('a1', 5)).toBe(false);
    expect(tree.choose('nope', 0)).toBe(false);
  });

  it('removes a message with everything under it; its parent shows the last sibling left', () => {
    const tree = new MessageTree([message('q', null), message('a1', 'q', 'assistant')]);
    tree.add(message('a2', 'q', 'assistant'));
    tree.add(message('q2', 'a2'));
    tree.remove('a2');
    expect(ids(tree.all())).toEqual(['q', 'a1']);
    expect(ids(tree.path())).toEqual(['q', 'a1']);
    expect(tree.path()[1]?.branch).toEqual({ index: 0, count: 1 });
  });

  it('restores the path that ends at the head it is given, and keeps a message whose parent is unknown', () => {
    const tree = new MessageTree(
      [message('q', null), message('a1', 'q', 'assistant'), message('a2', 'q', 'assistant'), message('x', 'lost')],
      'a1',
    );
    expect(ids(tree.path())).toEqual(['q', 'a1']);
    expect(tree.get('x')?.parentId).toBe('a2');
  });

  it('returns the same objects for messages whose place did not change', () => {
    const tree = new MessageTree([message('q', null), message('a', 'q', 'assistant')]);
    const first = tree.path();
    expect(tree.path()[0]).toBe(first[0]);
    tree.replace({ ...first[1]!, content: 'new' });
    expect(tree.path()[0]).toBe(first[0]);
    expect(tree.path()[1]?.content).toBe('new');
  });
});

describe('the messages of a turn', () => {
  const maker = { generateId: () => 'id-1', now: () => 42 };

  it("a user's message carries its files first, then its text; blank text adds no part", () => {
    const file = { type: 'file' as const, name: 'a.png', mediaType: 'image/png', size: 1, url: 'data:,' };
    expect(userTurn(maker, 'p', 'Look', [file])).toEqual({
      id: 'id-1',
      parentId: 'p',
      role: 'user',
      status: 'complete',
      createdAt: 42,
      parts: [file, { type: 'text', text: 'Look' }],
      content: 'Look',
    });
    expect(userTurn(maker, null, '', [file]).parts).toEqual([file]);
  });

  it('an answer begins empty and streaming, under its question', () => {
    expect(emptyAnswer(maker, 'q')).toEqual({
      id: 'id-1',
      parentId: 'q',
      role: 'assistant',
      status: 'streaming',
      createdAt: 42,
      parts: [],
      content: '',
    });
  });
});

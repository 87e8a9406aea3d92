import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { chatReducer, initialChatState, type ChatState } from '../../src/core/chat-reducer.js';
import { messageIds, replacedIndex, replaceMessage } from '../../src/core/message-list.js';
import { toChatMessage, type ChatMessage } from '../../src/core/messages.js';

const message = (id: string, content = id, role: 'user' | 'assistant' = 'user'): ChatMessage =>
  toChatMessage({ id, role, content, status: 'complete', createdAt: 0 });

const history = [message('q1'), message('a1', 'one', 'assistant')];

/** A chat whose answer `a2` is streaming. */
function streaming(): ChatState {
  const answer = toChatMessage({ id: 'a2', role: 'assistant', content: '', status: 'streaming', createdAt: 0 });
  return chatReducer(initialChatState(history, true), {
    type: 'start',
    messages: [...history, message('q2'), answer],
    messageId: 'a2',
  });
}

const frame = (state: ChatState, content: string): ChatState =>
  chatReducer(state, {
    type: 'frame',
    message: toChatMessage({ id: 'a2', role: 'assistant', content, status: 'streaming', createdAt: 0 }),
  });

describe('the transcript array', () => {
  it('keeps the identity of its id list while an answer streams, and says which one message each frame replaced', () => {
    const started = streaming();
    const ids = messageIds(started.snapshot.messages);
    expect(ids).toEqual(['q1', 'a1', 'q2', 'a2']);
    const first = frame(started, 'Hel');
    const second = frame(first, 'Hello');
    expect(second.snapshot.messages).not.toBe(first.snapshot.messages);
    expect(messageIds(first.snapshot.messages)).toBe(ids);
    expect(messageIds(second.snapshot.messages)).toBe(ids);
    expect(replacedIndex(second.snapshot.messages, first.snapshot.messages)).toBe(3);
    // Only from the array it was made from: two frames apart, the caller compares in full.
    expect(replacedIndex(second.snapshot.messages, started.snapshot.messages)).toBeUndefined();

    const done = chatReducer(second, {
      type: 'finish',
      message: toChatMessage({ id: 'a2', role: 'assistant', content: 'Hello', status: 'complete', createdAt: 0 }),
    });
    expect(messageIds(done.snapshot.messages)).toBe(ids);
  });

  it('gives a new id list when messages come, go or are replaced wholesale', () => {
    const started = streaming();
    const ids = messageIds(started.snapshot.messages);
    const path = chatReducer(started, { type: 'path', messages: history });
    expect(messageIds(path.snapshot.messages)).toEqual(['q1', 'a1']);
    expect(replacedIndex(path.snapshot.messages, started.snapshot.messages)).toBeUndefined();
    // A path of the same messages in a new array is compared in full, never taken on trust.
    const same = chatReducer(started, { type: 'path', messages: [...started.snapshot.messages] });
    expect(messageIds(same.snapshot.messages)).not.toBe(ids);
    expect(messageIds(same.snapshot.messages)).toEqual(ids);
    const cleared = chatReducer(started, { type: 'clear' });
    expect(messageIds(cleared.snapshot.messages)).toEqual([]);
  });

  it('replaces the last message with the id, and leaves an array without it as it is', () => {
    const messages = [message('a'), message('b')];
    const edited = message('b', 'new');
    const next = replaceMessage(messages, edited);
    expect(next).toEqual([messages[0], edited]);
    expect(messages[1]?.content).toBe('b');
    expect(replaceMessage(messages, message('c'))).toBe(messages);
  });
});

describe('the transcript array, in memory', () => {
  it("keeps only the array a frame came from, not every frame's: a long answer's memory stays linear", () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const before = process.memoryUsage().heapUsed;
    let state = streaming();
    let content = '';
    // 400 frames of a growing answer: each frame's message holds the text as it was then (a copy, as a flattened
    // string is). Kept through a chain of arrays, that is 400 × 200 kB on average: 80 MB.
    for (let at = 0; at < 400; at += 1) {
      content = `${content}${'x'.repeat(1000)}`.split('').join('');
      state = frame(state, content);
    }
    gc();
    const growth = process.memoryUsage().heapUsed - before;
    expect(state.snapshot.messages.at(-1)?.content).toHaveLength(400_000);
    // The last text twice (the message and `content`) and an earlier frame's: about 1.2 MB.
    expect(growth).toBeLessThan(10_000_000);
  }, 30_000);
});

import { describe, expect, it } from 'vitest';
import { chatReducer, initialChatState, type ChatState } from '../../src/core/chat-reducer.js';
import { ChatError } from '../../src/core/errors.js';
import { toChatMessage, type ChatMessage } from '../../src/core/messages.js';
import { answerMetrics } from './fixtures/answer-metrics.js';

const cut = new ChatError('network', 'cut');
const question = toChatMessage({ id: 'q', role: 'user', content: 'Why?', status: 'complete', createdAt: 0 });
const answer = (fields: Partial<ChatMessage> = {}): ChatMessage =>
  toChatMessage({ id: 'a', role: 'assistant', content: '', status: 'streaming', createdAt: 0, ...fields });

function streaming(): ChatState {
  const state = initialChatState([question], true);
  return chatReducer(state, { type: 'start', messages: [question, answer()], messageId: 'a' });
}

describe('chatReducer', () => {
  it('decides isConnected in one place: online and the last request reached the server', () => {
    let state = initialChatState([], true);
    expect(state.snapshot.isConnected).toBe(true);
    state = chatReducer(state, {
      type: 'retry',
      retryState: { attempt: 1, maxRetries: 3, nextRetryAt: 0, error: cut },
    });
    expect(state.snapshot.isConnected).toBe(false);
    state = chatReducer(state, { type: 'reached-server' });
    expect(state.snapshot).toMatchObject({ isConnected: true, isConnecting: false, retryState: null });
    state = chatReducer(state, { type: 'online', online: false });
    expect(state.snapshot.isConnected).toBe(false);
    state = chatReducer(state, { type: 'online', online: true });
    expect(state.snapshot.isConnected).toBe(true);
  });

  it('a complete answer says the server is reached again, even one that showed nothing', () => {
    let state = initialChatState([], true);
    const failed = answer({ status: 'error', error: cut, metrics: answerMetrics });
    state = chatReducer(state, { type: 'finish', message: failed });
    expect(state.snapshot.isConnected).toBe(false);
    state = chatReducer(state, { type: 'start', messages: [failed], messageId: 'b' });
    state = chatReducer(state, { type: 'finish', message: answer({ id: 'b', status: 'complete' }) });
    expect(state.snapshot.isConnected).toBe(true);
  });

  it('an answer starts connecting, its first byte connects it, and a frame shows its text', () => {
    let state = streaming();
    expect(state.snapshot).toMatchObject({ isStreaming: true, isConnecting: true, streamingMessageId: 'a' });
    state = chatReducer(state, { type: 'reached-server' });
    state = chatReducer(state, { type: 'frame', message: answer({ content: 'Because', reasoning: 'Hm' }) });
    expect(state.snapshot).toMatchObject({
      isConnecting: false,
      streamingContent: 'Because',
      streamingReasoning: 'Hm',
    });
    expect(state.snapshot.messages.at(-1)?.content).toBe('Because');
  });

  it("the answer's end takes its error and metrics from the message, and leaves nothing streaming", () => {
    let state = chatReducer(streaming(), { type: 'frame', message: answer({ content: 'Half' }) });
    const failed = answer({ content: 'Half', status: 'interrupted', error: cut, metrics: answerMetrics });
    state = chatReducer(state, { type: 'finish', message: failed });
    expect(state.snapshot).toMatchObject({
      isStreaming: false,
      isConnecting: false,
      streamingMessageId: null,
      streamingContent: '',
      error: cut,
      metrics: answerMetrics,
    });
    expect(state.snapshot.messages.at(-1)).toBe(failed);
  });

  it('the next request of an answer connects again, once', () => {
    let state = chatReducer(streaming(), { type: 'reached-server' });
    state = chatReducer(state, { type: 'next-request' });
    expect(state.snapshot.isConnecting).toBe(true);
    expect(chatReducer(state, { type: 'next-request' }).snapshot).toBe(state.snapshot);
  });

  it('a new answer drops the follow-ups of the last one and keeps the insights', () => {
    let state = initialChatState([], true);
    state = chatReducer(state, { type: 'insight', insight: { id: 'i', kind: 'tip', title: 'T', description: 'D' } });
    state = chatReducer(state, { type: 'suggestion', suggestion: { id: 's', title: 'T', content: 'C' } });
    state = chatReducer(state, { type: 'start', messages: [question, answer()], messageId: 'a' });
    expect(state.snapshot.insights.map((i) => i.id)).toEqual(['i']);
    expect(state.snapshot.suggestions).toEqual([]);
  });

  it('keeps the same snapshot when nothing a listener could see changed', () => {
    const state = initialChatState([], true);
    expect(chatReducer(state, { type: 'online', online: true }).snapshot).toBe(state.snapshot);
    expect(chatReducer(state, { type: 'dismiss-error' }).snapshot).toBe(state.snapshot);
  });
});

/**
 * Branches, feedback and persistence of the chat service against a real loopback HTTP server: regenerate and edit
 * add siblings and lose nothing, the request history is always the shown path, a rating is kept and reported, and the
 * whole tree saved by `onMessagesChange` comes back through `initialMessages` with the same path and branches.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage } from '../../src/core/messages.js';
import type { ChatService, ChatServiceOptions } from '../../src/core/service.js';
import { idle, loopbackChat } from '../support/loopback-chat.js';
import type { ChatSnapshot } from '../../src/core/chat-reducer.js';
import { startSseServer, streamAnswer, type SseServer } from '../support/sse-server.js';

let server: SseServer;
beforeEach(async () => {
  server = await startSseServer();
});
afterEach(async () => {
  await server.close();
  expect(server.handlerErrors).toEqual([]);
});

const setup = (options: ChatServiceOptions = {}) => loopbackChat(server, { fallbackToNonStreaming: false, ...options });

/** Sends `text`, answered with `answer`, and waits for the end of the answer. */
async function turn(service: ChatService, text: string, answer: string) {
  server.reply(streamAnswer([answer]));
  service.send(text);
  await idle(service);
}

const shown = (snapshot: ChatSnapshot) =>
  snapshot.messages.map((m) => [m.id, m.content, m.branch ? `${m.branch.index + 1}/${m.branch.count}` : '-']);
const sent = (index: number) =>
  (server.requests[index]?.body as { messages: { role: string; content: string }[] }).messages.map(
    (m) => `${m.role}: ${m.content}`,
  );

describe('branches', () => {
  it('regenerate adds a sibling answer, sends only the history before it, and keeps the old one a branch away', async () => {
    const { service, state } = setup();
    await turn(service, 'Q', 'first answer');
    server.reply(streamAnswer(['second answer']));
    service.regenerate();
    await idle(service);

    expect(sent(1)).toEqual(['user: Q']);
    expect(shown(state())).toEqual([
      ['m1', 'Q', '1/1'],
      ['m3', 'second answer', '2/2'],
    ]);
    service.switchBranch('m3', 0);
    expect(shown(state())).toEqual([
      ['m1', 'Q', '1/1'],
      ['m2', 'first answer', '1/2'],
    ]);
    // The next question continues the shown branch, and only it is sent.
    await turn(service, 'And then?', 'then this');
    expect(sent(2)).toEqual(['user: Q', 'assistant: first answer', 'user: And then?']);
  });

  it('edit makes a sibling user message that is answered; switching back shows the old branch with what followed', async () => {
    const { service, state } = setup();
    await turn(service, 'Q1', 'A1');
    await turn(service, 'Q2', 'A2');
    server.reply(streamAnswer(['A1 again']));
    expect(service.edit('m1', 'Q1, better')).toBe(true);
    await idle(service);

    expect(sent(2)).toEqual(['user: Q1, better']);
    expect(shown(state())).toEqual([
      ['m5', 'Q1, better', '2/2'],
      ['m6', 'A1 again', '1/1'],
    ]);
    service.switchBranch('m5', 0);
    expect(shown(state())).toEqual([
      ['m1', 'Q1', '1/2'],
      ['m2', 'A1', '1/1'],
      ['m3', 'Q2', '1/1'],
      ['m4', 'A2', '1/1'],
    ]);
    service.switchBranch('m1', 1);
    expect(state().messages.map((m) => m.id)).toEqual(['m5', 'm6']);
  });

  it('edit refuses blank text and messages that are not the user’s', async () => {
    const { service } = setup();
    await turn(service, 'Q', 'A');
    expect(service.edit('m1', '  ')).toBe(false);
    expect(service.edit('m2', 'rewrite the answer')).toBe(false);
    expect(service.edit('nope', 'x')).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it('a failed answer can be regenerated; its sibling keeps the error', async () => {
    const { service, state } = setup();
    server.reply((x) => x.json(503, { error: { message: 'overloaded' } }));
    service.send('Q');
    await idle(service);
    const failed = state().messages.at(-1) as ChatMessage;
    expect(failed).toMatchObject({ status: 'error' });

    server.reply(streamAnswer(['fine now']));
    service.regenerate(failed.id);
    await idle(service);
    expect(shown(state()).at(-1)).toEqual(['m3', 'fine now', '2/2']);
    service.switchBranch('m3', 0);
    expect(state().messages.at(-1)).toMatchObject({ id: failed.id, status: 'error', error: { kind: 'server' } });
  });

  it('retry still replaces a failed answer instead of adding a version', async () => {
    const { service, state } = setup();
    server.reply((x) => x.json(503, { error: { message: 'overloaded' } }), streamAnswer(['ok']));
    service.send('Q');
    await idle(service);
    service.retry();
    await idle(service);
    expect(shown(state())).toEqual([
      ['m1', 'Q', '1/1'],
      ['m3', 'ok', '1/1'],
    ]);
  });

  it('choosing another version while an answer streams stops that answer first, keeping its text', async () => {
    const { service, state } = setup();
    await turn(service, 'Q', 'A');
    let release!: () => void;
    server.reply(async (x) => {
      x.sseHead();
      await x.write('data: {"choices":[{"delta":{"content":"partial"},"finish_reason":null}]}\n\n');
      await new Promise<void>((resolve) => (release = resolve));
      await x.end();
    });
    service.regenerate();
    await vi.waitFor(() => expect(state().streamingContent).toBe('partial'));
    service.switchBranch('m3', 0);
    expect(state().isStreaming).toBe(false);
    expect(shown(state()).at(-1)).toEqual(['m2', 'A', '1/2']);
    service.switchBranch('m2', 1);
    expect(state().messages.at(-1)).toMatchObject({ id: 'm3', content: 'partial', status: 'stopped' });
    release();
  });
});

describe('feedback', () => {
  it('rate keeps the rating on the message, reports it, toggles off with null, and ignores repeats', async () => {
    const onFeedback = vi.fn();
    const { service, state } = setup({ onFeedback });
    await turn(service, 'Q', 'A');
    service.rate('m2', 'up');
    service.rate('m2', 'up');
    expect(state().messages[1]).toMatchObject({ feedback: 'up' });
    service.rate('m2', null);
    expect(state().messages[1]).not.toHaveProperty('feedback');
    expect(onFeedback.mock.calls.map(([message, value]) => [message.id, message.feedback, value])).toEqual([
      ['m2', 'up', 'up'],
      ['m2', undefined, null],
    ]);
  });
});

describe('persistence', () => {
  it('the tree saved by onMessagesChange comes back through initialMessages: same path, same branches', async () => {
    let saved: { messages: readonly ChatMessage[]; headId: string | null } | undefined;
    const onMessagesChange = vi.fn((messages: readonly ChatMessage[], headId: string | null) => {
      saved = { messages, headId };
    });
    const { service, state } = setup({ onMessagesChange });
    await turn(service, 'Q1', 'A1');
    await turn(service, 'Q2', 'A2');
    server.reply(streamAnswer(['A2 again']));
    service.regenerate();
    await idle(service);
    service.switchBranch('m5', 0);
    service.rate('m4', 'down');
    const before = shown(state());
    expect(before.at(-1)).toEqual(['m4', 'A2', '1/2']);

    // Never per token: a save per structural change.
    expect(onMessagesChange.mock.calls.length).toBeLessThan(15);
    const stored = JSON.parse(JSON.stringify(saved)) as typeof saved;
    const restored = setup({ initialMessages: stored?.messages, initialHeadId: stored?.headId });
    expect(shown(restored.state())).toEqual(before);
    expect(restored.state().messages.find((m) => m.id === 'm4')).toMatchObject({ feedback: 'down' });
    restored.service.switchBranch('m4', 1);
    expect(shown(restored.state()).at(-1)).toEqual(['m5', 'A2 again', '2/2']);
  });

  it('a message saved while it streamed comes back interrupted, with its text', async () => {
    const { state } = setup({
      initialMessages: [
        { id: 'u', role: 'user', content: 'Q', status: 'complete', createdAt: 0 },
        { id: 'a', parentId: 'u', role: 'assistant', content: 'half an', status: 'streaming', createdAt: 0 },
      ],
    });
    expect(state().messages.at(-1)).toMatchObject({ content: 'half an', status: 'interrupted' });
    expect(state().isStreaming).toBe(false);
  });
});

describe('attachments', () => {
  const png = () => new File([new Uint8Array([137, 80, 78, 71])], 'dot.png', { type: 'image/png' });
  const pdf = () => new File(['%PDF-1.7'], 'notes.pdf', { type: 'application/pdf' });

  it('sends files as content parts with the text, and keeps them in the history of later requests', async () => {
    const { service, state } = setup();
    server.reply(streamAnswer(['A dot and notes.']), streamAnswer(['Sure.']));
    expect(service.send({ text: 'What are these?', files: [png(), pdf()] })).toBe(true);
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    await idle(service);
    const first = [
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What are these?' },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw==' } },
          { type: 'file', file: { filename: 'notes.pdf', file_data: 'data:application/pdf;base64,JVBERi0xLjc=' } },
        ],
      },
    ];
    expect((server.requests[0]?.body as { messages: unknown }).messages).toEqual(first);
    expect(state().messages[0]?.parts).toEqual([
      { type: 'file', name: 'dot.png', mediaType: 'image/png', size: 4, url: 'data:image/png;base64,iVBORw==' },
      {
        type: 'file',
        name: 'notes.pdf',
        mediaType: 'application/pdf',
        size: 8,
        url: 'data:application/pdf;base64,JVBERi0xLjc=',
      },
      { type: 'text', text: 'What are these?' },
    ]);

    service.send('And the second?');
    await idle(service);
    expect((server.requests[1]?.body as { messages: unknown[] }).messages.slice(0, 1)).toEqual(first);
  });

  it('refuses a message whose files break the rules: nothing is sent or shown', () => {
    const { service, state } = setup({ accept: 'image/*', maxFiles: 1, maxFileSize: 6 });
    expect(service.fileRules()).toEqual({ accept: 'image/*', maxFiles: 1, maxFileSize: 6 });
    expect(service.send({ text: 'Two', files: [png(), png()] })).toBe(false);
    expect(service.send({ text: 'A PDF', files: [pdf()] })).toBe(false);
    expect(
      service.send({ text: 'Big', files: [new File([new Uint8Array(7)], 'big.png', { type: 'image/png' })] }),
    ).toBe(false);
    expect(state().messages).toEqual([]);
    expect(server.requests).toHaveLength(0);
  });

  it('a message may be files alone, and an edit keeps the files of the message it edits', async () => {
    const { service, state } = setup();
    server.reply(streamAnswer(['A dot.']), streamAnswer(['A small dot.']));
    service.send({ text: '', files: [png()] });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    await idle(service);
    expect((server.requests[0]?.body as { messages: unknown }).messages).toEqual([
      { role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw==' } }] },
    ]);
    service.edit(state().messages[0]!.id, 'How big is it?');
    await idle(service);
    expect(state().messages[0]?.parts.map((p) => p.type)).toEqual(['file', 'text']);
    expect((server.requests[1]?.body as { messages: { content: unknown[] }[] }).messages[0]?.content).toHaveLength(2);
  });
});

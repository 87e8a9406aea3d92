import { act, render, renderHook, screen } from '@testing-library/react';
import { StrictMode, useRef, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ChatProvider, useChatContext } from '../../src/react/ChatProvider.js';
import { useChatSelector } from '../../src/react/use-chat-selector.js';
import { useSSEChat, type UseSSEChatOptions } from '../../src/react/useSSEChat.js';
import { answer, createScriptedFetch, delta, settle } from '../support/scripted-fetch.js';

const immediate = (callback: () => void) => {
  const id = setTimeout(callback, 0);
  return () => clearTimeout(id);
};

function options(fetch: typeof globalThis.fetch, extra: UseSSEChatOptions = {}): UseSSEChatOptions {
  return {
    fetch,
    endpoint: 'http://chat.test/v1',
    scheduleUpdate: immediate,
    retry: { baseDelayMs: 1, maxDelayMs: 1 },
    ...extra,
  };
}

const flush = () => act(() => settle());

describe('useSSEChat', () => {
  it('returns the seed interface and streams an answer into state', async () => {
    const server = createScriptedFetch();
    const { result } = renderHook(() => useSSEChat(options(server.fetch)));
    expect(result.current).toMatchObject({ isConnected: true, isConnecting: false, error: null, messages: [] });
    // The service is the chat itself: what subscribes to it outside React hears what the hook renders.
    const heard = vi.fn();
    const unsubscribe = result.current.service.subscribe(heard);

    const body = server.stream();
    act(() => {
      result.current.send('Hello');
    });
    expect(result.current.messages[0]).toMatchObject({ role: 'user', content: 'Hello' });
    expect(heard).toHaveBeenCalled();
    expect(result.current.service.getSnapshot().messages).toEqual(result.current.messages);
    unsubscribe();
    expect(result.current).toMatchObject({ isStreaming: true, isConnecting: true });
    await flush();
    body.push(delta('Hi!', 'stop'));
    await flush();
    expect(result.current.streamingContent).toBe('Hi!');
    body.end();
    await flush();
    expect(result.current.messages[1]).toMatchObject({ content: 'Hi!', status: 'complete' });
    expect(result.current.isStreaming).toBe(false);
  });

  it('sends once per send under StrictMode and keeps one service across renders', async () => {
    const server = createScriptedFetch();
    server.reply(() => answer('one'));
    const { result, rerender } = renderHook(() => useSSEChat(options(server.fetch)), { wrapper: StrictMode });
    const service = result.current.service;
    act(() => {
      result.current.send('once');
    });
    await flush();
    rerender();
    expect(server.requests).toHaveLength(1);
    expect(result.current.service).toBe(service);
    expect(result.current.messages.map((m) => m.content)).toEqual(['once', 'one']);
  });

  it('applies changed options to the next request without recreating the service', async () => {
    const server = createScriptedFetch();
    server.reply(() => answer('a'));
    server.reply(() => answer('b'));
    const { result, rerender } = renderHook(({ model }) => useSSEChat(options(server.fetch, { model })), {
      initialProps: { model: 'first-model' },
    });
    const service = result.current.service;
    act(() => {
      result.current.send('1');
    });
    await flush();
    rerender({ model: 'second-model' });
    act(() => {
      result.current.send('2');
    });
    await flush();
    expect(server.requests.map((r) => r.body.model)).toEqual(['first-model', 'second-model']);
    expect(result.current.service).toBe(service);
  });

  it('stops the answer in flight when the component unmounts', async () => {
    const server = createScriptedFetch();
    const body = server.stream();
    const { result, unmount } = renderHook(() => useSSEChat(options(server.fetch)));
    act(() => {
      result.current.send('Hello');
    });
    await flush();
    unmount();
    await settle();
    expect(body.aborted).toBe(true);
  });

  it('is disconnected while offline and holds retries until the browser is back online', async () => {
    const server = createScriptedFetch();
    const { result } = renderHook(() => useSSEChat(options(server.fetch)));
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(result.current.isConnected).toBe(false);

    server.reply(() => Promise.reject(new TypeError('fetch failed')));
    server.reply(() => answer('back online'));
    act(() => {
      result.current.send('anyone there?');
    });
    await flush();
    await flush();
    expect(server.requests).toHaveLength(1);
    expect(result.current.retryState).toMatchObject({ attempt: 1, offline: true });

    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await flush();
    expect(server.requests).toHaveLength(2);
    expect(result.current.retryState).toBeNull();
    expect(result.current.messages[1]).toMatchObject({ content: 'back online', status: 'complete' });
    expect(result.current.isConnected).toBe(true);
  });

  it('marks a scheduled retry as waiting for the network while the browser is offline', async () => {
    const server = createScriptedFetch();
    const { result } = renderHook(() =>
      useSSEChat(options(server.fetch, { retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 } })),
    );
    server.reply(() => Promise.reject(new TypeError('fetch failed')));
    act(() => {
      result.current.send('anyone there?');
    });
    await flush();
    const scheduled = result.current.retryState;
    expect(scheduled).toMatchObject({ attempt: 1, offline: false });

    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(result.current.retryState).toEqual({ ...scheduled, offline: true });
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(result.current.retryState).toEqual({ ...scheduled, offline: false });
    act(() => {
      result.current.stop();
    });
    await flush();
    expect(result.current.retryState).toBeNull();
  });
});

describe('ChatProvider and useChatSelector', () => {
  it('re-renders a selector subscriber only when its slice changes', async () => {
    const server = createScriptedFetch();
    const body = server.stream();
    const renders = { count: 0, streaming: 0 };

    function MessageCount() {
      const count = useChatSelector((s) => s.messages.length);
      renders.count += 1;
      return <p>messages: {count}</p>;
    }
    function Streaming() {
      const text = useChatSelector((s) => s.streamingContent);
      renders.streaming += 1;
      return <p>live: {text}</p>;
    }
    // The whole chat, for a component that wants all of it: it follows every token too.
    function Whole() {
      const chat = useChatContext();
      return <p>whole: {chat.messages.at(-1)?.content}</p>;
    }
    // Children are created outside the provider's render, as an app would, so only subscriptions re-render them.
    function Chat({ children }: { children: ReactNode }) {
      const chat = useSSEChat(options(server.fetch));
      const sent = useRef(false);
      if (!sent.current) {
        sent.current = true;
        queueMicrotask(() => chat.send('go'));
      }
      return <ChatProvider value={chat}>{children}</ChatProvider>;
    }

    render(
      <Chat>
        <MessageCount />
        <Streaming />
        <Whole />
      </Chat>,
    );
    await flush();
    expect(screen.getByText('messages: 2')).toBeInTheDocument();
    const before = renders.count;
    for (const word of ['one', ' two', ' three']) {
      body.push(delta(word));
      await flush();
    }
    expect(screen.getByText('live: one two three')).toBeInTheDocument();
    expect(screen.getByText('whole: one two three')).toBeInTheDocument();
    expect(renders.count).toBe(before);
    expect(renders.streaming).toBeGreaterThanOrEqual(3);
  });
});

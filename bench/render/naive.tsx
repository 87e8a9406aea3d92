import { marked, type Token, type Tokens } from 'marked';
import { useState, type ReactElement, type ReactNode } from 'react';

/*
 * The obvious implementation, as a baseline: state set per token, and every render re-parses every message with
 * marked and rebuilds its elements (no memo, no block cache, no frame batching). It renders marked's tokens as
 * React elements (never as HTML), like the library, so both pay for comparable DOM.
 */

export interface NaiveMessage {
  id: string;
  role: 'user' | 'assistant';
  content: string;
}

export interface NaiveChatHandle {
  /** Appends the question and an empty answer, then streams the answer into it; resolves at `[DONE]`. */
  send(text: string): Promise<void>;
}

export function NaiveChat({
  initialMessages,
  fetch,
  onReady,
}: {
  initialMessages: NaiveMessage[];
  fetch: typeof globalThis.fetch;
  onReady: (handle: NaiveChatHandle) => void;
}): ReactElement {
  const [messages, setMessages] = useState(initialMessages);

  const send = async (text: string): Promise<void> => {
    const id = `answer-${messages.length}-${text.length}`;
    setMessages((current) => [
      ...current,
      { id: `question-${id}`, role: 'user', content: text },
      { id, role: 'assistant', content: '' },
    ]);
    const response = await fetch('/bench/naive', { method: 'POST', body: JSON.stringify({ messages, stream: true }) });
    const reader = response.body?.getReader();
    if (!reader) return;
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      const events = buffer.split('\n\n');
      buffer = events.pop() ?? '';
      for (const event of events) {
        const data = event.replace(/^data: /, '');
        if (data === '[DONE]') return;
        const chunk = JSON.parse(data) as { choices?: { delta?: { content?: string } }[] };
        const token = chunk.choices?.[0]?.delta?.content ?? '';
        if (token === '') continue;
        setMessages((current) => current.map((m) => (m.id === id ? { ...m, content: m.content + token } : m)));
      }
    }
  };
  onReady({ send });

  return (
    <div role="log" style={{ display: 'flex', flexDirection: 'column', gap: 16, overflowY: 'auto', height: '100%' }}>
      {messages.map((message) => (
        <Message key={message.id} message={message} />
      ))}
    </div>
  );
}

function Message({ message }: { message: NaiveMessage }): ReactElement {
  const tokens = marked.lexer(message.content, { gfm: true });
  return (
    <article data-role={message.role} style={{ maxWidth: '85%', padding: '10px 14px', border: '1px solid #ddd' }}>
      {tokens.map(block)}
    </article>
  );
}

function block(token: Token, key: number): ReactNode {
  switch (token.type) {
    case 'paragraph':
      return <p key={key}>{inline((token as Tokens.Paragraph).tokens)}</p>;
    case 'heading':
      return <h3 key={key}>{inline((token as Tokens.Heading).tokens)}</h3>;
    case 'code':
      return (
        <pre key={key}>
          <code>{(token as Tokens.Code).text}</code>
        </pre>
      );
    case 'list': {
      const list = token as Tokens.List;
      const items = list.items.map((item, i) => <li key={i}>{item.tokens.map(block)}</li>);
      return list.ordered ? <ol key={key}>{items}</ol> : <ul key={key}>{items}</ul>;
    }
    case 'text': {
      const text = token as Tokens.Text;
      return <span key={key}>{text.tokens ? inline(text.tokens) : text.text}</span>;
    }
    case 'space':
      return null;
    default:
      return <p key={key}>{token.raw}</p>;
  }
}

function inline(tokens: Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((token, key) => {
    switch (token.type) {
      case 'strong':
        return <strong key={key}>{inline((token as Tokens.Strong).tokens)}</strong>;
      case 'em':
        return <em key={key}>{inline((token as Tokens.Em).tokens)}</em>;
      case 'codespan':
        return <code key={key}>{(token as Tokens.Codespan).text}</code>;
      case 'link':
        return <span key={key}>{inline((token as Tokens.Link).tokens)}</span>;
      default:
        return 'text' in token && typeof token.text === 'string' ? token.text : token.raw;
    }
  });
}

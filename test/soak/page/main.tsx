import '../../../src/styles/index.css';
import { StrictMode, useEffect } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { EnhancedChatInterface } from '../../../src/components/EnhancedChatInterface.js';
import { Markdown } from '../../../src/components/markdown/Markdown.js';
import type { ChatService } from '../../../src/core/service.js';
import { useSSEChat, type UseChat, type UseSSEChatOptions } from '../../../src/react/useSSEChat.js';
import type { RenderedMarkdown, ShownAnswer } from './protocol.js';

/*
 * The soak's page: the real EnhancedChatInterface with the real useSSEChat, its chat options (endpoint, retry, idle
 * timeout) given by the driver in the `options` query parameter. The driver types into the composer; the page only
 * reads back what it shows, and renders expected markdown through the same Markdown component for comparison.
 */

const options = JSON.parse(new URLSearchParams(location.search).get('options') ?? '{}') as UseSSEChatOptions;
let service: ChatService | undefined;
// The real hook, passed through: it only hands the page its service, to read the stored text and metrics.
const useChat: UseChat = (chatOptions) => {
  const chat = useSSEChat(chatOptions);
  useEffect(() => {
    service = chat.service;
  }, [chat.service]);
  return chat;
};

function answer(index: number): ShownAnswer {
  const article = document.querySelectorAll('article[data-role="assistant"]')[index];
  const bodies = [...(article?.querySelectorAll('[data-slot="message-body"] > [data-slot="markdown"]') ?? [])];
  const message = service?.getSnapshot().messages.filter((m) => m.role === 'assistant')[index];
  return {
    status: article?.getAttribute('data-status') ?? null,
    html: bodies.map((body) => body.innerHTML).join(''),
    text: bodies.map((body) => body.textContent).join(''),
    notice: article?.querySelector('[data-slot="message-status"]') != null,
    stored: message?.content ?? '',
    retries: message?.metrics?.retries ?? 0,
  };
}

function render(markdown: string): RenderedMarkdown {
  const container = document.getElementById('reference') as HTMLElement;
  const root = createRoot(container);
  flushSync(() => root.render(<Markdown>{markdown}</Markdown>));
  const rendered = container.querySelector('[data-slot="markdown"]');
  const result = { html: rendered?.innerHTML ?? '', text: rendered?.textContent ?? '' };
  root.unmount();
  return result;
}

window.soak = {
  get ready() {
    return service !== undefined;
  },
  answer,
  connection: () => document.querySelector('[data-slot="connection-status"]')?.getAttribute('data-state') ?? null,
  render,
};

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <EnhancedChatInterface useChat={useChat} chatOptions={options} />
  </StrictMode>,
);

// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ChatMessageInput } from '../../src/core/messages.js';

const history: ChatMessageInput[] = [
  { id: 'u1', role: 'user', content: 'What is SSE?', status: 'complete', createdAt: 0 },
  { id: 'a1', role: 'assistant', content: 'One **long** HTTP response.', status: 'complete', createdAt: 0 },
];

describe('server rendering', () => {
  // The first import transforms the whole library; in CI that shares 2 cores with the story projects' Vite builds
  // and took over 5 s once.
  it(
    'imports the whole library and renders the chat in Node, with no window and no request',
    { timeout: 60_000 },
    async () => {
      const fetch = vi.spyOn(globalThis, 'fetch');
      const { EnhancedChatInterface } = await import('../../src/index.js');
      const html = renderToString(<EnhancedChatInterface initialMessages={history} />);
      expect(html).toContain('role="log"');
      expect(html).toContain('What is SSE?');
      expect(html).toContain('<strong>long</strong>');
      expect(html).toContain('data-state="connected"');
      expect(fetch).not.toHaveBeenCalled();
    },
  );
});

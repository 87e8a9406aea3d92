import { act, waitFor } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { EnhancedChatInterface } from '../../src/components/EnhancedChatInterface.js';
import type { ChatMessageInput } from '../../src/core/messages.js';

const history: ChatMessageInput[] = [
  { id: 'u1', role: 'user', content: 'Hello', status: 'complete', createdAt: 0 },
  {
    id: 'a1',
    role: 'assistant',
    content: '## Hi\n\n- a list\n\n```ts\nconst x = 1;\n```',
    reasoning: 'Greet back.',
    status: 'complete',
    createdAt: 0,
  },
];

describe('hydration', () => {
  it('hydrates the server HTML without a mismatch or any React warning, then colours its code', async () => {
    const app = <EnhancedChatInterface initialMessages={history} />;
    const container = document.createElement('div');
    container.innerHTML = renderToString(app);
    const serverHtml = container.innerHTML;
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');
    const recoverable = vi.fn();
    const root = await act(async () => hydrateRoot(container, app, { onRecoverableError: recoverable }));
    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    // Hydration kept the server's DOM; only client layout effects add inline styles (the composer's height).
    expect(container.innerHTML.replace(/ style="[^"]*"/g, '')).toBe(serverHtml);
    // The highlighter loads after hydration, as on a real page; the code block takes its colours, still quietly.
    await waitFor(
      () => expect(container.querySelector('[data-slot="code-block"]')).toHaveAttribute('data-state', 'highlighted'),
      { timeout: 5000 },
    );
    expect(errors).not.toHaveBeenCalled();
    act(() => root.unmount());
    container.remove();
  });
});

import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChatEmptyState, ChatRoot } from '../../../src/components/index.js';

describe('ChatEmptyState', () => {
  it('says "Try one of these:" only when there are prompts to try', () => {
    const { rerender } = render(
      <ChatRoot>
        <ChatEmptyState />
      </ChatRoot>,
    );
    expect(screen.getByText('How can I help?')).toBeInTheDocument();
    expect(screen.queryByText('Try one of these:')).toBeNull();
    expect(screen.queryByRole('list')).toBeNull();
    rerender(
      <ChatRoot>
        <ChatEmptyState examplePrompts={['Explain SSE']} />
      </ChatRoot>,
    );
    expect(screen.getByText('Try one of these:')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Explain SSE' })).toBeInTheDocument();
  });
});

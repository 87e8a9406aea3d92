'use client';
import { forwardRef, type ReactElement } from 'react';
import { AIInsightsPanel, type AIInsightsPanelProps } from '../AIInsightsPanel.js';
import { useChatPanel } from './use-chat-panel.js';

export type ChatInsightsProps = Omit<AIInsightsPanelProps, 'insights'>;

/**
 * The insights the model sent, bound to the chat: Apply puts an insight's suggested prompt in the composer, Dismiss
 * hides it. A host's `onApply`/`onDismiss` run first, then ours. Renders nothing while there are none.
 */
export const ChatInsights = forwardRef<HTMLElement, ChatInsightsProps>(function ChatInsights(
  { onApply, onDismiss, ...props },
  ref,
): ReactElement | null {
  const panel = useChatPanel(
    'ChatInsights',
    (s) => s.insights,
    (i) => i.suggestedPrompt,
    onApply,
    onDismiss,
  );
  return (
    <AIInsightsPanel insights={panel.items} onApply={panel.onApply} onDismiss={panel.onDismiss} {...props} ref={ref} />
  );
});

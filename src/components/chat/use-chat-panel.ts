'use client';
import { useState } from 'react';
import type { ChatSnapshot } from '../../core/chat-reducer.js';
import { useChatSelector } from '../../react/use-chat-selector.js';
import { composeCallbacks } from '../lib/compose-event-handlers.js';
import { useComposerActions } from './composer-context.js';

/**
 * A panel of the model's cards bound to the chat: the cards the user has not dismissed; Apply puts a card's text in
 * the composer; when the last card is dismissed the panel goes, and focus moves to the composer instead of being lost
 * to the page. The host's `onApply`/`onDismiss` run first, then ours.
 */
export function useChatPanel<T extends { id: string }>(
  part: string,
  select: (snapshot: ChatSnapshot) => readonly T[],
  textOf: (item: T) => string | undefined,
  onApply: ((item: T) => void) | undefined,
  onDismiss: ((item: T) => void) | undefined,
): { items: readonly T[]; onApply: (item: T) => void; onDismiss: (item: T) => void } {
  const all = useChatSelector(select);
  const composer = useComposerActions(part);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const items = dismissed.size === 0 ? all : all.filter((item) => !dismissed.has(item.id));
  return {
    items,
    onApply: composeCallbacks(onApply, (item) => {
      const text = textOf(item);
      if (text) composer.fill(text);
    }),
    onDismiss: composeCallbacks(onDismiss, (item) => {
      setDismissed((ids) => new Set(ids).add(item.id));
      if (items.length === 1) composer.focus();
    }),
  };
}

'use client';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createChatService, type ChatService, type ChatServiceOptions, type ChatSnapshot } from '../core/service.js';

/** Options of {@link useSSEChat}: the chat service's options. Changing them never recreates the service. */
export type UseSSEChatOptions = ChatServiceOptions;

/** What {@link useSSEChat} returns: the service, its current snapshot, and its actions. */
export interface UseSSEChatResult extends ChatSnapshot, ChatActions {
  /** The framework-free service behind the hook, for code outside React. */
  service: ChatService;
}

/** The shape of any hook a component can be given instead of `useSSEChat` (a story's fake, a host's own). */
export type UseChat = (options?: UseSSEChatOptions) => UseSSEChatResult;

/**
 * Streams chat answers over SSE. One service per component instance; it follows the browser's online
 * state while mounted, and unmounting stops the answer in flight.
 */
export const useSSEChat: UseChat = (options = {}) => {
  const [service] = useState(() => createChatService(options));
  useEffect(() => {
    service.setOptions(options);
  });
  // StrictMode mounts twice: attach/detach are symmetric, and sending only happens on user action.
  useEffect(() => service.attach(), [service]);
  return toChatResult(service, useSyncExternalStore(service.subscribe, service.getSnapshot, service.getSnapshot));
};

/** The hook's result for a service and one of its snapshots. */
export function toChatResult(service: ChatService, snapshot: ChatSnapshot): UseSSEChatResult {
  return { ...snapshot, service, ...actionsOf(service) };
}

/**
 * What a chat can be asked to do, and the rules its files must meet (`fileRules`, for a host's own composer): every
 * method of the service but its store and lifecycle, bound.
 */
export type ChatActions = Omit<ChatService, 'getSnapshot' | 'subscribe' | 'setOptions' | 'attach'>;

/** The actions of a service, as the hook's result gives them. */
export function actionsOf(service: ChatService): ChatActions {
  const {
    getSnapshot: _snapshot,
    subscribe: _subscribe,
    setOptions: _setOptions,
    attach: _attach,
    ...actions
  } = service;
  return actions;
}

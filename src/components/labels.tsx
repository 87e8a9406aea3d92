'use client';
import { createContext, useContext, useMemo, type ReactElement, type ReactNode } from 'react';
import type { ChatErrorKind } from '../core/errors.js';

/** Strings of `ConnectionStatus`. */
export interface ConnectionStatusLabels {
  /** @default "Connected" */
  connected: string;
  /** @default "Connecting…" */
  connecting: string;
  /** @default "Offline" */
  offline: string;
  /** @default "Connection problem" */
  error: string;
  /** @default (attempt, max) => `Reconnecting (attempt ${attempt} of ${max})` */
  reconnecting: (attempt: number, maxRetries: number) => string;
  /** @default (seconds) => `next try in ${seconds} s` */
  nextTryIn: (seconds: number) => string;
  /** Waiting out a rate limit (429) before the next try. @default "Rate limited" */
  rateLimited: string;
  /** @default (seconds) => `trying again in ${seconds} s` */
  tryingAgainIn: (seconds: number) => string;
}

/** Strings of `ErrorToast`: a title per error kind, and its actions. */
export interface ErrorToastLabels {
  /** A short title per {@link ChatErrorKind}. */
  titles: Record<ChatErrorKind, string>;
  /** @default "Retry" */
  retry: string;
  /** @default "Dismiss" */
  dismiss: string;
  /** @default (seconds) => `Try again in ${seconds} s` */
  tryAgainIn: (seconds: number) => string;
}

/** Strings of `StreamingMessageBubble`. */
export interface MessageBubbleLabels {
  /** @default "You" */
  user: string;
  /** @default "Assistant" */
  assistant: string;
  /** @default "System" */
  system: string;
  /** @default "Thinking" */
  thinking: string;
  /** @default "Thinking…" */
  thinkingNow: string;
  /** The folded reasoning of a finished answer, once its duration is known. @default (seconds) => `Thought for ${seconds} s` */
  thoughtFor: (seconds: number) => string;
  /** @default "Copy" */
  copy: string;
  /** @default "Copied" */
  copied: string;
  /** @default "Copy code" */
  copyCode: string;
  /** @default "Regenerate" */
  regenerate: string;
  /** Thumbs up on an answer. @default "Good answer" */
  goodAnswer: string;
  /** Thumbs down on an answer. @default "Bad answer" */
  badAnswer: string;
  /** @default "Edit" */
  edit: string;
  /** The text box that edits a sent message. @default "Edit message" */
  editMessage: string;
  /** @default "Save" */
  save: string;
  /** @default "Cancel" */
  cancel: string;
  /** The branch picker's group. @default "Versions" */
  versions: string;
  /** @default "Previous version" */
  previousVersion: string;
  /** @default "Next version" */
  nextVersion: string;
  /** @default (index, count) => `${index} / ${count}` (1-based) */
  versionOf: (index: number, count: number) => string;
  /** @default "Retry" */
  retry: string;
  /** @default "Stopped" */
  stopped: string;
  /** @default "Connection lost: the answer is incomplete" */
  interrupted: string;
  /** @default "The answer failed" */
  error: string;
  /** Read before a remote image that waits for the user (its alt text and host follow). @default "Show image" */
  showImage: string;
  /** An image without alt text. @default "Image" */
  image: string;
  /** Under an answer that could not be formatted. @default "Shown as plain text: this answer could not be formatted." */
  shownAsText: string;
  /** @default (ms) => `first token ${ms} ms` */
  timeToFirstToken: (ms: number) => string;
  /** @default (rate) => `${rate} tokens/s` */
  tokensPerSecond: (rate: number) => string;
}

/** Strings of the loaders. */
export interface LoaderLabels {
  /** Accessible label of `SkeletonLoader`. @default "Loading…" */
  loading: string;
  /** Accessible label of `EgyptianLoadingAnimation`. @default "Thinking…" */
  thinking: string;
}

/** Strings of `AIInsightCard` / `AIInsightsPanel`. */
export interface InsightLabels {
  /** @default "Insights" */
  heading: string;
  /** Shown for each insight kind. */
  kinds: Record<'tip' | 'warning' | 'optimization' | 'info', string>;
  /** @default (percent) => `${percent}% confidence` */
  confidence: (percent: number) => string;
  /** @default "Apply" */
  apply: string;
  /** @default "Dismiss" */
  dismiss: string;
}

/** Strings of `AISuggestionCard` / `AISuggestionsPanel`. */
export interface SuggestionLabels {
  /** @default "Suggestions" */
  heading: string;
  /** @default (percent) => `${percent}% confidence` */
  confidence: (percent: number) => string;
  /** @default "Show more" */
  expand: string;
  /** @default "Show less" */
  collapse: string;
  /** @default "Apply" */
  apply: string;
  /** @default "Copy" */
  copy: string;
  /** @default "Copied" */
  copied: string;
  /** @default "Dismiss" */
  dismiss: string;
}

/** Strings of `ToolCallView`, `ToolApproval` and `SourceList`. */
export interface ToolLabels {
  /** A call whose arguments are still streaming. @default "Preparing" */
  preparing: string;
  /** @default "Running" */
  running: string;
  /** A call that waits for the user's answer. @default "Waiting for you" */
  waiting: string;
  /** @default "Done" */
  done: string;
  /** @default "Failed" */
  failed: string;
  /** @default "Arguments" */
  arguments: string;
  /** @default "Result" */
  result: string;
  /** @default "Approve" */
  approve: string;
  /** @default "Deny" */
  deny: string;
  /** @default "Sources" */
  sources: string;
  /** Read after each source link by screen readers. @default "(opens in a new tab)" */
  opensInNewTab: string;
}

/** Strings of `EnhancedChatInterface`. */
export interface ChatInterfaceLabels {
  /** The chat's accessible name and visible title. @default "Chat" */
  title: string;
  /** @default "Conversation" */
  transcript: string;
  /** @default "Message" */
  composer: string;
  /** @default "Ask anything…" */
  placeholder: string;
  /** @default "Send" */
  send: string;
  /** @default "Stop" */
  stop: string;
  /** @default "Jump to latest" */
  jumpToLatest: string;
  /** @default "How can I help?" */
  emptyTitle: string;
  /** @default "Try one of these:" */
  emptyHint: string;
  /** @default (used, max) => `${used} / ${max}` */
  counter: (used: number, max: number) => string;
  /** @default (max) => `Messages are limited to ${max} characters.` */
  tooLong: (max: number) => string;
  /** Announced once when an answer is complete. @default (text) => `Answer: ${text}` */
  answered: (text: string) => string;
  /** @default "Attach files" */
  attach: string;
  /** The list of files attached to the message being written. @default "Attachments" */
  attachments: string;
  /** @default (name) => `Remove ${name}` */
  removeAttachment: (name: string) => string;
  /** @default "Drop files to attach them" */
  dropFiles: string;
  /** @default (name) => `“${name}” is not a type of file this chat takes.` */
  fileRefusedType: (name: string) => string;
  /** `max` is already formatted ("10 MB"). @default (name, max) => `“${name}” is larger than ${max}.` */
  fileRefusedSize: (name: string, max: string) => string;
  /** @default (max) => `A message can carry ${max} files at most.` */
  fileRefusedCount: (max: number) => string;
  /** @default (name) => `“${name}” could not be read.` */
  fileUnreadable: (name: string) => string;
  /** An image of a message, as a button that opens it larger. @default (name) => `Open ${name}` */
  openImage: (name: string) => string;
  /** @default "Close" */
  close: string;
}

/** Every user-visible string of the components, by component. Override any part to translate. */
export interface ChatLabels {
  connectionStatus: ConnectionStatusLabels;
  errorToast: ErrorToastLabels;
  messageBubble: MessageBubbleLabels;
  loader: LoaderLabels;
  insights: InsightLabels;
  suggestions: SuggestionLabels;
  tools: ToolLabels;
  chat: ChatInterfaceLabels;
}

const confidence = (percent: number) => `${percent}% confidence`;

/** The English defaults. */
export const defaultChatLabels: ChatLabels = {
  connectionStatus: {
    connected: 'Connected',
    connecting: 'Connecting…',
    offline: 'Offline',
    error: 'Connection problem',
    reconnecting: (attempt, max) => `Reconnecting (attempt ${attempt} of ${max})`,
    nextTryIn: (seconds) => `next try in ${seconds} s`,
    rateLimited: 'Rate limited',
    tryingAgainIn: (seconds) => `trying again in ${seconds} s`,
  },
  errorToast: {
    titles: {
      auth: 'Session expired',
      rate_limit: 'Too many requests',
      server: 'The server had a problem',
      client: 'Request refused',
      network: 'Connection lost',
      timeout: 'The server stopped responding',
      protocol: 'Unexpected reply',
      max_steps: 'Too many tool steps',
      aborted: 'Stopped',
    },
    retry: 'Retry',
    dismiss: 'Dismiss',
    tryAgainIn: (seconds) => `Try again in ${seconds} s`,
  },
  messageBubble: {
    user: 'You',
    assistant: 'Assistant',
    system: 'System',
    thinking: 'Thinking',
    thinkingNow: 'Thinking…',
    thoughtFor: (seconds) => `Thought for ${seconds} s`,
    copy: 'Copy',
    copied: 'Copied',
    copyCode: 'Copy code',
    regenerate: 'Regenerate',
    goodAnswer: 'Good answer',
    badAnswer: 'Bad answer',
    edit: 'Edit',
    editMessage: 'Edit message',
    save: 'Save',
    cancel: 'Cancel',
    versions: 'Versions',
    previousVersion: 'Previous version',
    nextVersion: 'Next version',
    versionOf: (index, count) => `${index} / ${count}`,
    retry: 'Retry',
    stopped: 'Stopped',
    interrupted: 'Connection lost: the answer is incomplete',
    error: 'The answer failed',
    showImage: 'Show image',
    image: 'Image',
    shownAsText: 'Shown as plain text: this answer could not be formatted.',
    timeToFirstToken: (ms) => `first token ${ms} ms`,
    tokensPerSecond: (rate) => `${rate} tokens/s`,
  },
  loader: { loading: 'Loading…', thinking: 'Thinking…' },
  insights: {
    heading: 'Insights',
    kinds: { tip: 'Tip', warning: 'Warning', optimization: 'Optimization', info: 'Info' },
    confidence,
    apply: 'Apply',
    dismiss: 'Dismiss',
  },
  suggestions: {
    heading: 'Suggestions',
    confidence,
    expand: 'Show more',
    collapse: 'Show less',
    apply: 'Apply',
    copy: 'Copy',
    copied: 'Copied',
    dismiss: 'Dismiss',
  },
  tools: {
    preparing: 'Preparing',
    running: 'Running',
    waiting: 'Waiting for you',
    done: 'Done',
    failed: 'Failed',
    arguments: 'Arguments',
    result: 'Result',
    approve: 'Approve',
    deny: 'Deny',
    sources: 'Sources',
    opensInNewTab: '(opens in a new tab)',
  },
  chat: {
    title: 'Chat',
    transcript: 'Conversation',
    composer: 'Message',
    placeholder: 'Ask anything…',
    send: 'Send',
    stop: 'Stop',
    jumpToLatest: 'Jump to latest',
    emptyTitle: 'How can I help?',
    emptyHint: 'Try one of these:',
    counter: (used, max) => `${used} / ${max}`,
    tooLong: (max) => `Messages are limited to ${max} characters.`,
    answered: (text) => `Answer: ${text}`,
    attach: 'Attach files',
    attachments: 'Attachments',
    removeAttachment: (name) => `Remove ${name}`,
    dropFiles: 'Drop files to attach them',
    fileRefusedType: (name) => `“${name}” is not a type of file this chat takes.`,
    fileRefusedSize: (name, max) => `“${name}” is larger than ${max}.`,
    fileRefusedCount: (max) => `A message can carry ${max} files at most.`,
    fileUnreadable: (name) => `“${name}” could not be read.`,
    openImage: (name) => `Open ${name}`,
    close: 'Close',
  },
};

/** Overrides for some sections, and within a section for some strings. */
export type ChatLabelsOverride = { [Section in keyof ChatLabels]?: Partial<ChatLabels[Section]> };

const LabelsContext = createContext<ChatLabels>(defaultChatLabels);

/**
 * Translates every component below it; sections and strings not given keep those of an outer provider, else the
 * English defaults. Without `labels` it changes nothing.
 */
export function ChatLabelsProvider({
  labels,
  children,
}: {
  labels?: ChatLabelsOverride | undefined;
  children?: ReactNode;
}): ReactElement {
  const outer = useContext(LabelsContext);
  // Merged once per change of labels: a new object per render would re-render every component that reads them.
  const merged = useMemo(
    () =>
      labels
        ? (Object.fromEntries(
            Object.entries(outer).map(([section, strings]) => [
              section,
              { ...strings, ...labels[section as keyof ChatLabels] },
            ]),
          ) as unknown as ChatLabels)
        : outer,
    [outer, labels],
  );
  return <LabelsContext.Provider value={merged}>{children}</LabelsContext.Provider>;
}

/** A component's strings: its `labels` prop over the nearest provider's over the English defaults. */
export function useLabels<Section extends keyof ChatLabels>(
  section: Section,
  overrides?: Partial<ChatLabels[Section]>,
): ChatLabels[Section] {
  const fromContext = useContext(LabelsContext)[section];
  return overrides ? { ...fromContext, ...overrides } : fromContext;
}

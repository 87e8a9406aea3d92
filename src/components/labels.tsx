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

/** Strings of a failure, wherever it shows (`ErrorToast`, a failed answer's notice): title, plain words, actions. */
export interface ErrorToastLabels {
  /** A short title per {@link ChatErrorKind}. */
  titles: Record<ChatErrorKind, string>;
  /**
   * What happened and what helps, in plain words, per kind. `client` errors show the server's own message instead
   * (it says what to change). The technical message, status and kind go under "Details".
   */
  descriptions: Record<ChatErrorKind, string>;
  /** The disclosure with the technical message, status code and kind. @default "Details" */
  details: string;
  /** @default "Retry" */
  retry: string;
  /** Retry while the server's wait runs, disabled. @default (seconds) => `Retry in ${seconds} s` */
  retryIn: (seconds: number) => string;
  /** The action of an `auth` failure, shown when the host gives `onAuthRequired`. @default "Sign in" */
  signIn: string;
  /** @default "Dismiss" */
  dismiss: string;
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
  /** Under an answer the connection cut short. @default "Connection lost before the answer was complete" */
  interrupted: string;
  /** Under an answer that hit its length limit (`maxTokens`). @default "The answer hit its length limit" */
  lengthLimit: string;
  /** Asks the model to go on with an answer that hit its length limit. @default "Continue" */
  continue: string;
  /** Under an answer the provider's content filter ended. @default "The provider's content filter stopped this answer" */
  contentFiltered: string;
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

/** Overrides for some sections, and within a section for some strings. */
export type ChatLabelsOverride = { [Section in keyof ChatLabels]?: Partial<ChatLabels[Section]> };

/** The overrides in scope: the English defaults live with each component (`labels-en.ts`), not here. */
const LabelsContext = createContext<ChatLabelsOverride>({});

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
  const merged = useMemo(() => {
    if (!labels) return outer;
    const result: Record<string, object | undefined> = { ...outer };
    for (const section of Object.keys(labels) as (keyof ChatLabels)[])
      result[section] = { ...outer[section], ...labels[section] };
    return result as ChatLabelsOverride;
  }, [outer, labels]);
  return <LabelsContext.Provider value={merged}>{children}</LabelsContext.Provider>;
}

/**
 * A component's strings: its `labels` prop over the nearest provider's over its English `defaults` (from
 * `labels-en.ts`, imported by the component itself so that it carries its own section only).
 */
export function useLabels<Section extends keyof ChatLabels>(
  section: Section,
  defaults: ChatLabels[Section],
  overrides?: Partial<ChatLabels[Section]>,
): ChatLabels[Section] {
  const fromContext = useContext(LabelsContext)[section];
  return useMemo(
    () => (fromContext || overrides ? { ...defaults, ...fromContext, ...overrides } : defaults),
    [defaults, fromContext, overrides],
  );
}

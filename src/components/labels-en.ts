import type { ChatLabels } from './labels.js';
/*
 * The English defaults, one constant per section: a component imports only its own section's strings, so a page
 * with `ConnectionStatus` alone does not carry the strings of every other component.
 */
const confidence = (percent: number) => `${percent}% confidence`;

export const connectionStatusEn: ChatLabels['connectionStatus'] = {
  connected: 'Connected',
  connecting: 'Connecting…',
  offline: 'Offline',
  error: 'Connection problem',
  reconnecting: (attempt, max) => `Reconnecting (attempt ${attempt} of ${max})`,
  nextTryIn: (seconds) => `next try in ${seconds} s`,
  rateLimited: 'Rate limited',
  tryingAgainIn: (seconds) => `trying again in ${seconds} s`,
};

export const errorToastEn: ChatLabels['errorToast'] = {
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
  descriptions: {
    auth: 'Your session has expired. Sign in again to continue.',
    rate_limit: 'The service is busy. Wait a moment, then try again.',
    server: 'The service could not answer this time. Trying again usually helps.',
    client: 'The service did not accept this request.',
    network: 'The connection dropped before the answer arrived. Check your connection, then try again.',
    timeout: 'The service stopped responding. Try again in a moment.',
    protocol: 'The service sent a reply this chat cannot read. Try again; if it keeps happening, try later.',
    max_steps: 'The assistant kept calling tools and was stopped. Send a message to let it go on.',
    aborted: 'The answer was stopped.',
  },
  details: 'Details',
  retry: 'Retry',
  retryIn: (seconds) => `Retry in ${seconds} s`,
  signIn: 'Sign in',
  dismiss: 'Dismiss',
};

export const messageBubbleEn: ChatLabels['messageBubble'] = {
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
  interrupted: 'Connection lost before the answer was complete',
  lengthLimit: 'The answer hit its length limit',
  continue: 'Continue',
  contentFiltered: "The provider's content filter stopped this answer",
  showImage: 'Show image',
  image: 'Image',
  shownAsText: 'Shown as plain text: this answer could not be formatted.',
  timeToFirstToken: (ms) => `first token ${ms} ms`,
  tokensPerSecond: (rate) => `${rate} tokens/s`,
};

export const loaderEn: ChatLabels['loader'] = { loading: 'Loading…', thinking: 'Thinking…' };

export const insightsEn: ChatLabels['insights'] = {
  heading: 'Insights',
  kinds: { tip: 'Tip', warning: 'Warning', optimization: 'Optimization', info: 'Info' },
  confidence,
  apply: 'Apply',
  dismiss: 'Dismiss',
};

export const suggestionsEn: ChatLabels['suggestions'] = {
  heading: 'Suggestions',
  confidence,
  expand: 'Show more',
  collapse: 'Show less',
  apply: 'Apply',
  copy: 'Copy',
  copied: 'Copied',
  dismiss: 'Dismiss',
};

export const toolsEn: ChatLabels['tools'] = {
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
};

export const chatEn: ChatLabels['chat'] = {
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
};

/** Every English default, by section. */
export const defaultChatLabels: ChatLabels = {
  connectionStatus: connectionStatusEn,
  errorToast: errorToastEn,
  messageBubble: messageBubbleEn,
  loader: loaderEn,
  insights: insightsEn,
  suggestions: suggestionsEn,
  tools: toolsEn,
  chat: chatEn,
};

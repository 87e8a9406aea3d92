export { ChatError, isChatError } from './errors.js';
export type { ChatErrorKind, ChatErrorOptions } from './errors.js';
export type { RetryState } from './retry-state.js';

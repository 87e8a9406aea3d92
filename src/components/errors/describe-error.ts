import type { ChatError } from '../../core/errors.js';
import type { ErrorToastLabels } from '../labels.js';

/**
 * The plain sentence shown for a failure. A `client` error is the server refusing this very request: its own message
 * says what to change, so it is shown as is; every other kind gets the label's words, and the library's technical
 * message waits under "Details".
 */
export function describeError(error: ChatError, text: ErrorToastLabels): string {
  return error.kind === 'client' ? error.message : text.descriptions[error.kind];
}

/**
 * Whether the user's Retry can help: not for a refused request (the same request is refused again) nor an expired
 * session (signing in helps). A malformed reply can be a passing proxy page, so asking again is worth offering.
 */
export function retryHelps(error: ChatError): boolean {
  return error.kind !== 'client' && error.kind !== 'auth' && error.kind !== 'aborted';
}

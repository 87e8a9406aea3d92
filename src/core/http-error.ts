import { ChatError } from './errors.js';
import { errorMessageOf } from './protocol.js';
import { parseRetryAfter } from './retry.js';

async function serverMessage(response: Response): Promise<string | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!/json/i.test(type)) return undefined;
  try {
    return errorMessageOf(JSON.parse(await response.text()));
  } catch {
    return undefined;
  }
}

/**
 * Turns a non-2xx response into a {@link ChatError} the UI can act on: 401/403 `auth`, 429 `rate_limit`
 * (with `Retry-After`), 5xx `server`, any other 4xx `client` with the server's own message.
 */
export async function errorFromResponse(response: Response): Promise<ChatError> {
  const { status } = response;
  const message = await serverMessage(response);
  const statusText = `${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  if (status === 401 || status === 403) {
    return new ChatError('auth', 'Your session has expired. Sign in again to continue.', {
      status,
      cause: message ?? statusText,
    });
  }
  if (status === 429) {
    return new ChatError('rate_limit', message ?? 'Too many requests: the server asked us to slow down.', {
      status,
      retryAfterMs: parseRetryAfter(response.headers.get('retry-after')),
    });
  }
  if (status >= 500) {
    return new ChatError('server', message ?? `The chat server failed (${statusText}).`, { status });
  }
  return new ChatError('client', message ?? `The chat server refused the request (${statusText}).`, { status });
}

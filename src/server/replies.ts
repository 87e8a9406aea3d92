/** The relay's own error codes, in `{"error":{"code","message"}}` bodies and chunks. */
export type RelayErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'stream_not_found'
  | 'store_unavailable'
  | 'upstream_unreachable'
  | 'method_not_allowed';

const STATUS: Record<RelayErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  stream_not_found: 404,
  method_not_allowed: 405,
  upstream_unreachable: 502,
  store_unavailable: 503,
};

/** Headers every relay reply carries: a browser on another origin may read the stream id. */
export const EXPOSE_HEADERS = { 'Access-Control-Expose-Headers': 'X-Chat-Stream' };

/** An error reply in the OpenAI shape the client reads its message from. */
export function errorReply(code: RelayErrorCode, message: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    { error: { code, message } },
    { status: STATUS[code], headers: { ...EXPOSE_HEADERS, ...headers } },
  );
}

/** The upstream's refusal as it came (status, `Retry-After`, body), so the client's error handling still applies. */
export function passThrough(response: Response): Response {
  const headers = new Headers(EXPOSE_HEADERS);
  for (const name of ['content-type', 'retry-after']) {
    const value = response.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

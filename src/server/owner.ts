/** The default owner of a request: the SHA-256 of its `Authorization` header (an empty one for none), in hex. */
export async function defaultAuthorize(request: Request): Promise<string> {
  const bytes = new TextEncoder().encode(request.headers.get('authorization') ?? '');
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** An address the chat may follow or load: absolute http(s), with its host for the reader to see. */
export interface WebUrl {
  href: string;
  /** @example "docs.example.com" */
  host: string;
  /** @example "https://docs.example.com" */
  origin: string;
}

/**
 * The URL if it is an absolute http(s) address, else `null`. Model text is untrusted: `javascript:`, `data:`,
 * `mailto:`, relative and protocol-relative URLs are refused, however they are disguised — the URL parser removes
 * the tabs, newlines and control characters a browser would, before the scheme is checked.
 */
export function webUrl(raw: string): WebUrl | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return { href: url.href, host: url.host, origin: url.origin };
}

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL if it is safe to put in `href`/`src`, else `null`. Model text is untrusted: only web, mail and
 * relative URLs pass; `javascript:`, `data:`, `vbscript:` and every other scheme are refused, however they
 * are disguised (case, whitespace, control characters, entities already decoded by the lexer).
 */
export function safeUrl(raw: string): string | null {
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  // eslint-disable-next-line no-control-regex
  const url = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (url === '') return null;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (!scheme) return url.startsWith('//') ? null : raw.trim();
  return ALLOWED_PROTOCOLS.has(`${scheme[1]?.toLowerCase()}:`) ? raw.trim() : null;
}

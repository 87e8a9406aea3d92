/**
 * Copies `text` to the clipboard and says whether it worked. Uses the Clipboard API when the
 * page may (a secure context, permission granted); otherwise, or when it refuses, falls back to
 * selecting a hidden textarea and `document.execCommand('copy')`. Never throws.
 */
export async function copyToClipboard(text: string): Promise<boolean> {
  const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard;
  if (clipboard?.writeText) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // Refused (no permission, document not focused, a sandboxed iframe): try the old way.
    }
  }
  return copyWithTextarea(text);
}

/** The pre-Clipboard-API way; puts the user's focus and selection back where they were. */
function copyWithTextarea(text: string): boolean {
  if (typeof document === 'undefined' || typeof document.execCommand !== 'function') return false;
  const previousFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const selection = document.getSelection();
  const previousRanges = selection
    ? Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i))
    : [];

  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.setAttribute('readonly', '');
  textarea.setAttribute('aria-hidden', 'true');
  // Out of sight and out of layout, but not display:none (which cannot be selected).
  Object.assign(textarea.style, { position: 'fixed', insetBlockStart: '0', insetInlineStart: '0', opacity: '0' });
  document.body.append(textarea);
  textarea.focus({ preventScroll: true });
  textarea.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    textarea.remove();
    previousFocus?.focus({ preventScroll: true });
    if (selection) {
      selection.removeAllRanges();
      for (const range of previousRanges) selection.addRange(range);
    }
  }
}

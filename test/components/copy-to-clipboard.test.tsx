import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyToClipboard } from '../../src/components/lib/copy-to-clipboard.js';

/** jsdom has neither `navigator.clipboard` nor `document.execCommand`: each test installs its own. */
function stubClipboard(writeText: (text: string) => Promise<void>): void {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

function stubExecCommand(result: boolean | Error) {
  const execCommand = vi.fn((command: string) => {
    if (result instanceof Error) throw result;
    // What the browser would copy: the selected text of the focused textarea.
    copiedByExecCommand = command === 'copy' ? (document.activeElement as HTMLTextAreaElement).value : '';
    return result;
  });
  Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
  return execCommand;
}

let copiedByExecCommand = '';

describe('copyToClipboard', () => {
  beforeEach(() => {
    copiedByExecCommand = '';
  });
  afterEach(() => {
    Reflect.deleteProperty(navigator, 'clipboard');
    Reflect.deleteProperty(document, 'execCommand');
    document.body.innerHTML = '';
  });

  it('writes with the Clipboard API when there is one', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    stubClipboard(writeText);
    const execCommand = stubExecCommand(true);
    await expect(copyToClipboard('Summarise the thread')).resolves.toBe(true);
    expect(writeText).toHaveBeenCalledWith('Summarise the thread');
    expect(execCommand).not.toHaveBeenCalled();
  });

  it('falls back to a hidden textarea and execCommand without the Clipboard API', async () => {
    const execCommand = stubExecCommand(true);
    await expect(copyToClipboard('line one\nline two')).resolves.toBe(true);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(copiedByExecCommand).toBe('line one\nline two');
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('falls back when the Clipboard API refuses', async () => {
    stubClipboard(() => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')));
    const execCommand = stubExecCommand(true);
    await expect(copyToClipboard('text')).resolves.toBe(true);
    expect(execCommand).toHaveBeenCalledWith('copy');
  });

  it('says false, without throwing, when nothing can copy', async () => {
    stubClipboard(() => Promise.reject(new Error('denied')));
    stubExecCommand(false);
    await expect(copyToClipboard('text')).resolves.toBe(false);
    stubExecCommand(new Error('not supported'));
    await expect(copyToClipboard('text')).resolves.toBe(false);
    Reflect.deleteProperty(document, 'execCommand');
    await expect(copyToClipboard('text')).resolves.toBe(false);
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('gives focus back to where it was after the fallback', async () => {
    stubExecCommand(true);
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    await copyToClipboard('text');
    expect(document.activeElement).toBe(button);
  });
});

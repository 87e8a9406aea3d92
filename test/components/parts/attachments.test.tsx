import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComposerForm, EnhancedChatInterface, type ComposerFormProps } from '../../../src/components/index.js';
import { answer, createScriptedFetch, settle } from '../../support/scripted-fetch.js';

const png = (name = 'photo.png', size = 4) => new File([new Uint8Array(size)], name, { type: 'image/png' });
const pdf = (name = 'notes.pdf') => new File(['%PDF-1.7'], name, { type: 'application/pdf' });

function Composer(props: Partial<ComposerFormProps>) {
  const [value, setValue] = useState('');
  const [files, setFiles] = useState<readonly File[]>([]);
  return (
    <ComposerForm
      onSend={() => {}}
      {...props}
      value={value}
      onValueChange={setValue}
      attachments={files}
      onAttachmentsChange={setFiles}
    />
  );
}

const picker = (container: HTMLElement) => container.querySelector('input[type="file"]') as HTMLInputElement;
const pick = (container: HTMLElement, files: File[]) => fireEvent.change(picker(container), { target: { files } });
const chips = () => screen.queryAllByRole('listitem').map((item) => item.textContent);

afterEach(() => vi.restoreAllMocks());

describe('attaching files in the composer', () => {
  it('the Attach button opens the picker; picked files show as chips with name and size, each removable', () => {
    const { container } = render(<Composer />);
    const click = vi.spyOn(picker(container), 'click').mockImplementation(() => {});
    fireEvent.click(screen.getByRole('button', { name: 'Attach files' }));
    expect(click).toHaveBeenCalled();

    pick(container, [png('photo.png', 2048), pdf()]);
    expect(screen.getByRole('list', { name: 'Attachments' })).toBeInTheDocument();
    expect(chips()).toEqual(['photo.png2 KB', 'notes.pdf8 B']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove photo.png' }));
    expect(chips()).toEqual(['notes.pdf8 B']);
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveFocus();
  });

  it('a refused file is named at the composer; the text and the files taken stay', () => {
    const { container } = render(<Composer fileRules={{ accept: 'image/*', maxFiles: 2, maxFileSize: 100 }} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'Message' }), { target: { value: 'Look' } });
    pick(container, [png('a.png'), pdf('report.pdf'), png('huge.png', 101), png('b.png'), png('c.png')]);

    expect(chips()).toEqual(['a.png4 B', 'b.png4 B']);
    expect(screen.getByRole('alert')).toHaveTextContent(
      '“report.pdf” is not a type of file this chat takes. “huge.png” is larger than 100 B. A message can carry 2 files at most.',
    );
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveValue('Look');
    expect(screen.getByRole('textbox', { name: 'Message' })).toHaveAccessibleDescription(/report\.pdf/);
    expect(picker(container)).toHaveAttribute('accept', 'image/*');
  });

  it('takes files pasted into the text box and dropped on the composer', () => {
    render(<Composer />);
    const box = screen.getByRole('textbox', { name: 'Message' });
    fireEvent.paste(box, { clipboardData: { files: [png('screenshot.png')], types: ['Files'] } });
    const form = box.closest('form') as HTMLFormElement;
    fireEvent.dragOver(form, { dataTransfer: { types: ['Files'], files: [] } });
    expect(form).toHaveAttribute('data-dragging', 'true');
    fireEvent.drop(form, { dataTransfer: { types: ['Files'], files: [pdf('dropped.pdf')] } });
    expect(form).not.toHaveAttribute('data-dragging');
    expect(chips()).toEqual(['screenshot.png4 B', 'dropped.pdf8 B']);
  });

  it('sends files alone, without text', () => {
    const onSend = vi.fn();
    const { container } = render(<Composer onSend={onSend} />);
    pick(container, [png()]);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(onSend).toHaveBeenCalledWith('', [expect.any(File)]);
  });

  it('revokes every object URL it made: no leak across 100 attachments', () => {
    const made = new Set<string>();
    let n = 0;
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => {
      const url = `blob:test/${++n}`;
      made.add(url);
      return url;
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void made.delete(url));
    const { container, unmount } = render(<Composer />);
    for (let round = 0; round < 25; round++) {
      pick(
        container,
        Array.from({ length: 4 }, (_, i) => png(`p${round * 4 + i}.png`)),
      );
      // Half the rounds remove their files one by one, half leave them for the unmount.
      if (round < 24) for (const button of screen.getAllByRole('button', { name: /^Remove / })) fireEvent.click(button);
    }
    expect(n).toBe(100);
    expect(made.size).toBe(4);
    unmount();
    expect(made.size).toBe(0);
  });
});

describe('files in the chat', () => {
  it('the message shows its images, which open larger, and its other files; the composer is empty again', async () => {
    const server = createScriptedFetch();
    server.reply(() => answer('Nice.'));
    render(<EnhancedChatInterface chatOptions={{ fetch: server.fetch, endpoint: '/chat' }} />);
    const form = screen.getByRole('textbox', { name: 'Message' }).closest('form') as HTMLFormElement;
    pick(form, [png('photo.png'), pdf()]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Send' }));
      await settle();
    });
    const content = server.requests[0]?.body.messages as { content: { type: string }[] }[];
    expect(content[0]?.content.map((part) => part.type)).toEqual(['image_url', 'file']);
    const user = screen.getByRole('log').querySelector('[data-role="user"]') as HTMLElement;
    expect(within(user).getByRole('button', { name: 'Open photo.png' })).toBeInTheDocument();
    expect(within(user).getByText('notes.pdf')).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Attachments' })).toBeNull();
  });
});

import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ComposerForm, type ComposerFormProps } from '../../src/components/ComposerForm.js';

function Controlled(props: Partial<ComposerFormProps>) {
  const [value, setValue] = useState(props.value ?? '');
  return <ComposerForm onSend={() => {}} {...props} value={value} onValueChange={setValue} />;
}

const box = () => screen.getByRole('textbox', { name: 'Message' });

describe('ComposerForm', () => {
  it('sends on Enter, not on Shift+Enter', () => {
    const onSend = vi.fn();
    render(<Controlled value="hello" onSend={onSend} />);
    fireEvent.keyDown(box(), { key: 'Enter', shiftKey: true });
    expect(onSend).not.toHaveBeenCalled();
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('hello', []);
  });

  it('never sends while an input method is composing', () => {
    const onSend = vi.fn();
    render(<Controlled value="にほん" onSend={onSend} />);
    fireEvent.keyDown(box(), { key: 'Enter', isComposing: true });
    fireEvent.keyDown(box(), { key: 'Enter', keyCode: 229 });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('does not send blank text', () => {
    const onSend = vi.fn();
    render(<Controlled value="   " onSend={onSend} />);
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
  });

  it('turns Send into Stop while streaming, and Escape stops', () => {
    const onStop = vi.fn();
    render(<Controlled value="next question" isStreaming onStop={onStop} onSend={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Send' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    fireEvent.keyDown(box(), { key: 'Escape' });
    expect(onStop).toHaveBeenCalledTimes(2);
  });

  it('counts characters near the limit and refuses to send past it, keeping the text', () => {
    const onSend = vi.fn();
    render(<Controlled value={'x'.repeat(11)} maxLength={10} onSend={onSend} />);
    expect(screen.getByText(/11 \/ 10/)).toBeInTheDocument();
    expect(box()).toHaveAttribute('aria-invalid', 'true');
    fireEvent.keyDown(box(), { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect(box()).toHaveValue('x'.repeat(11));
  });
});

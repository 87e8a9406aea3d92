'use client';
import { useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import type { MessageBranch } from '../../core/messages.js';
import { useLabels, type MessageBubbleLabels } from '../labels.js';
import { buttonVariants } from '../lib/button.js';
import { cn } from '../lib/cn.js';
import { handOffFocus, useTakeFocus } from '../lib/focus-handoff.js';
import { BranchPicker } from './BranchPicker.js';
import { MessageEditor } from './MessageEditor.js';
import { LineIcon } from '../lib/line-icon.js';
import { messageBubbleEn } from '../labels-en.js';

export interface EditableUserMessageProps {
  /** The message as shown when not editing. */
  children: ReactNode;
  /** Its text: where editing starts. */
  text: string;
  /** Its versions (`message.branch`). */
  branch: MessageBranch | undefined;
  /** What its versions share (their parent's id), so focus follows to the version shown next. */
  group: string;
  /** Saves an edit as a new version; no Edit button without it. */
  onEdit?: ((text: string) => void) | undefined;
  /** Shows another version; no picker without it. */
  onSwitchBranch?: ((index: number) => void) | undefined;
  labels?: Partial<MessageBubbleLabels> | undefined;
}

/**
 * A user's message with its Edit button and version picker. Edit turns the message into a `MessageEditor` in place;
 * Save makes a new version (whose Edit button then has the focus), Cancel puts the message back and focus on Edit.
 * Edit shows on hover and focus with a fine pointer, always on a touch screen.
 */
export function EditableUserMessage({
  children,
  text: content,
  branch,
  group,
  onEdit,
  onSwitchBranch,
  labels,
}: EditableUserMessageProps): ReactElement {
  const text = useLabels('messageBubble', messageBubbleEn, labels);
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const refocus = useRef(false);
  useTakeFocus(group, 'edit', editButton);
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    editButton.current?.focus();
  }, [editing]);

  if (editing && onEdit)
    return (
      <MessageEditor
        initialText={content}
        labels={labels}
        onCancel={() => {
          refocus.current = true;
          setEditing(false);
        }}
        onSave={(next) => {
          handOffFocus(group, 'edit');
          setEditing(false);
          onEdit(next);
        }}
      />
    );
  const picker = onSwitchBranch && (
    <BranchPicker branch={branch} group={group} onSwitch={onSwitchBranch} labels={labels} />
  );
  return (
    <>
      {/* Edit sits beside the message, at its inline start, so that it takes no line of its own. */}
      <div data-slot="message-user-row" className="pc:flex pc:w-full pc:items-center pc:justify-end pc:gap-1">
        {onEdit && (
          <button
            ref={editButton}
            type="button"
            aria-label={text.edit}
            data-pc-tooltip={text.edit}
            onClick={() => setEditing(true)}
            className={cn(
              buttonVariants({ variant: 'quiet', size: 'icon-sm' }),
              'pc:shrink-0 pc:opacity-0 pc:group-hover/message:opacity-100 pc:focus:opacity-100 pc:pointer-coarse:opacity-100',
            )}
          >
            <LineIcon className="pc:size-4" d="M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1 1-4z" />
          </button>
        )}
        {children}
      </div>
      {picker}
    </>
  );
}

import { useLayoutEffect, type RefObject } from 'react';

/**
 * Focus that follows a control to its twin in another message: choosing another version (or saving an edit) shows a
 * sibling message in place of this one, so the control the user pressed is unmounted; the sibling's same control
 * takes the focus, as if the message had only changed its text. Siblings share a group (their parent's id).
 */
let pending: { group: string; control: string; at: number } | null = null;

/** How long a hand-off waits for its taker; a later mount must never steal focus. */
const HAND_OFF_MS = 1000;

/** Says that `control` of `group` had focus and its message is about to be replaced. */
export function handOffFocus(group: string, control: string): void {
  pending = { group, control, at: Date.now() };
}

/** Takes the focus handed off to `control` of `group`, when this element mounts in time. */
export function useTakeFocus(group: string, control: string, ref: RefObject<HTMLElement | null>): void {
  useLayoutEffect(() => {
    if (!pending || pending.group !== group || pending.control !== control) return;
    const fresh = Date.now() - pending.at < HAND_OFF_MS;
    pending = null;
    if (fresh) ref.current?.focus();
  }, [group, control, ref]);
}

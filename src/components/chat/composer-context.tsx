'use client';
import {
  createContext,
  useContext,
  useMemo,
  useRef,
  useState,
  type ReactElement,
  type ReactNode,
  type RefObject,
} from 'react';

/** What other parts may do to the chat's composer: fill it (a suggestion, an example prompt) or focus it. */
export interface ComposerActions {
  /** Puts `text` in the composer and moves focus there, ready to edit or send. */
  fill: (text: string) => void;
  /** Moves focus into the composer (when the control that had it goes away). */
  focus: () => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}

interface ComposerDraft {
  draft: string;
  setDraft: (text: string) => void;
}

// Two contexts: parts that only fill or focus the composer must not re-render on every keystroke.
const ActionsContext = createContext<ComposerActions | null>(null);
const DraftContext = createContext<ComposerDraft | null>(null);

/** Holds the draft for the parts below it; `ChatRoot` puts one around a chat. */
export function ComposerProvider({ children }: { children?: ReactNode }): ReactElement {
  const [draft, setDraft] = useState('');
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  const actions = useMemo<ComposerActions>(
    () => ({
      fill: (text) => {
        setDraft(text);
        textareaRef.current?.focus();
      },
      focus: () => textareaRef.current?.focus(),
      textareaRef,
    }),
    [],
  );
  const value = useMemo(() => ({ draft, setDraft }), [draft]);
  return (
    <ActionsContext.Provider value={actions}>
      <DraftContext.Provider value={value}>{children}</DraftContext.Provider>
    </ActionsContext.Provider>
  );
}

/** The composer actions of the nearest `ChatRoot`; throws outside one. */
export function useComposerActions(part: string): ComposerActions {
  const actions = useContext(ActionsContext);
  if (!actions) throw new Error(`${part} must be used inside a <ChatRoot>.`);
  return actions;
}

/** The draft of the nearest `ChatRoot`; throws outside one. */
export function useComposerDraft(part: string): ComposerDraft {
  const draft = useContext(DraftContext);
  if (!draft) throw new Error(`${part} must be used inside a <ChatRoot>.`);
  return draft;
}

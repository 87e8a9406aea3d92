'use client';
import type { ReactElement } from 'react';
import type { ChatError } from '../../core/errors.js';
import type { MessageStatus } from '../../core/messages.js';
import { useLabels, type ErrorToastLabels, type MessageBubbleLabels } from '../labels.js';
import { buttonVariants } from '../lib/button.js';
import { cn } from '../lib/cn.js';
import { LineIcon } from '../lib/line-icon.js';
import { describeError } from './describe-error.js';
import { ErrorAction } from './ErrorAction.js';
import { ErrorDetails } from './ErrorDetails.js';
import { errorIconPaths } from './error-icons.js';
import { keyOf } from './error-key.js';
import { RetryButton } from './RetryButton.js';
import { errorToastEn, messageBubbleEn } from '../labels-en.js';

export interface AnswerNoticeProps {
  /**
   * The answer's status: a notice shows for `error`, `interrupted` and `stopped`, and for a `complete` answer that the
   * model ended at its length limit or the provider's content filter ended (`finishReason`).
   */
  status: MessageStatus;
  /** Why the model ended the answer (`message.finishReason`). */
  finishReason?: string | undefined;
  /** Asks the model to go on with an answer that hit its length limit. No Continue button without it. */
  onContinue?: (() => void) | undefined;
  /** What failed (a failed or interrupted answer carries it). */
  error?: ChatError | undefined;
  /** Asks again; shown when trying again can help. */
  onRetry?: (() => void) | undefined;
  /** Sends the user to sign in; the action of an `auth` failure. No button without it. */
  onAuthRequired?: (() => void) | undefined;
  /** Text overrides of the bubble's strings. */
  labels?: Partial<MessageBubbleLabels> | undefined;
  /** Text overrides of the failure's strings. */
  errorLabels?: Partial<ErrorToastLabels> | undefined;
}

/**
 * How an answer ended, when it did not end well — the one place a failed answer's failure shows. A failure is a
 * contained row: icon, title, plain words, "Details", and the one action that helps (Retry when trying again can
 * work, Sign in for an expired session, none for a refused request). A cut or stopped answer keeps its text and
 * gets a quiet footer.
 */
export function AnswerNotice({
  status,
  finishReason,
  onContinue,
  error,
  onRetry,
  onAuthRequired,
  labels,
  errorLabels,
}: AnswerNoticeProps): ReactElement | null {
  const text = useLabels('messageBubble', messageBubbleEn, labels);
  const errorText = useLabels('errorToast', errorToastEn, errorLabels);
  if (status === 'error' && error) {
    return (
      <div
        data-slot="message-status"
        data-kind={error.kind}
        className="pc:box-border pc:flex pc:w-full pc:items-start pc:gap-3 pc:rounded-pc pc:border pc:border-danger/30 pc:bg-danger/5 pc:p-3 pc:text-sm"
      >
        <LineIcon d={errorIconPaths[error.kind]} className="pc:mt-0.5 pc:size-4 pc:shrink-0 pc:text-danger" />
        <div className="pc:flex pc:min-w-0 pc:flex-1 pc:flex-col pc:gap-1">
          <p className="pc:m-0 pc:font-medium">{errorText.titles[error.kind]}</p>
          <p className="pc:m-0 pc:break-words pc:[unicode-bidi:plaintext] pc:[text-align:match-parent] pc:text-muted-foreground">
            {describeError(error, errorText)}
          </p>
          <ErrorDetails error={error} labels={errorLabels} />
        </div>
        <ErrorAction
          error={error}
          onRetry={onRetry}
          onAuthRequired={onAuthRequired}
          labels={errorLabels}
          className="pc:shrink-0"
        />
      </div>
    );
  }
  const ended = status === 'complete' ? finishReason : status;
  // A finish reason is the provider's word: only the reasons we know have a note (not `toString`, say).
  const note = ended && Object.hasOwn(notes, ended) ? notes[ended] : undefined;
  if (!note) return null;
  const cut = ended === 'interrupted';
  return (
    <p
      data-slot="message-status"
      data-reason={ended}
      className="pc:m-0 pc:flex pc:flex-wrap pc:items-center pc:gap-x-2 pc:gap-y-1 pc:text-xs pc:text-muted-foreground"
    >
      {/* The icon stays with its words when they wrap on a narrow screen. */}
      <span className="pc:inline-flex pc:min-w-0 pc:items-center pc:gap-2">
        <LineIcon
          d={note.icon}
          className={cn('pc:size-3.5 pc:shrink-0', cut && 'pc:text-warning', note.mirrored && 'pc:rtl:-scale-x-100')}
        />
        <span>{text[note.label]}</span>
      </span>
      {cut && error && onRetry && (
        <RetryButton key={keyOf(error)} error={error} onRetry={onRetry} variant="outline" labels={errorLabels} />
      )}
      {ended === 'length' && onContinue && (
        <button
          type="button"
          data-slot="continue"
          onClick={onContinue}
          className={buttonVariants({ variant: 'outline', size: 'sm' })}
        >
          {text.continue}
        </button>
      )}
    </p>
  );
}

/** The quiet footer of an answer that ended short of complete, by how it ended. */
const notes: Record<
  string,
  {
    icon: string;
    label: 'interrupted' | 'stopped' | 'lengthLimit' | 'contentFiltered';
    /** It points along the text, so it turns round in right-to-left text. */
    mirrored?: boolean;
  }
> = {
  interrupted: { icon: errorIconPaths.network, label: 'interrupted' },
  stopped: { icon: errorIconPaths.aborted, label: 'stopped' },
  // A ruler's end: the answer reached the length it was allowed.
  length: { icon: 'M4 12h13M17 6v12M21 9v6', label: 'lengthLimit', mirrored: true },
  // A shield: the provider's filter withheld the rest.
  content_filter: { icon: 'M12 3l8 3v6c0 4.5-3.4 8.2-8 9-4.6-.8-8-4.5-8-9V6z', label: 'contentFiltered' },
};

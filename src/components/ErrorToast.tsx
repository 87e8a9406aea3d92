'use client';
import { AnimatePresence, m } from 'framer-motion';
import { cva } from 'class-variance-authority';
import {
  forwardRef,
  useEffect,
  useId,
  useRef,
  useState,
  type ComponentProps,
  type FocusEvent,
  type KeyboardEvent,
  type ReactElement,
  type Ref,
} from 'react';
import { useIsomorphicLayoutEffect } from '../react/use-isomorphic-layout-effect.js';
import type { ChatError, ChatErrorKind } from '../core/errors.js';
import { useLabels, type ErrorToastLabels } from './labels.js';
import { cn } from './lib/cn.js';
import { composeEventHandlers } from './lib/compose-event-handlers.js';
import { useComposedRefs } from './lib/use-composed-refs.js';
import { IconButton } from './lib/IconButton.js';
import { LineIcon } from './lib/line-icon.js';
import { Motion } from './lib/motion.js';
import { describeError } from './errors/describe-error.js';
import { ErrorAction } from './errors/ErrorAction.js';
import { ErrorDetails } from './errors/ErrorDetails.js';
import { errorIconPaths } from './errors/error-icons.js';
import { keyOf } from './errors/error-key.js';
import { errorToastEn } from './labels-en.js';

type Tone = 'warning' | 'danger';
const toneOf: Record<ChatErrorKind, Tone> = {
  rate_limit: 'warning',
  network: 'warning',
  timeout: 'warning',
  auth: 'danger',
  server: 'danger',
  client: 'danger',
  protocol: 'danger',
  max_steps: 'warning',
  aborted: 'warning',
};

export const errorToastVariants = cva(
  'pc:pointer-events-auto pc:box-border pc:flex pc:w-full pc:max-w-md pc:flex-wrap pc:items-start pc:gap-x-3 pc:gap-y-2 pc:rounded-pc pc:border pc:border-s-4 pc:bg-background pc:p-3 pc:font-sans pc:text-sm pc:text-foreground pc:shadow-lg',
  {
    variants: {
      tone: {
        warning: 'pc:border-border pc:border-s-warning',
        danger: 'pc:border-border pc:border-s-danger',
      } satisfies Record<Tone, string>,
    },
  },
);

export interface ErrorToastProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** The error to show; `null` (or an `aborted` error, which is not a failure) hides the toast. */
  error: ChatError | null;
  /**
   * Shown as a Retry button when trying again can help (not for a refused request or an expired session); while the server's `Retry-After` runs the button is disabled
   * and counts down.
   */
  onRetry?: () => void;
  /** Shown as a Sign in button for an `auth` error (an expired session), the one action that helps there. */
  onAuthRequired?: () => void;
  /** Called by the Dismiss button, Escape inside the toast, or the auto-dismiss timer. */
  onDismiss?: () => void;
  /** Dismiss by itself after this long; the timer pauses while hovered or focused. @default undefined (stays) */
  autoDismissMs?: number;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<ErrorToastLabels>;
}

/**
 * Says what failed in words a user can act on: a title and icon per error kind, a plain sentence, the technical
 * message and status under "Details", and the one action that helps — Retry when trying again can work (counting
 * down while a rate limit runs out), Sign in for an expired session. An alert (`role="alert"`); Escape inside it
 * dismisses it, and focus returns to where it came from when it closes.
 */
export const ErrorToast = forwardRef<HTMLDivElement, ErrorToastProps>(function ErrorToast(
  { error, ...props },
  ref,
): ReactElement {
  const visible = error !== null && error.kind !== 'aborted';
  return (
    <Motion>
      <AnimatePresence initial={false}>
        {visible && <Toast key={keyOf(error)} error={error} toastRef={ref} {...props} />}
      </AnimatePresence>
    </Motion>
  );
});

function Toast({
  error,
  onRetry,
  onAuthRequired,
  onDismiss,
  autoDismissMs,
  labels,
  className,
  onKeyDown,
  onPointerEnter,
  onPointerLeave,
  onFocus,
  onBlur,
  toastRef,
  ...props
}: ErrorToastProps & { error: ChatError; toastRef: Ref<HTMLDivElement> }): ReactElement {
  const text = useLabels('errorToast', errorToastEn, labels);
  const root = useRef<HTMLDivElement>(null);
  const rootRef = useComposedRefs(root, toastRef);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [paused, setPaused] = useState(false);
  const tone = toneOf[error.kind];
  const titleId = useId();

  useEffect(() => {
    if (autoDismissMs === undefined || paused || !onDismiss) return;
    const id = setTimeout(onDismiss, autoDismissMs);
    return () => clearTimeout(id);
  }, [autoDismissMs, paused, onDismiss]);

  // If the toast held focus when it closes, give focus back to where it came from instead of losing it.
  useIsomorphicLayoutEffect(() => {
    const node = root.current;
    return () => {
      if (node?.contains(document.activeElement) && returnFocus.current?.isConnected) returnFocus.current.focus();
    };
  }, []);

  return (
    <m.div
      initial={{ opacity: 0, y: 8 }}
      animate={{ opacity: 1, y: 0 }}
      exit={{ opacity: 0, y: 8 }}
      transition={{ duration: 0.18 }}
    >
      <div
        ref={rootRef}
        role="alert"
        aria-labelledby={titleId}
        data-slot="error-toast"
        data-kind={error.kind}
        data-tone={tone}
        className={cn(errorToastVariants({ tone }), className)}
        {...props}
        // The host's handlers run first and ours still run (unless it prevented the default): a host `onFocus` must
        // not switch off the pause or the return of focus.
        onKeyDown={composeEventHandlers(onKeyDown, (event: KeyboardEvent<HTMLDivElement>) => {
          if (event.key === 'Escape' && onDismiss) {
            event.stopPropagation();
            onDismiss();
          }
        })}
        onPointerEnter={composeEventHandlers(onPointerEnter, () => setPaused(true))}
        onPointerLeave={composeEventHandlers(onPointerLeave, () => setPaused(false))}
        onFocus={(event: FocusEvent<HTMLDivElement>) => {
          // Composed by hand: the React Compiler's lint cannot see that a ref written in a composed handler is
          // written at event time.
          onFocus?.(event);
          if (event.defaultPrevented) return;
          setPaused(true);
          const from = event.relatedTarget;
          if (from instanceof HTMLElement && !event.currentTarget.contains(from)) returnFocus.current = from;
        }}
        onBlur={composeEventHandlers(onBlur, (event: FocusEvent<HTMLDivElement>) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setPaused(false);
        })}
      >
        <LineIcon
          d={errorIconPaths[error.kind]}
          data-slot="error-toast-icon"
          className={cn('pc:mt-0.5 pc:size-5 pc:shrink-0', tone === 'warning' ? 'pc:text-warning' : 'pc:text-danger')}
        />
        <div className="pc:flex pc:min-w-0 pc:flex-1 pc:flex-col pc:gap-1">
          <p id={titleId} data-slot="error-toast-title" className="pc:m-0 pc:font-semibold">
            {text.titles[error.kind]}
          </p>
          {/* In its own direction (an English server message in an Arabic toast reads left to right), yet lined up
              with the toast's other lines rather than with its own start. */}
          <p
            data-slot="error-toast-message"
            className="pc:m-0 pc:break-words pc:[unicode-bidi:plaintext] pc:[text-align:match-parent] pc:text-muted-foreground"
          >
            {describeError(error, text)}
          </p>
          <ErrorDetails error={error} labels={labels} />
          <ErrorAction
            error={error}
            onRetry={onRetry}
            onAuthRequired={onAuthRequired}
            labels={labels}
            className="pc:mt-1 pc:flex pc:gap-2"
          />
        </div>
        {onDismiss && (
          <IconButton
            label={text.dismiss}
            icon="M18 6 6 18M6 6l12 12"
            data-slot="error-toast-dismiss"
            onClick={onDismiss}
            className="pc:-me-1 pc:-mt-1"
          />
        )}
      </div>
    </m.div>
  );
}

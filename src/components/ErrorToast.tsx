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
import { buttonVariants } from './lib/button.js';
import { cn } from './lib/cn.js';
import { composeEventHandlers } from './lib/compose-event-handlers.js';
import { useComposedRefs } from './lib/use-composed-refs.js';
import { Countdown } from './lib/Countdown.js';
import { Motion } from './lib/motion.js';

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

/** One glyph per kind, so the kind reads without colour. */
const iconPaths: Record<ChatErrorKind, string> = {
  auth: 'M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5z',
  rate_limit: 'M6 3h12M6 21h12M7 3c0 5 10 5 10 9s-10 4-10 9M17 3c0 5-10 5-10 9s10 4 10 9',
  server: 'M4 4h16v6H4zM4 14h16v6H4zM8 7h.01M8 17h.01',
  client: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM5.6 5.6l12.8 12.8',
  network: 'M2 8.5a15 15 0 0 1 20 0M5 12a10 10 0 0 1 14 0M8.5 15.5a5 5 0 0 1 7 0M12 19h.01M3 3l18 18',
  timeout: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM12 7v5l3 3',
  protocol: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01',
  max_steps: 'M17 2l4 4-4 4M3 11V9a3 3 0 0 1 3-3h15M7 22l-4-4 4-4M21 13v2a3 3 0 0 1-3 3H3',
  aborted: 'M6 6h12v12H6z',
};

export interface ErrorToastProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** The error to show; `null` (or an `aborted` error, which is not a failure) hides the toast. */
  error: ChatError | null;
  /** Shown as a Retry button when the error is retryable. */
  onRetry?: () => void;
  /** Called by the Dismiss button, Escape inside the toast, or the auto-dismiss timer. */
  onDismiss?: () => void;
  /** Dismiss by itself after this long; the timer pauses while hovered or focused. @default undefined (stays) */
  autoDismissMs?: number;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<ErrorToastLabels>;
}

/**
 * Says what failed in words a user can act on: a title and icon per error kind, the message, Retry when
 * trying again can help, and a live countdown while a rate limit runs out. An alert (`role="alert"`);
 * Escape inside it dismisses it, and focus returns to where it came from when it closes.
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

const keys = new WeakMap<ChatError, number>();
let nextKey = 0;
/** A stable key per error object, so a new error replays the entrance and restarts its countdown. */
function keyOf(error: ChatError): number {
  let key = keys.get(error);
  if (key === undefined) keys.set(error, (key = nextKey++));
  return key;
}

function Toast({
  error,
  onRetry,
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
  const text = useLabels('errorToast', labels);
  const root = useRef<HTMLDivElement>(null);
  const rootRef = useComposedRefs(root, toastRef);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [paused, setPaused] = useState(false);
  const [retryAt] = useState(() => (error.retryAfterMs === undefined ? null : Date.now() + error.retryAfterMs));
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
        <svg
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
          data-slot="error-toast-icon"
          className={cn('pc:mt-0.5 pc:size-5 pc:shrink-0', tone === 'warning' ? 'pc:text-warning' : 'pc:text-danger')}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d={iconPaths[error.kind]} />
        </svg>
        <div className="pc:min-w-40 pc:flex-1">
          <p id={titleId} data-slot="error-toast-title" className="pc:m-0 pc:font-semibold">
            {text.titles[error.kind]}
          </p>
          <p
            dir="auto"
            data-slot="error-toast-message"
            className="pc:m-0 pc:mt-0.5 pc:break-words pc:text-muted-foreground"
          >
            {error.message}
          </p>
          {retryAt !== null && (
            <>
              {/* Ticking text in an alert would be re-announced every second: screen readers get it once. */}
              <Countdown
                until={retryAt}
                format={text.tryAgainIn}
                aria-hidden="true"
                data-slot="error-toast-countdown"
                className="pc:mt-1 pc:block pc:tabular-nums pc:text-muted-foreground"
              />
              <span className="pc:sr-only">{text.tryAgainIn(Math.ceil((error.retryAfterMs ?? 0) / 1000))}</span>
            </>
          )}
        </div>
        <div className="pc:ms-auto pc:flex pc:shrink-0 pc:gap-1">
          {error.retryable && onRetry && (
            <button
              type="button"
              data-slot="error-toast-retry"
              onClick={onRetry}
              className={buttonVariants({ variant: 'primary' })}
            >
              {text.retry}
            </button>
          )}
          {onDismiss && (
            <button
              type="button"
              data-slot="error-toast-dismiss"
              onClick={onDismiss}
              className={buttonVariants({ variant: 'ghost' })}
            >
              {text.dismiss}
            </button>
          )}
        </div>
      </div>
    </m.div>
  );
}

'use client';
import type { ReactElement } from 'react';
import type { ChatError } from '../../core/errors.js';
import { useLabels, type ErrorToastLabels } from '../labels.js';
import { errorToastEn } from '../labels-en.js';
import { buttonVariants } from '../lib/button.js';
import { retryHelps } from './describe-error.js';
import { keyOf } from './error-key.js';
import { RetryButton } from './RetryButton.js';

/**
 * The one action that helps with a failure, in a box of `className`: Sign in for an expired session (when the host
 * can sign the user in), Retry when trying again can work, else nothing at all (no empty box).
 */
export function ErrorAction({
  error,
  onRetry,
  onAuthRequired,
  labels,
  className,
}: {
  error: ChatError;
  onRetry?: (() => void) | undefined;
  onAuthRequired?: (() => void) | undefined;
  labels?: Partial<ErrorToastLabels> | undefined;
  className?: string;
}): ReactElement | null {
  const text = useLabels('errorToast', errorToastEn, labels);
  if (error.kind === 'auth') {
    if (!onAuthRequired) return null;
    return (
      <div className={className}>
        <button
          type="button"
          data-slot="sign-in"
          onClick={onAuthRequired}
          className={buttonVariants({ variant: 'primary', size: 'sm' })}
        >
          {text.signIn}
        </button>
      </div>
    );
  }
  if (!onRetry || !retryHelps(error)) return null;
  return (
    <div className={className}>
      <RetryButton key={keyOf(error)} error={error} onRetry={onRetry} labels={labels} />
    </div>
  );
}

'use client';
import { useState, type ReactElement } from 'react';
import type { ChatError } from '../../core/errors.js';
import { useLabels, type ErrorToastLabels } from '../labels.js';
import { buttonVariants } from '../lib/button.js';
import { cn } from '../lib/cn.js';
import { useSecondsLeft } from '../lib/Countdown.js';
import { errorToastEn } from '../labels-en.js';

/**
 * Retry for a failure. While the server's `Retry-After` runs it is disabled and counts down on itself ("Retry in
 * 42 s"): pressing it earlier would only be refused again. Mount it per error (`key`), so each wait starts afresh.
 */
export function RetryButton({
  error,
  onRetry,
  variant = 'primary',
  labels,
}: {
  error: ChatError;
  onRetry: () => void;
  /** @default "primary" */
  variant?: 'primary' | 'outline' | 'ghost';
  labels?: Partial<ErrorToastLabels> | undefined;
}): ReactElement {
  const text = useLabels('errorToast', errorToastEn, labels);
  const [retryAt] = useState(() => (error.retryAfterMs === undefined ? null : Date.now() + error.retryAfterMs));
  const left = useSecondsLeft(retryAt);
  return (
    <button
      type="button"
      data-slot="retry"
      disabled={left > 0}
      onClick={onRetry}
      className={cn(buttonVariants({ variant, size: 'sm' }), 'pc:tabular-nums')}
    >
      {left > 0 ? text.retryIn(left) : text.retry}
    </button>
  );
}

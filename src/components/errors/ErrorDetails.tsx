'use client';
import type { ReactElement } from 'react';
import type { ChatError } from '../../core/errors.js';
import { useLabels, type ErrorToastLabels } from '../labels.js';
import { cn } from '../lib/cn.js';
import { errorToastEn } from '../labels-en.js';

/**
 * The technical side of a failure, folded under "Details": the library's message (unless it is already the one
 * shown), the kind and the HTTP status — what a bug report needs, out of the way of everyone else.
 */
export function ErrorDetails({
  error,
  labels,
  className,
}: {
  error: ChatError;
  labels?: Partial<ErrorToastLabels> | undefined;
  className?: string;
}): ReactElement {
  const text = useLabels('errorToast', errorToastEn, labels);
  const facts = [error.kind, error.status !== undefined && `HTTP ${error.status}`].filter(Boolean).join(' · ');
  return (
    <details data-slot="error-details" className={cn('pc:text-xs pc:text-muted-foreground', className)}>
      <summary className="pc:w-fit pc:cursor-pointer pc:rounded-sm pc:focus-visible:outline-2 pc:focus-visible:outline-offset-2 pc:focus-visible:outline-ring">
        {text.details}
      </summary>
      {error.kind !== 'client' && (
        <p className="pc:m-0 pc:mt-1 pc:break-words pc:[unicode-bidi:plaintext] pc:[text-align:match-parent]">
          {error.message}
        </p>
      )}
      {/* Codes read left to right in any page. */}
      <p dir="ltr" className="pc:m-0 pc:mt-0.5 pc:text-start pc:font-mono">
        {facts}
      </p>
    </details>
  );
}

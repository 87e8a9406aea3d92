'use client';
import { forwardRef, type ComponentProps, type ReactElement } from 'react';
import type { ToolCallPart } from '../../core/messages.js';
import { useLabels, type ToolLabels } from '../labels.js';
import { buttonVariants } from '../lib/button.js';
import { cn } from '../lib/cn.js';
import { toolsEn } from '../labels-en.js';

export interface ToolApprovalProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** The call that waits for the user. */
  call: ToolCallPart;
  /** Gives the call its result (`addResult` of a tool renderer, or `addToolResult` bound to the call). */
  onResult: (result: unknown) => void;
  /** The result Approve gives. @default { approved: true } */
  approveResult?: unknown;
  /** The result Deny gives; the model reads it and answers accordingly. @default { approved: false } */
  denyResult?: unknown;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<ToolLabels>;
}

/**
 * Approve / Deny for a call that waits for the user (a tool without `execute`). The choice becomes the call's
 * result, which the model reads when the answer goes on.
 */
export const ToolApproval = forwardRef<HTMLDivElement, ToolApprovalProps>(function ToolApproval(
  { call, onResult, approveResult = { approved: true }, denyResult = { approved: false }, labels, className, ...props },
  ref,
): ReactElement | null {
  const text = useLabels('tools', toolsEn, labels);
  if (call.state !== 'awaiting-result') return null;
  return (
    <div
      ref={ref}
      role="group"
      aria-label={call.toolName}
      data-slot="tool-approval"
      className={cn('pc:flex pc:flex-wrap pc:gap-2', className)}
      {...props}
    >
      <button
        type="button"
        className={buttonVariants({ variant: 'primary', size: 'sm' })}
        onClick={() => onResult(approveResult)}
      >
        {text.approve}
      </button>
      <button
        type="button"
        className={buttonVariants({ variant: 'outline', size: 'sm' })}
        onClick={() => onResult(denyResult)}
      >
        {text.deny}
      </button>
    </div>
  );
});

'use client';
import { cva } from 'class-variance-authority';
import { forwardRef, type ComponentProps, type ReactElement } from 'react';
import type { ToolCallPart, ToolCallState } from '../../core/messages.js';
import { useLabels, type ToolLabels } from '../labels.js';
import { DisclosureChevron } from '../lib/chevron-icon.js';
import { cn } from '../lib/cn.js';
import { ToolApproval } from './ToolApproval.js';
import { toolsEn } from '../labels-en.js';

export const toolCallViewVariants = cva(
  'pc:group pc:box-border pc:w-full pc:max-w-[85%] pc:rounded-pc pc:border pc:bg-background pc:font-sans pc:text-xs pc:text-foreground',
  {
    variants: {
      state: {
        'streaming-args': 'pc:border-border',
        running: 'pc:border-border',
        'awaiting-result': 'pc:border-accent',
        result: 'pc:border-border',
        error: 'pc:border-danger',
      } satisfies Record<ToolCallState, string>,
    },
  },
);

const stateLabel: Record<ToolCallState, keyof ToolLabels> = {
  'streaming-args': 'preparing',
  running: 'running',
  'awaiting-result': 'waiting',
  result: 'done',
  error: 'failed',
};

const stateTone: Record<ToolCallState, string> = {
  'streaming-args': 'pc:text-muted-foreground',
  running: 'pc:text-muted-foreground',
  'awaiting-result': 'pc:text-accent',
  result: 'pc:text-success',
  error: 'pc:text-danger',
};

/** A value as the reader wants to see it: text as it is, anything else as indented JSON. */
const shown = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value, null, 2));

const blockClass =
  'pc:m-0 pc:max-h-64 pc:overflow-auto pc:whitespace-pre-wrap pc:break-words pc:rounded-md pc:bg-muted pc:px-2 pc:py-1.5 pc:font-mono pc:text-xs pc:text-foreground';
const headingClass = 'pc:m-0 pc:mb-1 pc:font-medium pc:text-muted-foreground';

export interface ToolCallViewProps extends Omit<ComponentProps<'details'>, 'children' | 'open'> {
  /** The call to show. */
  call: ToolCallPart;
  /** Answers a call that waits for the user; with it, such a call shows Approve / Deny. */
  addResult?: (result: unknown) => void;
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<ToolLabels>;
}

/**
 * One tool call: its name and state in a disclosure that is open while the call is under way and folds once it is
 * done; inside, the arguments (live while they stream, indented once complete), the result or the error, and Approve
 * / Deny while it waits for the user. Everything the model wrote shows as text.
 */
export const ToolCallView = forwardRef<HTMLDetailsElement, ToolCallViewProps>(function ToolCallView(
  { call, addResult, labels, className, ...props },
  ref,
): ReactElement {
  const text = useLabels('tools', toolsEn, labels);
  const { state } = call;
  return (
    <details
      ref={ref}
      data-slot="tool-call"
      data-state={state}
      // Open until done; after that React leaves the attribute alone, so the reader's own toggling stands.
      open={state !== 'result' || undefined}
      className={cn(toolCallViewVariants({ state }), className)}
      {...props}
    >
      <summary className="pc:flex pc:cursor-pointer pc:list-none pc:items-center pc:gap-2 pc:rounded-pc pc:px-3 pc:py-2 pc:focus-visible:outline-2 pc:focus-visible:-outline-offset-2 pc:focus-visible:outline-ring">
        <DisclosureChevron />
        <span data-slot="tool-call-name" dir="ltr" className="pc:min-w-0 pc:truncate pc:font-mono pc:font-medium">
          {call.toolName}
        </span>
        <span
          data-slot="tool-call-state"
          className={cn('pc:ms-auto pc:flex pc:shrink-0 pc:items-center pc:gap-1.5', stateTone[state])}
        >
          {(state === 'running' || state === 'streaming-args') && (
            <svg viewBox="0 0 16 16" aria-hidden="true" className="pc:size-3 pc:motion-safe:animate-spin">
              <path d="M8 2a6 6 0 1 1-6 6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          )}
          {text[stateLabel[state]]}
        </span>
      </summary>
      <div data-slot="tool-call-body" className="pc:flex pc:flex-col pc:gap-2 pc:px-3 pc:pb-3">
        <div>
          <p className={headingClass}>{text.arguments}</p>
          <pre data-slot="tool-call-arguments" dir="ltr" className={blockClass}>
            {call.args === undefined ? call.argsText : shown(call.args)}
          </pre>
        </div>
        {state === 'result' && (
          <div>
            <p className={headingClass}>{text.result}</p>
            <pre data-slot="tool-call-result" dir="ltr" className={blockClass}>
              {shown(call.result)}
            </pre>
          </div>
        )}
        {state === 'error' && (
          <p data-slot="tool-call-error" dir="auto" className="pc:m-0 pc:text-danger">
            {call.errorText}
          </p>
        )}
        {state === 'awaiting-result' && addResult && <ToolApproval call={call} onResult={addResult} labels={labels} />}
      </div>
    </details>
  );
});

'use client';
import { forwardRef, useId, type ComponentProps, type ReactElement } from 'react';
import type { SourcePart } from '../../core/messages.js';
import { useLabels, type ToolLabels } from '../labels.js';
import { cn } from '../lib/cn.js';
import { webUrl } from '../markdown/safe-url.js';
import { toolsEn } from '../labels-en.js';

export interface SourceListProps extends Omit<ComponentProps<'div'>, 'children'> {
  /** The sources the model cited; any that is not an http(s) URL is left out. */
  sources: readonly Pick<SourcePart, 'url' | 'title'>[];
  /** Text overrides, over a `ChatLabelsProvider`'s. @default English */
  labels?: Partial<ToolLabels>;
}

/** A cited URL as a link can safely show it: http(s) only (the model may cite anything), with its host. */
function webPage(raw: string): { href: string; host: string } | null {
  const url = webUrl(raw);
  return url && { href: url.href, host: url.host.replace(/^www\./, '') };
}

/**
 * The sources an answer cites, under it: each one's title and host, opening in a new tab without giving the page
 * a handle on ours (`rel="noopener noreferrer"`). Renders nothing when no source is a web page.
 */
export const SourceList = forwardRef<HTMLDivElement, SourceListProps>(function SourceList(
  { sources, labels, className, ...props },
  ref,
): ReactElement | null {
  const text = useLabels('tools', toolsEn, labels);
  const headingId = useId();
  const pages = sources.flatMap((source) => {
    const page = webPage(source.url);
    return page ? [{ ...page, title: source.title?.trim() || page.host }] : [];
  });
  if (pages.length === 0) return null;
  return (
    <div
      ref={ref}
      data-slot="message-sources"
      className={cn('pc:box-border pc:max-w-[85%] pc:font-sans pc:text-xs', className)}
      {...props}
    >
      <p id={headingId} className="pc:m-0 pc:mb-1 pc:font-medium pc:text-muted-foreground">
        {text.sources}
      </p>
      <ul aria-labelledby={headingId} className="pc:m-0 pc:flex pc:list-none pc:flex-wrap pc:gap-1.5 pc:p-0">
        {pages.map((page, index) => (
          <li key={index} className="pc:min-w-0 pc:max-w-full">
            <a
              href={page.href}
              target="_blank"
              rel="noopener noreferrer"
              className="pc:box-border pc:flex pc:min-w-0 pc:max-w-full pc:items-baseline pc:gap-1.5 pc:rounded-md pc:border pc:border-border pc:bg-muted pc:px-2 pc:py-1 pc:text-foreground pc:no-underline pc:hover:bg-border pc:focus-visible:outline-2 pc:focus-visible:outline-offset-2 pc:focus-visible:outline-ring"
            >
              <span dir="auto" className="pc:min-w-0 pc:truncate">
                {page.title}
              </span>
              {page.title !== page.host && (
                <span dir="ltr" className="pc:shrink-0 pc:text-muted-foreground">
                  {page.host}
                </span>
              )}
              <span className="pc:sr-only">{text.opensInNewTab}</span>
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});

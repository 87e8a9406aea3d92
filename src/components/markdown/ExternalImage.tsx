'use client';
import { useState, type ReactElement } from 'react';
import { useLabels } from '../labels.js';
import { LineIcon } from '../lib/line-icon.js';
import { messageBubbleEn } from '../labels-en.js';

export interface ExternalImageProps {
  src: string;
  host: string;
  alt: string;
  /** Its origin is one the host allows: it loads at once. */
  allowed: boolean;
}

/**
 * An image from model text. From an allowed origin it loads; from any other it is a chip with its alt text and host
 * that loads only when the user asks, because loading it would send whatever the model put in its URL to that host
 * (the image-markdown exfiltration of prompt injection).
 */
export function ExternalImage({ src, host, alt, allowed }: ExternalImageProps): ReactElement {
  const text = useLabels('messageBubble', messageBubbleEn);
  const [shown, setShown] = useState(false);
  if (allowed || shown)
    return (
      <img
        src={src}
        alt={alt}
        loading="lazy"
        referrerPolicy="no-referrer"
        className="pc:inline-block pc:max-w-full pc:rounded"
      />
    );
  return (
    <button
      type="button"
      data-slot="blocked-image"
      onClick={() => setShown(true)}
      title={`${text.showImage}: ${host}`}
      className="pc:inline-flex pc:max-w-full pc:cursor-pointer pc:items-center pc:gap-1.5 pc:rounded-md pc:border pc:border-border pc:bg-muted pc:px-2 pc:py-0.5 pc:align-middle pc:font-sans pc:text-xs pc:text-foreground pc:hover:bg-border pc:focus-visible:outline-2 pc:focus-visible:outline-ring"
    >
      <span className="pc:sr-only">{text.showImage}:</span>{' '}
      <LineIcon
        className="pc:size-3.5 pc:shrink-0 pc:text-muted-foreground"
        d="M3 5h18v14H3zM3 16l5-5 4 4 3-3 6 6M15 9h.01"
      />
      <span dir="auto" className="pc:truncate">
        {alt || text.image}
      </span>{' '}
      <span dir="ltr" className="pc:shrink-0 pc:text-muted-foreground">
        {host}
      </span>
    </button>
  );
}

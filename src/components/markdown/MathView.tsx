'use client';
import { useRef, useState, type ReactElement } from 'react';
import { useIsomorphicLayoutEffect } from '../../react/use-isomorphic-layout-effect.js';
import { lazyModule, useLazyModule } from '../lib/lazy-module.js';
import { useScrollOverflow } from '../lib/use-scroll-overflow.js';

const renderer = lazyModule(() => import('./math-render.js'));

/** Longer TeX stays source: no formula in an answer needs more, and parsing is work the model would choose. */
export const MAX_TEX_CHARS = 2000;

export interface MathViewProps {
  /** The TeX, without its delimiters. */
  tex: string;
  /** Display math: its own centred line, scrolling sideways when wider than the message. */
  display: boolean;
}

/**
 * A formula as MathML. Until the renderer has loaded, and when the TeX does not parse, the TeX itself shows as code.
 * `data-state` says which: `loading`, `rendered` or `source`.
 */
export function MathView({ tex, display }: MathViewProps): ReactElement {
  const renderable = tex.length <= MAX_TEX_CHARS;
  const loaded = useLazyModule(renderer, renderable);
  const host = useRef<HTMLSpanElement>(null);
  const outer = useRef<HTMLSpanElement>(null);
  const key = `${display}\n${tex}`;
  const [shown, setShown] = useState<{ key: string; ok: boolean } | null>(null);
  // Before paint: a formula mounting again (its block just finished streaming) never flashes its source.
  useIsomorphicLayoutEffect(() => {
    if (!loaded || !host.current) return;
    setShown({ key, ok: loaded.renderMath(tex, display, host.current) });
  }, [loaded, tex, display]);
  const state = !renderable ? 'source' : shown?.key !== key ? 'loading' : shown.ok ? 'rendered' : 'source';
  const overflow = useScrollOverflow(outer, state);
  return (
    <span
      ref={outer}
      data-slot="math"
      data-state={state}
      data-display={display ? '' : undefined}
      dir="ltr"
      // A display formula wider than the message scrolls; then a keyboard can scroll it too.
      tabIndex={display && overflow.overflows ? 0 : undefined}
      className={
        display
          ? 'pc:my-2 pc:block pc:overflow-x-auto pc:py-1 pc:text-center pc:first:mt-0 pc:last:mb-0 pc:focus-visible:outline-2 pc:focus-visible:outline-ring'
          : undefined
      }
    >
      {/* Temml fills this one; React never renders into it. */}
      <span ref={host} className={state === 'rendered' ? undefined : 'pc:hidden'} />
      {state !== 'rendered' && (
        <code className="pc:rounded pc:bg-muted pc:px-1 pc:py-0.5 pc:font-mono pc:text-[0.9em] pc:whitespace-pre-wrap">
          {tex}
        </code>
      )}
    </span>
  );
}

'use client';
import { m, useIsPresent } from 'framer-motion';
import { useRef, type ComponentProps, type ReactElement, type RefObject } from 'react';
import { useIsomorphicLayoutEffect } from '../../react/use-isomorphic-layout-effect.js';
import { cn } from './cn.js';

/** The dismissed card and the order of the cards when it was dismissed. */
interface Dismissal {
  id: string;
  order: readonly string[];
}

export interface DismissFocus {
  /** On the panel root: focus is only moved while it is inside (or lost). */
  rootRef: RefObject<HTMLElement | null>;
  /** On the panel heading (with `tabIndex={-1}`): the last resort. */
  headingRef: RefObject<HTMLHeadingElement | null>;
  /** A ref callback for the list item of the card `id`. */
  trackItem: (id: string) => (element: HTMLElement | null) => () => void;
  /** Call as the user dismisses the card `id`, before the parent removes it. */
  willDismiss: (id: string) => void;
}

/**
 * Keeps keyboard focus in the list when a dismissed card goes away: once the parent removes it
 * from `ids`, focus moves to the first button of the next card still there, else of the previous
 * one, else to the heading. Nothing happens until the card is actually removed, so a parent that
 * keeps it (or removes it later) is fine.
 */
export function useDismissFocus(ids: readonly string[]): DismissFocus {
  const rootRef = useRef<HTMLElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const items = useRef(new Map<string, HTMLElement>());
  const pending = useRef<Dismissal | null>(null);

  useIsomorphicLayoutEffect(() => {
    const dismissal = pending.current;
    if (!dismissal || ids.includes(dismissal.id)) return;
    pending.current = null;
    const active = document.activeElement;
    const focusIsOurs = !active || active === document.body || rootRef.current?.contains(active);
    if (!focusIsOurs) return;
    const neighbour = nearestSurvivor(dismissal, new Set(ids));
    const target = neighbour ? items.current.get(neighbour)?.querySelector('button') : null;
    (target ?? headingRef.current)?.focus();
  }, [ids]);

  return {
    rootRef,
    headingRef,
    trackItem: (id) => (element) => {
      if (element) items.current.set(id, element);
      return () => {
        if (items.current.get(id) === element) items.current.delete(id);
      };
    },
    willDismiss: (id) => {
      pending.current = { id, order: ids };
    },
  };
}

/** The first card after the dismissed one that is still there, else the last one before it. */
function nearestSurvivor({ id, order }: Dismissal, alive: ReadonlySet<string>): string | undefined {
  const index = order.indexOf(id);
  return (
    order.slice(index + 1).find((other) => alive.has(other)) ??
    order
      .slice(0, index)
      .reverse()
      .find((other) => alive.has(other))
  );
}

/**
 * A list item that grows in and collapses out (height and opacity; height is skipped under
 * reduced motion by `<Motion>`'s `MotionConfig`). Use inside `AnimatePresence` and `<Motion>`.
 * While it leaves it is inert, so nobody can tab into or click a card that is going away.
 */
export interface AnimatedListItemProps extends Omit<ComponentProps<typeof m.li>, 'ref'> {
  /** The item's element, e.g. from `trackItem` (a named prop: React 18 does not pass `ref` to function components). */
  elementRef?: (element: HTMLElement | null) => void | (() => void);
}

export function AnimatedListItem({ className, elementRef, ...props }: AnimatedListItemProps): ReactElement {
  const isPresent = useIsPresent();
  const own = useRef<HTMLLIElement | null>(null);
  // Set on the element, not as a prop: React 18 does not know the `inert` attribute.
  useIsomorphicLayoutEffect(() => {
    if (own.current) own.current.inert = !isPresent;
  }, [isPresent]);
  return (
    <m.li
      ref={(element: HTMLLIElement | null) => {
        own.current = element;
        return elementRef?.(element);
      }}
      initial={{ opacity: 0, height: 0 }}
      animate={{ opacity: 1, height: 'auto' }}
      exit={{ opacity: 0, height: 0 }}
      transition={{ duration: 0.2, ease: 'easeOut' }}
      // Clips the content while the height animates. The spacing is padding, so it collapses too
      // (the list cancels the last item's with a negative margin).
      className={cn('pc:overflow-hidden pc:pb-2', className)}
      {...props}
    />
  );
}

'use client';
import { AnimatePresence } from 'framer-motion';
import { useId, type ComponentProps, type ReactElement, type ReactNode, type Ref } from 'react';
import { cn } from './cn.js';
import { useComposedRefs } from './use-composed-refs.js';
import { AnimatedListItem, useDismissFocus } from './dismissible-list.js';
import { Motion } from './motion.js';

/** What the panel gives each card (the card components take these props by these names). */
export interface CardOfPanel<Item> {
  /** Set when the panel can dismiss. */
  onDismiss: ((item: Item) => void) | undefined;
  /** One level below the panel's heading. */
  headingLevel: 3 | 4 | 5;
}

export interface CardListPanelProps<Item extends { id: string }> extends Omit<ComponentProps<'section'>, 'children'> {
  items: readonly Item[];
  /** The `data-slot` prefix of the panel's parts, e.g. "insights-panel". */
  slot: string;
  heading: string;
  headingLevel: 2 | 3 | 4;
  onDismiss?: (item: Item) => void;
  /** Renders one card, spreading `card` on it: its heading level, and a Dismiss that keeps focus in place. */
  renderCard: (item: Item, card: CardOfPanel<Item>) => ReactNode;
  /** The host's ref, set to the panel's `<section>`. */
  panelRef?: Ref<HTMLElement> | undefined;
}

/**
 * A titled list of cards that grow in and collapse out, shared by the insights and suggestions panels.
 * When a dismissed card goes away, focus moves to the next card (else the previous one, else the heading),
 * so keyboard users keep their place. Renders nothing without items.
 */
export function CardListPanel<Item extends { id: string }>({
  items,
  slot,
  heading,
  headingLevel,
  onDismiss,
  renderCard,
  panelRef,
  className,
  ...props
}: CardListPanelProps<Item>): ReactElement | null {
  const headingId = useId();
  const { rootRef, headingRef, trackItem, willDismiss } = useDismissFocus(items.map((item) => item.id));
  const sectionRef = useComposedRefs(rootRef, panelRef);
  if (items.length === 0) return null;
  const Heading = `h${headingLevel}` as const;
  const card: CardOfPanel<Item> = {
    onDismiss: onDismiss
      ? (item) => {
          willDismiss(item.id);
          onDismiss(item);
        }
      : undefined,
    headingLevel: (headingLevel + 1) as 3 | 4 | 5,
  };

  return (
    <section
      ref={sectionRef}
      data-slot={slot}
      aria-labelledby={headingId}
      className={cn('pc:flex pc:flex-col pc:gap-2 pc:font-sans pc:text-foreground', className)}
      {...props}
    >
      <Heading
        ref={headingRef}
        id={headingId}
        tabIndex={-1}
        data-slot={`${slot}-heading`}
        className="pc:m-0 pc:text-sm pc:font-semibold pc:focus-visible:outline-2 pc:focus-visible:outline-offset-2 pc:focus-visible:outline-ring"
      >
        {heading}
      </Heading>
      <ul data-slot={`${slot}-list`} className="pc:m-0 pc:-mb-2 pc:list-none pc:p-0">
        <Motion>
          <AnimatePresence initial={false}>
            {items.map((item) => (
              <AnimatedListItem key={item.id} elementRef={trackItem(item.id)} data-slot={`${slot}-item`}>
                {renderCard(item, card)}
              </AnimatedListItem>
            ))}
          </AnimatePresence>
        </Motion>
      </ul>
    </section>
  );
}

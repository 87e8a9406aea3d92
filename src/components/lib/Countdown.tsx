'use client';
import { useEffect, useState, type ComponentProps, type ReactElement } from 'react';

function secondsLeft(until: number, now: number): number {
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/**
 * Whole seconds left until `until` (epoch milliseconds, `Date.now()` clock), updated as they pass and still once it
 * reaches zero; `0` for `null`. Use it under `key={until}` so a new deadline starts from a fresh clock reading.
 */
export function useSecondsLeft(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  const left = until === null ? 0 : secondsLeft(until, now);
  useEffect(() => {
    if (left === 0) return;
    // Ticks four times a second so the shown second changes within 250 ms of the true one.
    const id = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(id);
  }, [left]);
  return left;
}

export interface CountdownProps extends Omit<ComponentProps<'span'>, 'children'> {
  /** When the countdown reaches zero, as epoch milliseconds (`Date.now()` clock). */
  until: number;
  /** Turns the whole seconds left into the text to show. */
  format: (seconds: number) => string;
}

/** Whole seconds left until `until`, as text. Mount it with `key={until}`. */
export function Countdown({ until, format, ...props }: CountdownProps): ReactElement {
  return <span {...props}>{format(useSecondsLeft(until))}</span>;
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultRetryOptions, parseRetryAfter, type RetryOptions } from '../../src/core/retry.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['1', 1000],
    ['0', 0],
    ['120', 120_000],
    [' 3 ', 3000],
    ['1.5', 1500],
  ])('delay-seconds %j → %i ms', (header, ms) => {
    expect(parseRetryAfter(header, NOW)).toBe(ms);
  });

  it('an HTTP date (IMF-fixdate) → milliseconds from now', () => {
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter('Wed, 15 Jan 2025 12:00:30 GMT', NOW)).toBe(30_000);
  });

  it('the obsolete RFC 850 date form is read too', () => {
    expect(parseRetryAfter('Wednesday, 15-Jan-25 12:01:00 GMT', NOW)).toBe(60_000);
  });

  it('a date in the past → 0 (retry now)', () => {
    expect(parseRetryAfter('Wed, 15 Jan 2025 11:00:00 GMT', NOW)).toBe(0);
  });

  it('defaults `now` to the current time', () => {
    const ms = parseRetryAfter(new Date(Date.now() + 60_000).toUTCString());
    expect(ms).toBeGreaterThan(55_000);
    expect(ms).toBeLessThanOrEqual(60_000);
  });

  it.each([null, '', 'soon', '-1', '1 2', '10 seconds', '0x10', 'Infinity', '5s'])(
    'absent or unreadable %j → undefined (the caller backs off instead)',
    (header) => {
      expect(parseRetryAfter(header, NOW)).toBeUndefined();
    },
  );
});

describe('backoffDelay (exponential, full jitter)', () => {
  const options = (o: RetryOptions = {}) => ({ ...defaultRetryOptions, ...o });

  it('is uniform in 0..min(maxDelayMs, baseDelayMs·2^(attempt-1))', () => {
    const o = options({ baseDelayMs: 100, maxDelayMs: 1000 });
    expect(backoffDelay(1, o, () => 0)).toBe(0);
    expect(backoffDelay(1, o, () => 0.5)).toBe(50);
    expect(backoffDelay(3, o, () => 0.5)).toBe(200);
    expect(backoffDelay(1, o, () => 0.999_999)).toBeLessThanOrEqual(100);
    expect(backoffDelay(3, o, () => 0.999_999)).toBeGreaterThanOrEqual(399);
    // The ceiling stops at maxDelayMs.
    expect(backoffDelay(10, o, () => 0.999_999)).toBeGreaterThanOrEqual(999);
    expect(backoffDelay(10, o, () => 0.999_999)).toBeLessThanOrEqual(1000);
  });

  it('stays within 0..maxDelayMs for any attempt, settings and random value', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseDelayMs, maxDelayMs, r) => {
          const delay = backoffDelay(attempt, options({ baseDelayMs, maxDelayMs }), () => r);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          const ceiling = baseDelayMs === 0 ? 0 : baseDelayMs * 2 ** (attempt - 1);
          expect(delay).toBeLessThanOrEqual(Math.min(maxDelayMs, ceiling));
        },
      ),
    );
  });

  it('uses Math.random by default and spreads over the whole range', () => {
    const o = options({ baseDelayMs: 1000, maxDelayMs: 1000 });
    const samples = Array.from({ length: 2000 }, () => backoffDelay(1, o));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThanOrEqual(1000);
    // Full jitter, not "equal jitter": both halves of the range are used.
    expect(samples.some((d) => d < 250)).toBe(true);
    expect(samples.some((d) => d > 750)).toBe(true);
  });
});

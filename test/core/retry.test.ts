import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, defaultRetryOptions, parseRetryAfter, type RetryOptions } from '../../src/core/retry.js';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

afterEach(() => {
  vi.restoreAllMocks();
});

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
    // Just under the ceiling, which doubles each attempt (100, 200, 400) and stops at maxDelayMs.
    expect([1, 2, 3, 4, 5, 10].map((attempt) => backoffDelay(attempt, o, () => 0.999_999))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
  });

  it('for any attempt and settings, maps the random value onto 0..ceiling: 0 waits nothing, just under 1 one less than the ceiling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseDelayMs, maxDelayMs, r) => {
          const o = options({ baseDelayMs, maxDelayMs });
          // The ceiling as documented: it doubles each attempt, from baseDelayMs, and stops at maxDelayMs.
          const ceiling = baseDelayMs === 0 ? 0 : Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
          expect(backoffDelay(attempt, o, () => 0)).toBe(0);
          expect(backoffDelay(attempt, o, () => 0.999_999)).toBe(Math.max(0, ceiling - 1));
          // Whole milliseconds, r's share of the window rounded down.
          const delay = backoffDelay(attempt, o, () => r);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeLessThanOrEqual(r * ceiling);
          expect(delay).toBeGreaterThan(r * ceiling - 1);
        },
      ),
    );
  });

  it('draws its jitter from Math.random unless given a source', () => {
    const o = options({ baseDelayMs: 1000, maxDelayMs: 1000 });
    const random = vi.spyOn(Math, 'random');
    random.mockReturnValue(0);
    expect(backoffDelay(1, o)).toBe(0);
    random.mockReturnValue(0.999_999);
    expect(backoffDelay(1, o)).toBe(999);
    random.mockReturnValue(0.25);
    expect(backoffDelay(1, o)).toBe(250);
  });
});

import { describe, expect, it } from 'vitest';
import { ChatError, type ChatErrorKind } from '../../src/core/errors.js';
import { decideRecovery, type Attempt, type StreamFacts, type Recovery } from '../../src/core/recovery.js';

const retry = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 10_000, maxRetryAfterMs: 3_000 };
/** The top of each backoff window, so the table can name exact delays. */
const almostOne = () => 0.999_999;

const error = (kind: ChatErrorKind, retryAfterMs?: number) =>
  new ChatError(kind, kind, retryAfterMs === undefined ? {} : { retryAfterMs });
const fresh: StreamFacts = { textSeen: false, lastEventId: '' };
const shown: StreamFacts = { textSeen: true, lastEventId: '' };
const shownWithIds: StreamFacts = { textSeen: true, lastEventId: '7' };
const first: Attempt = { retries: 0, streaming: true, refreshed: false };

interface Row {
  when: string;
  error: ChatError;
  facts?: StreamFacts;
  attempt?: Partial<Attempt>;
  canRefresh?: boolean;
  fallbackToNonStreaming?: boolean;
  then: Recovery;
}

const chunkAfterText = error('server');

const matrix: Row[] = [
  { when: '401 with a refreshToken', error: error('auth'), canRefresh: true, then: { action: 'refresh' } },
  {
    when: '401 again after the refresh',
    error: error('auth'),
    canRefresh: true,
    attempt: { refreshed: true },
    then: { action: 'fail' },
  },
  { when: '401 without a refreshToken', error: error('auth'), then: { action: 'fail' } },
  {
    when: '401 on the non-streaming fallback',
    error: error('auth'),
    canRefresh: true,
    attempt: { streaming: false },
    then: { action: 'fail' },
  },
  { when: '5xx before any text', error: error('server'), then: { action: 'retry', delayMs: 499, resume: false } },
  {
    when: '5xx on the third retry',
    error: error('server'),
    attempt: { retries: 2 },
    then: { action: 'retry', delayMs: 1_999, resume: false },
  },
  { when: '5xx with the retries spent', error: error('server'), attempt: { retries: 3 }, then: { action: 'fallback' } },
  {
    when: '5xx, retries spent, no fallback',
    error: error('server'),
    attempt: { retries: 3 },
    fallbackToNonStreaming: false,
    then: { action: 'fail' },
  },
  { when: '5xx after text without ids', error: error('server'), facts: shown, then: { action: 'fail' } },
  {
    when: 'the non-streaming fallback fails',
    error: error('server'),
    attempt: { streaming: false },
    then: { action: 'fail' },
  },
  {
    when: 'an error chunk after text, events had ids',
    error: chunkAfterText,
    facts: { ...shownWithIds, errorAfterText: chunkAfterText },
    then: { action: 'fail' },
  },
  {
    when: 'network before the first byte',
    error: error('network'),
    then: { action: 'retry', delayMs: 499, resume: false },
  },
  { when: 'network cut after text without ids', error: error('network'), facts: shown, then: { action: 'fail' } },
  {
    when: 'network cut after text with ids',
    error: error('network'),
    facts: shownWithIds,
    then: { action: 'retry', delayMs: 499, resume: true },
  },
  {
    when: "a cut with ids and the server's retry:",
    error: error('network'),
    facts: { ...shownWithIds, serverRetryMs: 1_200 },
    then: { action: 'retry', delayMs: 1_200, resume: true },
  },
  {
    when: 'retry: above maxRetryAfterMs',
    error: error('network'),
    facts: { ...shownWithIds, serverRetryMs: 90_000 },
    then: { action: 'retry', delayMs: 3_000, resume: true },
  },
  {
    when: 'a cut with ids, retries spent',
    error: error('network'),
    facts: shownWithIds,
    attempt: { retries: 3 },
    then: { action: 'fail' },
  },
  {
    when: 'a stall with ids',
    error: error('timeout'),
    facts: shownWithIds,
    then: { action: 'retry', delayMs: 499, resume: true },
  },
  { when: 'a stall before any text', error: error('timeout'), then: { action: 'retry', delayMs: 499, resume: false } },
  {
    when: '429 with Retry-After',
    error: error('rate_limit', 2_000),
    then: { action: 'retry', delayMs: 2_000, resume: false },
  },
  {
    when: '429 with Retry-After above the cap',
    error: error('rate_limit', 60_000),
    then: { action: 'retry', delayMs: 3_000, resume: false },
  },
  {
    when: '429 without Retry-After',
    error: error('rate_limit'),
    attempt: { retries: 1 },
    then: { action: 'retry', delayMs: 999, resume: false },
  },
  {
    when: '429 with the retries spent',
    error: error('rate_limit', 1_000),
    attempt: { retries: 3 },
    then: { action: 'fail' },
  },
  { when: '4xx', error: error('client'), then: { action: 'fail' } },
  { when: 'a malformed stream', error: error('protocol'), then: { action: 'fail' } },
];

describe('decideRecovery: the whole recovery matrix', () => {
  it.each(matrix)('$when → $then.action', (row) => {
    const recovery = decideRecovery(
      row.error,
      row.facts ?? fresh,
      { ...first, ...row.attempt },
      {
        retry,
        canRefresh: row.canRefresh ?? false,
        fallbackToNonStreaming: row.fallbackToNonStreaming ?? true,
        random: almostOne,
      },
    );
    expect(recovery).toEqual(row.then);
  });

  it('backs off with full jitter, within 0..min(maxDelayMs, base·2^attempt)', () => {
    const decide = (retries: number, random: () => number) =>
      decideRecovery(
        error('server'),
        fresh,
        { ...first, retries },
        {
          retry: { ...retry, maxRetries: 20 },
          canRefresh: false,
          fallbackToNonStreaming: true,
          random,
        },
      );
    expect(decide(0, () => 0)).toEqual({ action: 'retry', delayMs: 0, resume: false });
    expect(decide(4, almostOne)).toEqual({ action: 'retry', delayMs: 7_999, resume: false });
    expect(decide(10, almostOne)).toEqual({ action: 'retry', delayMs: 9_999, resume: false });
  });
});

/*
 * The ids the relay gives events: `<stream id>.<entry id>.<index in the entry>`. Opaque to the client, which only
 * sends the last one back as `Last-Event-ID`; the stream id is 128 random bits, so it cannot be guessed.
 */

/** Where a reader stands in an answer's log. */
export interface EventPosition {
  streamId: string;
  entryId: string;
  /** The event's index within its entry. */
  index: number;
}

const STREAM_ID = /^[\w-]{22}$/;
const EVENT_ID = /^([\w-]{22})\.([\w-]{1,40})\.(\d{1,6})$/;

/** A new stream id: 16 random bytes, base64url (22 characters). */
export function newStreamId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

export const isStreamId = (value: string): boolean => STREAM_ID.test(value);

export const formatEventId = ({ streamId, entryId, index }: EventPosition): string => `${streamId}.${entryId}.${index}`;

/** The position an event id names; `null` when it is not one of the relay's ids. */
export function parseEventId(id: string): EventPosition | null {
  const match = EVENT_ID.exec(id);
  if (!match) return null;
  const [, streamId = '', entryId = '', index = '0'] = match;
  return { streamId, entryId, index: Number(index) };
}

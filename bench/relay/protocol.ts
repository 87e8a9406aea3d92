/** What bench/relay.ts asks the process under measurement (bench/relay/host.ts), over its IPC channel. */
export type HostRequest = { id: number; type: 'cpu' | 'memory' | 'exit' };

export type HostReply =
  | { type: 'ready'; id: 0; url: string }
  /** user + system CPU time of the host process so far (µs). */
  | { type: 'cpu'; id: number; micros: number }
  /** After two full collections. */
  | { type: 'memory'; id: number; heapUsed: number; rss: number; external: number; arrayBuffers: number }
  | { type: 'exit'; id: number };

/** The handlers the host serves: the pass-through baseline and the relay on each store. */
export const MODES = ['pass', 'memory', 'redis'] as const;
export type Mode = (typeof MODES)[number];

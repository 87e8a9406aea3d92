export { createChatRelay, type ChatRelay, type ChatRelayOptions, type RelayUpstream } from './relay.js';
export { memoryStore, type MemoryStoreOptions } from './memory-store.js';
export { redisStore, type RedisStoreOptions } from './redis-store.js';
export type { LogEntry, RelayEvent, RelayStore, StreamEnd, StreamLimits, StreamWriter } from './relay-store.js';

export { encodeSseEvent, sseResponse } from './sse.js';
export type { SseEvent } from './sse.js';

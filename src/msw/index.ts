export { encodeSseEvent, eventStreamResponse, jsonResponse, sseHeaders, sseResponse } from './sse.js';
export type { SseEvent, StreamStep } from './sse.js';
export { chatScenarioAnswer, chatScenarios } from './scenarios.js';
export type { ChatScenarioInfo, ChatScenarioName, ScenarioOptions, ToolScenarioName } from './scenarios.js';
export { createScenarioResponder } from './responders.js';
export type { ScenarioResponder } from './responders.js';
export { chatScenarioContent } from './content.js';
export type { ScenarioToolCall } from './content.js';
export { chatScenarioHandler } from './handlers.js';

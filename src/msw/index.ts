export { encodeSseEvent, eventStreamResponse, jsonResponse, sseHeaders, sseResponse } from './sse.js';
export type { SseEvent, StreamStep } from './sse.js';
export { chatScenarioAnswer, chatScenarios } from './scenarios.js';
export type { ChatScenarioInfo, ChatScenarioName, ScenarioOptions } from './scenarios.js';
export { createScenarioResponder } from './responders.js';
export type { ScenarioResponder } from './responders.js';
export {
  SCENARIO_ANSWER,
  SCENARIO_INSIGHTS,
  SCENARIO_LONG_ANSWER,
  SCENARIO_MARKDOWN,
  SCENARIO_REASONING,
  SCENARIO_SUGGESTIONS,
  tokenize,
} from './content.js';
export { chatScenarioHandler } from './handlers.js';

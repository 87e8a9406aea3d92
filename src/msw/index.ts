export { encodeSseEvent, eventStreamResponse, jsonResponse, sseHeaders, sseResponse } from './sse.js';
export type { SseEvent, StreamStep } from './sse.js';
export { chatScenarioAnswer, chatScenarios } from './scenarios.js';
export type { ChatScenarioInfo, ChatScenarioName, ScenarioOptions, ToolScenarioName } from './scenarios.js';
export { createScenarioResponder } from './responders.js';
export type { ScenarioResponder } from './responders.js';
export {
  SCENARIO_ANSWER,
  SCENARIO_INSIGHTS,
  SCENARIO_LONG_ANSWER,
  SCENARIO_MARKDOWN,
  SCENARIO_REASONING,
  SCENARIO_SOURCES,
  SCENARIO_SOURCES_ANSWER,
  SCENARIO_SUGGESTIONS,
  SCENARIO_TOOL_DENIED,
  SCENARIO_TOOL_STEPS,
  SCENARIO_TOOLS,
  tokenize,
} from './content.js';
export type { ScenarioToolCall } from './content.js';
export { chatScenarioHandler } from './handlers.js';

export { ChatError, isChatError, isCutOff } from './errors.js';
export type { ChatErrorKind, ChatErrorOptions } from './errors.js';
export type { RetryState } from './retry-state.js';
export { DEFAULT_ENDPOINT, streamChatCompletion } from './stream.js';
export type { StreamOptions, TokenResult } from './stream.js';
export type { RetryOptions } from './retry.js';
export type {
  AIInsight,
  AISuggestion,
  ChatCompletionContentPart,
  ChatCompletionMessage,
  ChatCompletionRequest,
  ChatCompletionTool,
  ChatCompletionToolCall,
  ChatSource,
  JsonSchema,
  ChatRole,
  ChatStreamEvent,
  TokenUsage,
} from './types.js';
export { createChatService } from './service.js';
export type { ChatService, ChatServiceOptions, ChatSnapshot, SendInput } from './service.js';
export { checkFiles, defaultFileRules, readFiles, toFilePart } from './attachments.js';
export type { FileCheck, FileRefusal, FileRules, ReadFiles } from './attachments.js';
export { toChatMessage } from './messages.js';
export { CONTINUE_PROMPT } from './request.js';
export type { RequestSettings } from './request.js';
export type { ChatTool, ChatTools, ToolExecutionContext } from './tools.js';
export type {
  ChatMessage,
  ChatMessageInput,
  FilePart,
  MessageBranch,
  MessageFeedback,
  MessagePart,
  MessageStatus,
  ReasoningPart,
  SourcePart,
  TextPart,
  ToolCallPart,
  ToolCallState,
} from './messages.js';
export type { AnswerMetrics } from './metrics.js';
export type { UpdateScheduler } from './frame-scheduler.js';

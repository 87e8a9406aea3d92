export { AIInsightCard, aiInsightCardVariants } from './AIInsightCard.js';
export type { AIInsightCardProps, InsightKind } from './AIInsightCard.js';
export { AIInsightsPanel } from './AIInsightsPanel.js';
export type { AIInsightsPanelProps } from './AIInsightsPanel.js';
export { AISuggestionCard } from './AISuggestionCard.js';
export type { AISuggestionCardProps } from './AISuggestionCard.js';
export { AISuggestionsPanel } from './AISuggestionsPanel.js';
export type { AISuggestionsPanelProps } from './AISuggestionsPanel.js';
export { ComposerForm } from './ComposerForm.js';
export type { ComposerFormProps } from './ComposerForm.js';
export { MessageActions } from './MessageActions.js';
export type { MessageActionsProps } from './MessageActions.js';
export * from './chat/index.js';
export { EnhancedChatInterface } from './EnhancedChatInterface.js';
export type { ChatInterfaceConfig, EnhancedChatInterfaceProps } from './EnhancedChatInterface.js';
export { ConnectionStatus, connectionStatusVariants, getConnectionState } from './ConnectionStatus.js';
export type { ConnectionState, ConnectionStateInput, ConnectionStatusProps } from './ConnectionStatus.js';
export { EgyptianLoadingAnimation, egyptianLoadingAnimationVariants } from './EgyptianLoadingAnimation.js';
export type { EgyptianLoadingAnimationSize, EgyptianLoadingAnimationProps } from './EgyptianLoadingAnimation.js';
export { SkeletonLoader, skeletonLoaderVariants } from './SkeletonLoader.js';
export type { SkeletonLoaderProps, SkeletonLoaderVariant } from './SkeletonLoader.js';
export { ErrorToast, errorToastVariants } from './ErrorToast.js';
export type { ErrorToastProps } from './ErrorToast.js';
export { StreamingMessageBubble, streamingMessageBubbleVariants } from './StreamingMessageBubble.js';
export type { StreamingMessageBubbleProps } from './StreamingMessageBubble.js';
export { ToolCallView, toolCallViewVariants } from './parts/ToolCallView.js';
export type { ToolCallViewProps } from './parts/ToolCallView.js';
export { ReasoningView } from './parts/ReasoningView.js';
export type { ReasoningViewProps } from './parts/ReasoningView.js';
export { ToolApproval } from './parts/ToolApproval.js';
export type { ToolApprovalProps } from './parts/ToolApproval.js';
export { SourceList } from './parts/SourceList.js';
export type { SourceListProps } from './parts/SourceList.js';
export type { ToolRendererProps, ToolRenderers } from './parts/tool-renderers.js';
export { BranchPicker } from './parts/BranchPicker.js';
export type { BranchPickerProps } from './parts/BranchPicker.js';
export { MessageEditor } from './parts/MessageEditor.js';
export type { MessageEditorProps } from './parts/MessageEditor.js';
export { FileChip } from './parts/FileChip.js';
export type { FileChipProps } from './parts/FileChip.js';
export { AttachmentChip } from './parts/AttachmentChip.js';
export type { AttachmentChipProps } from './parts/AttachmentChip.js';
export { MessageFiles } from './parts/MessageFiles.js';
export type { MessageFilesProps } from './parts/MessageFiles.js';
export { Markdown } from './markdown/Markdown.js';
export type { MarkdownProps } from './markdown/Markdown.js';
export { ChatLabelsProvider } from './labels.js';
export { defaultChatLabels } from './labels-en.js';
export type {
  ChatLabels,
  ChatInterfaceLabels,
  ChatLabelsOverride,
  ConnectionStatusLabels,
  ErrorToastLabels,
  InsightLabels,
  LoaderLabels,
  MessageBubbleLabels,
  SuggestionLabels,
  ToolLabels,
} from './labels.js';

export {
  ConnectionStatus,
  connectionStatusVariants,
  getConnectionState,
} from './ConnectionStatus.js';
export type {
  ConnectionState,
  ConnectionStateInput,
  ConnectionStatusLabels,
  ConnectionStatusProps,
} from './ConnectionStatus.js';
export { cn } from './lib/cn.js';

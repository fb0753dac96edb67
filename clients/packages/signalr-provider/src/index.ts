export { CollabConnection, type CollabConnectionOptions, type CollabConnectionEvents } from './collab-connection.js'
export { SignalRProvider, type SignalRProviderOptions, type SignalRProviderEvents } from './signalr-provider.js'
export type { ConnectionStatus } from './connection-status.js'
export { backoffDelay, type BackoffOptions } from './backoff.js'

/**
 * Where a {@link CollabConnection} stands:
 * - `connecting`: the first connection attempt is running;
 * - `connected`: the hub is reachable and rooms can be joined;
 * - `reconnecting`: the connection dropped and is being retried with backoff (edits stay local);
 * - `disconnected`: stopped on purpose ({@link CollabConnection.stop}); no more attempts.
 */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected'

/** Delays between reconnect attempts: exponential from `initialMs` up to `maxMs`, with jitter. */
export interface BackoffOptions {
  initialMs?: number
  maxMs?: number
}

export function backoffDelay (attempt: number, options: BackoffOptions = {}): number {
  const initial = options.initialMs ?? 250
  const max = options.maxMs ?? 10_000
  const exponential = Math.min(max, initial * 2 ** Math.min(attempt, 16))
  // Jitter keeps many clients from hammering a restarted server at the same instant.
  return Math.round(exponential * (0.75 + Math.random() * 0.5))
}

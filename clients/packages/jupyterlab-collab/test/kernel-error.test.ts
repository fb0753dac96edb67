import { describe, expect, it } from 'vitest'
import { kernelError } from '../src/collab-kernel'

describe('kernelError', () => {
  it('splits a hub refusal into its code and the sentence for people', () => {
    const error = kernelError(new Error("An unexpected error occurred invoking 'RunCells' on the server. HubException: [forbidden] Viewers cannot run cells."))
    expect(error.code).toBe('forbidden')
    expect(error.message).toBe('Viewers cannot run cells.')
  })

  it('reads a code that carries a retry-after', () => {
    const error = kernelError(new Error('HubException: [rate_limited retry_after=0.5] Too many runs.'))
    expect(error.code).toBe('rate_limited')
    expect(error.message).toBe('Too many runs.')
  })

  it('keeps a failure without a code as it is', () => {
    const error = kernelError('connection lost')
    expect(error.code).toBeNull()
    expect(error.message).toBe('connection lost')
  })
})

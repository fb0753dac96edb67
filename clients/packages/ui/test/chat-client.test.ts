import { describe, expect, it } from 'vitest'
import { isStreaming, type ChatMessage } from '../src/chat-client'

const message = (state: ChatMessage['state']): ChatMessage =>
  ({ id: 1, author: 'copilot', body: '', createdAt: null, deletedAt: null, state })

describe('isStreaming', () => {
  it('reads the state as JSON sends it (enum name) and as MessagePack sends it (number)', () => {
    expect(isStreaming(message('Streaming'))).toBe(true)
    expect(isStreaming(message(1))).toBe(true)
    expect(isStreaming(message('Complete'))).toBe(false)
    expect(isStreaming(message(2))).toBe(false)
    expect(isStreaming(message(3))).toBe(false)
  })
})

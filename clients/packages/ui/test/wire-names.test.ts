import { describe, expect, it } from 'vitest'
import { camelize, toDate } from '../src/wire-names'

describe('camelize', () => {
  it('lower-cases the first letter of every key, however deep', () => {
    expect(camelize({ Id: 1, Author: 'ada', Mentions: [{ UserId: 'bo' }], Nested: { CreatedAt: 'x' } }))
      .toEqual({ id: 1, author: 'ada', mentions: [{ userId: 'bo' }], nested: { createdAt: 'x' } })
  })

  it('leaves camelCase (REST JSON) as it is', () => {
    const rest = { messageId: 3, text: 'hi' }
    expect(camelize(rest)).toEqual(rest)
  })

  it('keeps dates, binary payloads and scalars whole', () => {
    const date = new Date(0)
    const bytes = new Uint8Array([1, 2])
    const result = camelize<{ at: Date, payload: Uint8Array, n: null }>({ At: date, Payload: bytes, N: null })
    expect(result.at).toBe(date)
    expect(result.payload).toBe(bytes)
    expect(result.n).toBeNull()
    expect(camelize('text')).toBe('text')
  })
})

describe('toDate', () => {
  it('reads ISO text (JSON) and the [date, offset] pair (MessagePack)', () => {
    const iso = '2026-12-07T01:02:03.000Z'
    expect(toDate(iso)?.toISOString()).toBe(iso)
    expect(toDate([new Date(iso), 60])?.toISOString()).toBe(iso)
    expect(toDate(Date.parse(iso))?.toISOString()).toBe(iso)
  })

  it('is null for anything else', () => {
    expect(toDate(undefined)).toBeNull()
    expect(toDate({})).toBeNull()
  })
})

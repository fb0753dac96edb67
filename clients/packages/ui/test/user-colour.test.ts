import { describe, expect, it } from 'vitest'
import { userColour, userColourLight } from '../src/user-colour'

describe('userColour', () => {
  it('gives a user the same colour every time', () => {
    expect(userColour('ada')).toBe(userColour('ada'))
  })

  it('spreads users over the palette', () => {
    const colours = new Set(Array.from({ length: 40 }, (_, i) => userColour(`user-${i}`)))
    expect(colours.size).toBeGreaterThan(4)
    for (const colour of colours) expect(colour).toMatch(/^#[0-9a-f]{6}$/)
  })

  it('has a faint variant of the same colour for selections', () => {
    expect(userColourLight('ada')).toBe(`${userColour('ada')}33`)
  })
})

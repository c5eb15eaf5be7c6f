import { describe, expect, it } from 'vitest'
import { CHAR_PITCH_PT, signaturePlacement } from '../../shared/output/layout'

const ch = CHAR_PITCH_PT
const L = 28 * ch

describe('the 落款 by GB/T 9704 §7.3.5', () => {
  it('sealed: the date four characters in, the name and the seal centred on the date', () => {
    const p = signaturePlacement(7 * ch, 6 * ch, true, L)
    expect(p.dateRightPt).toBeCloseTo(4 * ch)
    expect(p.sealCentrePt).toBeCloseTo(L - 4 * ch - 3 * ch)
    expect(p.nameRightPt).toBeCloseTo(4 * ch - 0.5 * ch) // a longer name reaches half a character further right
  })

  it('unsealed: the name two characters in, the date two characters right of its first character', () => {
    const p = signaturePlacement(14 * ch, 7 * ch, false, L)
    expect(p.nameRightPt).toBeCloseTo(2 * ch)
    expect(p.dateLeftPt).toBeCloseTo(L - 2 * ch - 14 * ch + 2 * ch)
  })

  it('unsealed with a date longer than the rule allows: the date two characters in, the name moved left to keep the offset', () => {
    const p = signaturePlacement(4 * ch, 7 * ch, false, L)
    expect(p.dateLeftPt).toBeUndefined()
    expect(p.dateRightPt).toBeCloseTo(2 * ch)
    const nameStart = L - p.nameRightPt - 4 * ch
    const dateStart = L - p.dateRightPt - 7 * ch
    expect(dateStart - nameStart).toBeCloseTo(2 * ch)
  })
})

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { listMarkerToDot as dot } from '../../../shared/cleanup'

describe('listMarkerToDot', () => {
  it.each([
    ['1、加强学习', '1.加强学习'],
    ['12、加强学习', '12.加强学习'],
    ['１、加强学习', '1.加强学习'], // full-width digits become ASCII
    ['１２、加强学习', '12.加强学习'],
    ['3．做好宣传', '3.做好宣传'], // full-width full stop
    ['1、 加强学习', '1.加强学习'],
    ['\u3000\u30001、加强学习', '\u3000\u30001.加强学习'], // indentation is the spaces command's
    ['1、学习\n2、宣传\n3、整治', '1.学习\n2.宣传\n3.整治'], // one item per line
  ])('%j → %j', (input, output) => {
    expect(dot(input)).toBe(output)
  })

  it.each([
    ['1、2号楼均已完工'], // an enumeration of numbers
    ['1、 2号楼'],
    ['１．５万元'], // a number
    ['2025、2026年'], // more than two digits: years
    ['共开展活动1、2次'], // not at the start
    ['1.加强学习'], // already right
    ['1、'], // nothing after the marker yet
    ['一、基本情况'], // Chinese numerals are heading markers, not this
  ])('keeps %j', (input) => {
    expect(dot(input)).toBe(input)
  })

  it('is idempotent', () => {
    const text = fc.string({ unit: fc.constantFrom(...'12１２、．.学习 \n\u3000'), maxLength: 30 })
    fc.assert(fc.property(text, (s) => dot(dot(s)) === dot(s)), { numRuns: 2000 })
  })
})

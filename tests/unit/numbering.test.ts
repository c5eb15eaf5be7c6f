import { describe, expect, it } from 'vitest'
import { chineseCount, headingMarker, headingNumbersOf, numberHeadings } from '../../shared/document/numbering'
import type { Block } from '../../shared/document/model'

describe('heading numbers (GB/T 9704 §7.3.3)', () => {
  it('writes counting numerals as writers do', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 115, 120].map(chineseCount)).toEqual([
      '一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一百一十五', '一百二十',
    ])
  })

  it('uses 一、 （一） 1. （1） with full-width brackets', () => {
    expect(headingMarker(1, 3)).toBe('三、')
    expect(headingMarker(2, 12)).toBe('（十二）')
    expect(headingMarker(3, 4)).toBe('4.')
    expect(headingMarker(4, 2)).toBe('（2）')
  })

  it('restarts deeper levels under each new parent', () => {
    expect(numberHeadings([1, 2, 2, 3, 3, 4, 2, 1, 2, 3])).toEqual(['一、', '（一）', '（二）', '1.', '2.', '（1）', '（三）', '二、', '（一）', '1.'])
  })

  it('numbers a skipped level from one rather than inventing a parent', () => {
    expect(numberHeadings([1, 3, 3, 2, 3])).toEqual(['一、', '1.', '2.', '（一）', '1.'])
  })

  it('derives numbers from the blocks of a document, ignoring body text', () => {
    const blocks: Block[] = [
      { type: 'heading', level: 1, title: [] },
      { type: 'paragraph', children: [{ type: 'text', text: '一是加强领导，二是完善制度。' }] },
      { type: 'heading', level: 1, title: [], body: [] },
    ]
    expect(headingNumbersOf(blocks)).toEqual(['一、', '二、'])
  })
})

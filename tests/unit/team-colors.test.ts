/** A member's caret colour: the same on every machine for the same name, and telling a team apart. */
import { describe, expect, it } from 'vitest'
import { MEMBER_COLORS, memberColor } from '../../renderer/features/team/colors'

describe('member colours', () => {
  it('gives a name the same colour every time (every writer sees 张三 in one colour)', () => {
    expect(memberColor('张三')).toBe(memberColor('张三'))
    expect(MEMBER_COLORS).toContain(memberColor('张三'))
    expect(MEMBER_COLORS).toContain(memberColor(''))
  })

  it('spreads an office’s names over the palette', () => {
    const office = ['张三', '李四', '王五', '赵六', '刘主任', '陈科长', '孙秘书', '周处长']
    expect(new Set(office.map(memberColor)).size).toBeGreaterThanOrEqual(5)
  })
})

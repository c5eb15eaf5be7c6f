import { describe, expect, it } from 'vitest'
import { accessFor, parseTeamNotice, parseTeamRole, TEAM_SNIPPET_PROPOSALS, TEAM_SNIPPETS, teamDocumentNameSchema, teamTokenSchema } from '../../shared/team/protocol'
import { newToken, hashToken } from '../../electron/team/tokens'

describe('team protocol: roles and rights', () => {
  it('reads a role as an office types it, in Chinese or English', () => {
    expect(['编辑', '审阅', '只读', 'Editor', ' reader '].map(parseTeamRole)).toEqual(['editor', 'reviewer', 'reader', 'editor', 'reader'])
    expect(parseTeamRole('管理员')).toBeNull()
    expect(parseTeamRole('')).toBeNull()
  })

  it('编辑 writes everything; 审阅 only a document’s comments; 只读 nothing', () => {
    expect(accessFor('editor', '总结')).toBe('write')
    expect(accessFor('reviewer', '总结')).toBe('read')
    expect(accessFor('reviewer', '总结#comments')).toBe('write')
    expect(accessFor('reader', '总结#comments')).toBe('read')
    expect(accessFor('reader', '总结')).toBe('read')
    // the snippets proposed to the team: 编辑 and 审阅 write them; the 素材库 itself is 编辑's only
    expect(accessFor('reviewer', TEAM_SNIPPET_PROPOSALS)).toBe('write')
    expect(accessFor('editor', TEAM_SNIPPET_PROPOSALS)).toBe('write')
    expect(accessFor('reader', TEAM_SNIPPET_PROPOSALS)).toBe('read')
    expect(accessFor('reviewer', TEAM_SNIPPETS)).toBe('read')
    expect(accessFor('reviewer', `${TEAM_SNIPPET_PROPOSALS}x`)).toBe('read')
  })

  it('accepts document names in any script, refuses control characters and overlong names', () => {
    expect(teamDocumentNameSchema.safeParse('2025年度/办公室:总结#comments').success).toBe(true)
    expect(teamDocumentNameSchema.safeParse('a\u0000b').success).toBe(false)
    expect(teamDocumentNameSchema.safeParse('a b').success).toBe(false)
    expect(teamDocumentNameSchema.safeParse('文'.repeat(201)).success).toBe(false)
  })

  it('join tokens are random, well-formed, and stored only as a SHA-256', () => {
    const a = newToken()
    const b = newToken()
    expect(a).not.toBe(b)
    expect(teamTokenSchema.safeParse(a).success).toBe(true)
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/)
    expect(hashToken(a)).not.toContain(a.slice(4, 20))
  })

  it('a client reads only well-formed notices', () => {
    expect(parseTeamNotice('{"kind":"refused","code":"team.readOnly","role":"reader"}')).toEqual({ kind: 'refused', code: 'team.readOnly', role: 'reader' })
    expect(parseTeamNotice('{"kind":"refused","code":"team.unknown"}')).toBeNull()
    expect(parseTeamNotice('not json')).toBeNull()
  })
})

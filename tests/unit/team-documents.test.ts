/**
 * The team's shared lists as the app reads and writes them: the team's documents (TEAM_INDEX) and
 * the 定稿 kept on the team, each checked on the way in so a bad entry hides only itself; two
 * members sharing at once both end up in the list. And a join as typed, checked before asking.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readTeamFinals, readTeamIndex, recordTeamFinal, TEAM_FINALS, TEAM_INDEX_DOCUMENTS, writeTeamIndexEntry } from '../../shared/team/documents'
import { joinProblem } from '../../renderer/features/team/join'

const fp = (digit: string) => `sha256:${digit.repeat(64)}`

describe('the team’s documents (TEAM_INDEX)', () => {
  it('lists entries newest first and leaves out what is not a valid entry', () => {
    const doc = new Y.Doc()
    writeTeamIndexEntry(doc, 'doc:a', { title: '办公室总结', sharedBy: '张三', sharedAt: 1000 })
    writeTeamIndexEntry(doc, 'doc:b', { title: '综合科总结', sharedBy: '李四', sharedAt: 2000 })
    const map = doc.getMap<unknown>(TEAM_INDEX_DOCUMENTS)
    map.set('doc:c', { title: 42, sharedBy: '王五', sharedAt: 3000 })
    map.set('bad name with spaces', { title: '坏名字', sharedBy: '王五', sharedAt: 4000 })
    map.set('doc:d', 'not an object')
    expect(readTeamIndex(doc).map((i) => `${i.name}:${i.title}:${i.sharedBy}`)).toEqual(['doc:b:综合科总结:李四', 'doc:a:办公室总结:张三'])
  })

  it('refuses to write an entry the others could not read', () => {
    const doc = new Y.Doc()
    expect(() => writeTeamIndexEntry(doc, 'doc:x y', { title: 'x', sharedBy: '张三', sharedAt: 1 })).toThrow()
    expect(() => writeTeamIndexEntry(doc, 'doc:x', { title: 'x'.repeat(501), sharedBy: '张三', sharedAt: 1 })).toThrow()
    expect(readTeamIndex(doc)).toEqual([])
  })

  it('two members sharing at the same time both end up in every copy of the list', () => {
    const zhang = new Y.Doc()
    const li = new Y.Doc()
    writeTeamIndexEntry(zhang, 'doc:a', { title: '办公室总结', sharedBy: '张三', sharedAt: 1 })
    writeTeamIndexEntry(li, 'doc:b', { title: '综合科总结', sharedBy: '李四', sharedAt: 2 })
    Y.applyUpdate(zhang, Y.encodeStateAsUpdate(li))
    Y.applyUpdate(li, Y.encodeStateAsUpdate(zhang))
    expect(readTeamIndex(zhang)).toEqual(readTeamIndex(li))
    expect(readTeamIndex(li).map((i) => i.name)).toEqual(['doc:b', 'doc:a'])
  })
})

describe('定稿 kept on the team', () => {
  it('keeps one entry per fingerprint, newest first, and ignores entries that are not their key’s', () => {
    const doc = new Y.Doc()
    recordTeamFinal(doc, { name: '报送稿', by: '张三', at: 1, fingerprint: fp('a'), model: '{}' })
    recordTeamFinal(doc, { name: '报送稿（二）', by: '李四', at: 5, fingerprint: fp('b'), model: '{}' })
    recordTeamFinal(doc, { name: '报送稿', by: '王五', at: 9, fingerprint: fp('a'), model: '{}' })
    doc.getMap<unknown>(TEAM_FINALS).set(fp('c'), { name: '冒名', by: '某人', at: 10, fingerprint: fp('d'), model: '{}' })
    expect(readTeamFinals(doc).map((f) => `${f.name}:${f.by}`)).toEqual(['报送稿:王五', '报送稿（二）:李四'])
  })

  it('refuses a 定稿 without who froze it or with a fingerprint that is not one', () => {
    const doc = new Y.Doc()
    expect(() => recordTeamFinal(doc, { name: '报送稿', by: '', at: 1, fingerprint: fp('a'), model: '{}' })).toThrow()
    expect(() => recordTeamFinal(doc, { name: '报送稿', by: '张三', at: 1, fingerprint: 'abc', model: '{}' })).toThrow()
    expect(readTeamFinals(doc)).toEqual([])
  })
})

describe('加入团队 as typed', () => {
  const code = `ddt_${'A1-_'.repeat(10)}abc`
  it('takes a ws:// or wss:// address and a whole 加入码 (spaces around it are fine)', () => {
    expect(joinProblem('ws://192.168.1.10:8787', code)).toBeNull()
    expect(joinProblem('wss://team.example.cn', ` ${code}\n`)).toBeNull()
  })
  it('names the field that is wrong', () => {
    expect(joinProblem('http://192.168.1.10:8787', code)).toBe('badAddress')
    expect(joinProblem('192.168.1.10', code)).toBe('badAddress')
    expect(joinProblem('ws://192.168.1.10:8787', '123456')).toBe('badCode')
    expect(joinProblem('ws://192.168.1.10:8787', code.slice(0, -1))).toBe('badCode')
  })
})

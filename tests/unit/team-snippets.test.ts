/** The team 素材库's entries as the team server holds them: what is accepted, what is skipped, and the batches made from the map. */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { bodyFromText } from '../../shared/snippets'
import { batchOfChanges, fullBatch, newTeamSnippetId, parseTeamSnippetEntry, teamEntryFrom, teamSnippetIdSchema, teamSnippetsMap } from '../../shared/team/snippets'

const good = teamEntryFrom({ title: '开头语', body: bodyFromText('今年以来，在上级的坚强领导下。'), tags: ['开头语'] }, '开头', '张三', 1_700_000_000_000)

describe('a team snippet entry', () => {
  it('accepts what 提交到团队 writes', () => {
    expect(parseTeamSnippetEntry(good)).toEqual(good)
    expect(teamSnippetIdSchema.safeParse(newTeamSnippetId()).success).toBe(true)
  })

  it('skips an entry an old client or a bad actor could write', () => {
    expect(parseTeamSnippetEntry({ ...good, body: [] })).toBeNull()
    expect(parseTeamSnippetEntry({ ...good, body: 'text' })).toBeNull()
    expect(parseTeamSnippetEntry({ ...good, title: '   ' })).toBeNull()
    expect(parseTeamSnippetEntry({ ...good, title: '长'.repeat(201) })).toBeNull()
    expect(parseTeamSnippetEntry({ ...good, state: 'deleted' })).toBeNull()
    // proposals wait in their own document: one marked proposed in the 素材库 is not the team's
    expect(parseTeamSnippetEntry({ ...good, state: 'proposed' })).toBeNull()
    expect(parseTeamSnippetEntry({ ...good, state: 'shared' })).not.toBeNull()
    expect(parseTeamSnippetEntry({ ...good, extra: 1 })).toBeNull()
    expect(parseTeamSnippetEntry({ ...good, body: bodyFromText('字'.repeat(20_001)) })).toBeNull()
    expect(parseTeamSnippetEntry(null)).toBeNull()
    expect(teamSnippetIdSchema.safeParse('../../etc').success).toBe(false)
  })
})

describe('batches from the map', () => {
  it('sends the whole map after a connect, and each change after: written keys as upserts, deleted ones as removals', () => {
    const doc = new Y.Doc()
    const map = teamSnippetsMap(doc)
    map.set('aaaaaaaa', good)
    map.set('bbbbbbbb', { ...good, title: '结尾' })
    expect(fullBatch(map)).toEqual({ upserts: [{ id: 'aaaaaaaa', entry: good }, { id: 'bbbbbbbb', entry: { ...good, title: '结尾' } }], removals: [], full: true })

    const batches: ReturnType<typeof batchOfChanges>[] = []
    map.observe((event) => batches.push(batchOfChanges(map, event.keysChanged)))
    doc.transact(() => {
      map.delete('aaaaaaaa')
      map.set('bbbbbbbb', { ...good, title: '结尾（修订）' })
    })
    expect(batches).toEqual([{ upserts: [{ id: 'bbbbbbbb', entry: { ...good, title: '结尾（修订）' } }], removals: ['aaaaaaaa'] }])
  })
})

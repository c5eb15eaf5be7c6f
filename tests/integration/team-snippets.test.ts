/**
 * 团队素材 in the back end: the team's 素材库 (the `team:snippets` map on a real team server on
 * loopback) mirrored into the 文稿库 by snippets.teamSync — the whole map on (re)connect, the
 * changed entries after, removals, malformed entries skipped — and searched together with the
 * writer's own snippets. The batches are made from the map exactly as the renderer makes them
 * (shared/team/snippets.ts); a 只读 member's write is refused by the server.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { callApi, type Services } from '../../electron/services'
import { ApiError } from '../../shared/api'
import { bodyFromText, isTeamSnippetId } from '../../shared/snippets'
import { TEAM_SNIPPETS } from '../../shared/team/protocol'
import { batchOfChanges, fullBatch, teamEntryFrom, teamSnippetsMap, type TeamSnippetEntry } from '../../shared/team/snippets'
import { connectClient, serverWithEditorAndReader, useTeamApp, waitFor, type TeamClient } from '../helpers/team'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()
const open = useTeamApp()

const entry = (title: string, text: string, extra: Partial<TeamSnippetEntry> = {}): TeamSnippetEntry => ({
  ...teamEntryFrom({ title, body: bodyFromText(text), tags: [] }, '工作措施', '张三', 1_700_000_000_000),
  ...extra,
})

async function setup() {
  const { server, editorCode, readerCode, services } = await serverWithEditorAndReader(tempDir, open)
  const client = (code: string) => {
    const c = connectClient(server.url, TEAM_SNIPPETS, code)
    open.clients.push(c)
    return c
  }
  return { server, h: services.handlers, editor: client(editorCode), client, editorCode, readerCode }
}

/** The member's app: a second client on the same map, feeding the back end as the renderer does. */
function mirror(h: Services['handlers'], c: TeamClient) {
  const map = teamSnippetsMap(c.doc)
  const pending: Promise<unknown>[] = []
  map.observe((event) => pending.push(callApi(h, 'snippets.teamSync', batchOfChanges(map, event.keysChanged))))
  return {
    map,
    full: () => callApi(h, 'snippets.teamSync', fullBatch(map)),
    settled: async () => {
      while (pending.length) await pending.shift()
    },
  }
}

const titles = async (h: Services['handlers'], query: string) =>
  (await callApi(h, 'snippets.search', { query })).hits.map((hit) => `${hit.library}:${hit.title}`)
/** the team's hits only (the starter snippets share some words) */
const teamTitles = async (h: Services['handlers'], query: string) => (await titles(h, query)).filter((t) => t.startsWith('team:'))

describe('the team 素材库 in the 文稿库', () => {
  it('mirrors the whole map on connect, then each change; removals go; a malformed entry is skipped', async () => {
    const { h, editor, client, readerCode } = await setup()
    await editor.acknowledged()
    const map = teamSnippetsMap(editor.doc)
    editor.doc.transact(() => {
      map.set('aaaaaaaaaaaaaaaa', entry('安全生产责任制', '全面落实安全生产责任制，层层签订责任书。'))
      map.set('bbbbbbbbbbbbbbbb', entry('信访维稳', '畅通信访渠道，化解矛盾纠纷。'))
      // an old client or a bad actor: no body, wrong types
      map.set('cccccccccccccccc', { title: '坏条目', body: 'not a body', by: 3 })
    })
    await editor.acknowledged()

    // a member who was away connects: the whole map at once
    const other = client(readerCode)
    await other.acknowledged()
    const app = mirror(h, other)
    expect(await app.full()).toEqual({ upserted: 2, removed: 0, skipped: 1, total: 2 })
    expect(await teamTitles(h, '安全生产责任')).toEqual(['team:安全生产责任制'])
    expect(await teamTitles(h, '坏条目')).toEqual([])

    // an edit, a new entry and a removal reach the app one by one
    editor.doc.transact(() => map.set('aaaaaaaaaaaaaaaa', entry('安全生产责任制', '压紧压实安全生产责任，开展隐患排查整治。', { by: '张三', updatedAt: 1_700_000_100_000 })))
    map.set('dddddddddddddddd', entry('招商引资', '围绕主导产业精准招商。'))
    map.delete('bbbbbbbbbbbbbbbb')
    await waitFor(() => other.doc.getMap('snippets').size === 3 && !other.doc.getMap('snippets').has('bbbbbbbbbbbbbbbb'), 10_000, 'the changes to reach the other member')
    await app.settled()
    expect(await teamTitles(h, '隐患排查')).toEqual(['team:安全生产责任制'])
    expect(await teamTitles(h, '层层签订')).toEqual([])
    expect(await teamTitles(h, '精准招商')).toEqual(['team:招商引资'])
    expect(await teamTitles(h, '信访')).toEqual([])

    // an entry that turns malformed is no longer shown
    map.set('dddddddddddddddd', { ...entry('招商引资', '围绕主导产业精准招商。'), state: 'whatever' })
    await waitFor(() => (other.doc.getMap('snippets').get('dddddddddddddddd') as { state?: string } | undefined)?.state === 'whatever')
    await app.settled()
    expect(await teamTitles(h, '精准招商')).toEqual([])

    // removed while the app was away: the next full sync drops it
    other.provider.disconnect()
    map.delete('aaaaaaaaaaaaaaaa')
    await editor.acknowledged()
    await other.provider.connect()
    await waitFor(() => !other.doc.getMap('snippets').has('aaaaaaaaaaaaaaaa'), 10_000, 'the reconnect')
    await app.settled()
    await app.full()
    expect(await teamTitles(h, '安全生产')).toEqual([])
    expect((await callApi(h, 'snippets.teamSync', fullBatch(app.map))).total).toBe(0)
  })

  it('searches the writer’s own and the team’s snippets together, inserts count uses, and leaving the team forgets the team’s', async () => {
    const { server, h, editor, editorCode } = await setup()
    await callApi(h, 'team.join', { serverUrl: server.url, code: editorCode })
    await editor.acknowledged()
    await callApi(h, 'snippets.create', { title: '稿台党建甲', categoryId: null, tags: [], body: bodyFromText('坚持党建引领，推动中心工作。') })
    const map = teamSnippetsMap(editor.doc)
    map.set('tttttttttttttttt', entry('稿台党建乙', '以高质量党建引领高质量发展。', { tags: ['党建'] }))
    await editor.acknowledged()
    await callApi(h, 'snippets.teamSync', fullBatch(map))

    const { hits } = await callApi(h, 'snippets.search', { query: '稿台党建' })
    expect(hits.map((hit) => hit.library).sort()).toEqual(['personal', 'team'])
    const team = hits.find((hit) => hit.library === 'team')!
    expect(team).toMatchObject({ title: '稿台党建乙', team: { id: 'tttttttttttttttt', by: '张三', category: '工作措施' } })
    expect(isTeamSnippetId(team.id)).toBe(true)
    // two-character queries (the gram index) find both too
    expect((await titles(h, '稿台')).sort()).toEqual(['personal:稿台党建甲', 'team:稿台党建乙'])
    // the category filter takes team snippets filed under a category of the same name
    const categories = await callApi(h, 'snippets.categories', {})
    const measures = categories.find((c) => c.name === '工作措施')!
    expect((await callApi(h, 'snippets.search', { query: '稿台', categoryId: measures.id })).hits.map((hit) => hit.title)).toEqual(['稿台党建乙'])

    // inserting one counts a use, as for the writer's own; it comes first in the empty query
    expect((await callApi(h, 'snippets.use', { id: team.id })).useCount).toBe(1)
    expect((await callApi(h, 'snippets.get', { id: team.id })).body).toEqual(bodyFromText('以高质量党建引领高质量发展。'))
    expect((await callApi(h, 'snippets.search', { query: '' })).hits[0]?.title).toBe('稿台党建乙')
    // a team snippet is changed in the team, never through the personal methods
    const update = callApi(h, 'snippets.update', { id: team.id, draft: { title: 'x', categoryId: null, tags: [], body: bodyFromText('x') } })
    expect(await update.then(() => 'updated', (e: unknown) => (e instanceof ApiError ? e.code : String(e)))).toBe('snippets.notFound')

    // leaving the team: its 素材 go, the writer's own stay
    await callApi(h, 'team.leave', {})
    expect(await titles(h, '稿台')).toEqual(['personal:稿台党建甲'])
  })

  it('refuses a 只读 member’s write to the team 素材库 at the server', async () => {
    const { editor, client, readerCode } = await setup()
    await editor.acknowledged()
    const reader = client(readerCode)
    await reader.acknowledged()
    teamSnippetsMap(reader.doc).set('rrrrrrrrrrrrrrrr', entry('只读成员的素材', '不应出现在团队里。'))
    await waitFor(() => reader.notices.length > 0, 10_000, 'the refusal notice')
    expect(reader.notices[0]).toMatchObject({ kind: 'refused', code: 'team.readOnly' })
    // the editor's copy never has it
    const check = new Y.Doc()
    Y.applyUpdate(check, Y.encodeStateAsUpdate(editor.doc))
    expect(teamSnippetsMap(check).has('rrrrrrrrrrrrrrrr')).toBe(false)
  })
})

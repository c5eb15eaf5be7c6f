/**
 * 提议给团队 at the server: a real team server on loopback decides who may write what. A 审阅 member
 * may write the proposals document but not the team's 素材库; a 只读 member neither. An 编辑
 * member's 采纳 puts the proposal into the 素材库 (and so into every member's local index), 退回
 * leaves the reason for the proposer; a malformed proposal is never listed and never taken in.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { startTeamServer } from '../../electron/team/server'
import { bodyFromText } from '../../shared/snippets'
import { TEAM_SNIPPET_PROPOSALS, TEAM_SNIPPETS } from '../../shared/team/protocol'
import { acceptProposal, PROPOSALS_MAP, proposeSnippet, readProposals, readReturned, returnProposal } from '../../shared/team/proposals'
import { fullBatch, teamEntryFrom, teamSnippetsMap } from '../../shared/team/snippets'
import { addMember, connectClient, useTeamApp, waitFor } from '../helpers/team'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()
const open = useTeamApp()

async function team() {
  const dir = tempDir()
  const server = await startTeamServer({ dataDir: dir, port: 0, host: '127.0.0.1' })
  open.servers.push(server)
  const codes = new Map<string, string>()
  const client = async (name: string, role: string, document: string) => {
    if (!codes.has(name)) codes.set(name, await addMember(dir, name, role))
    const c = connectClient(server.url, document, codes.get(name)!)
    open.clients.push(c)
    await c.acknowledged()
    return c
  }
  return { server, dir, client }
}

/** What the server holds: a fresh copy of another member's state (it only ever has what the server sent). */
const copyOf = (doc: Y.Doc) => {
  const check = new Y.Doc()
  Y.applyUpdate(check, Y.encodeStateAsUpdate(doc))
  return check
}

const own = { title: '稿台提议素材', body: bodyFromText('深化“放管服”改革，持续优化营商环境。'), tags: ['营商环境'] }

describe('snippets proposed to the team', () => {
  it('the server takes a 审阅 member’s proposal, refuses their write to the 素材库, and refuses a 只读 member’s proposal', async () => {
    const { dir, server, client } = await team()
    const editorProposals = await client('张三', 'editor', TEAM_SNIPPET_PROPOSALS)
    const reviewerProposals = await client('李四', 'reviewer', TEAM_SNIPPET_PROPOSALS)

    // 审阅: the proposal reaches the 编辑 member
    const id = proposeSnippet(reviewerProposals.doc, own, '优化营商环境', '李四', 1_700_000_000_000)
    await reviewerProposals.acknowledged()
    await waitFor(() => readProposals(editorProposals.doc).length === 1, 10_000, 'the proposal to reach the editor')
    expect(readProposals(editorProposals.doc)[0]).toMatchObject({ id, title: '稿台提议素材', by: '李四', category: '优化营商环境' })
    expect(reviewerProposals.notices).toEqual([])

    // 审阅 writing the 素材库 itself: refused, reaches no one
    const editorSnippets = await client('张三', 'editor', TEAM_SNIPPETS)
    const reviewerSnippets = connectClient(server.url, TEAM_SNIPPETS, await addMember(dir, '赵六', 'reviewer'))
    open.clients.push(reviewerSnippets)
    await reviewerSnippets.acknowledged()
    teamSnippetsMap(reviewerSnippets.doc).set('reviewerwrite001', teamEntryFrom(own, '', '赵六', Date.now()))
    await waitFor(() => reviewerSnippets.notices.length > 0, 10_000, 'the refusal of the reviewer’s write')
    expect(reviewerSnippets.notices[0]).toMatchObject({ kind: 'refused', code: 'team.readOnly', role: 'reviewer' })

    // 只读 proposing: refused, reaches no one
    const reader = await client('王五', 'reader', TEAM_SNIPPET_PROPOSALS)
    proposeSnippet(reader.doc, { ...own, title: '只读成员的提议' }, '', '王五', 1_700_000_000_001)
    await waitFor(() => reader.notices.length > 0, 10_000, 'the refusal of the reader’s proposal')
    expect(reader.notices[0]).toMatchObject({ kind: 'refused', code: 'team.readOnly', role: 'reader' })

    // a later member reads what the server kept: the reviewer's proposal only, nothing in the 素材库
    const later = await client('钱七', 'editor', TEAM_SNIPPET_PROPOSALS)
    expect(readProposals(copyOf(later.doc)).map((p) => p.title)).toEqual(['稿台提议素材'])
    const laterSnippets = await client('孙八', 'editor', TEAM_SNIPPETS)
    expect(teamSnippetsMap(copyOf(laterSnippets.doc)).size).toBe(0)
    expect(teamSnippetsMap(copyOf(editorSnippets.doc)).has('reviewerwrite001')).toBe(false)
  })

  it('采纳 puts a proposal into the 素材库 and every member’s local index; 退回 leaves the reason; a malformed one is never taken in', async () => {
    const { client } = await team()
    const editorProposals = await client('张三', 'editor', TEAM_SNIPPET_PROPOSALS)
    const editorSnippets = await client('张三', 'editor', TEAM_SNIPPETS)
    const reviewer = await client('李四', 'reviewer', TEAM_SNIPPET_PROPOSALS)
    const accepted = proposeSnippet(reviewer.doc, own, '优化营商环境', '李四', 1_700_000_000_000)
    const sentBack = proposeSnippet(reviewer.doc, { ...own, title: '稿台退回素材' }, '', '李四', 1_700_000_000_001)
    await reviewer.acknowledged()
    // an 编辑 member's old or broken client that writes nonsense (the server checks 审阅 members' changes, not 编辑's)
    editorProposals.doc.getMap(PROPOSALS_MAP).set('malformed0000001', { title: '坏提议', body: 'not a body', by: '李四', at: 1 })
    await editorProposals.acknowledged()
    await waitFor(() => editorProposals.doc.getMap(PROPOSALS_MAP).size === 3, 10_000, 'the proposals to reach the editor')
    expect(readProposals(editorProposals.doc).map((p) => p.title)).toEqual(['稿台提议素材', '稿台退回素材'])
    expect(acceptProposal(editorProposals.doc, editorSnippets.doc, 'malformed0000001', Date.now())).toBe(false)

    // 采纳
    expect(acceptProposal(editorProposals.doc, editorSnippets.doc, accepted, 1_700_000_100_000)).toBe(true)
    // 退回, with a reason
    expect(returnProposal(editorProposals.doc, sentBack, '与已有素材重复', '张三', 1_700_000_100_001)).toBe(true)
    await editorProposals.acknowledged()
    await editorSnippets.acknowledged()

    // the proposer sees it gone from the waiting list, and why the other came back
    await waitFor(() => readProposals(reviewer.doc).length === 0 && readReturned(reviewer.doc).length === 1, 10_000, 'the decisions to reach the proposer')
    expect(readReturned(reviewer.doc)[0]).toMatchObject({ id: sentBack, title: '稿台退回素材', by: '李四', reason: '与已有素材重复', returnedBy: '张三' })

    // any member's app mirrors the 素材库 into its local index: the accepted one is a team snippet there, the others never
    const member = await client('王五', 'reader', TEAM_SNIPPETS)
    const services = createServices({ dataDir: tempDir() })
    open.services.push(services)
    expect(await callApi(services.handlers, 'snippets.teamSync', fullBatch(teamSnippetsMap(member.doc)))).toMatchObject({ upserted: 1, skipped: 0, total: 1 })
    const hits = (await callApi(services.handlers, 'snippets.search', { query: '营商环境' })).hits.filter((h) => h.library === 'team')
    expect(hits.map((h) => ({ title: h.title, team: h.team }))).toEqual([{ title: '稿台提议素材', team: { id: accepted, by: '李四', category: '优化营商环境' } }])
    expect((await callApi(services.handlers, 'snippets.search', { query: '坏提议' })).hits).toEqual([])
    expect((await callApi(services.handlers, 'snippets.search', { query: '稿台退回' })).hits.filter((h) => h.library === 'team')).toEqual([])
  })

  it('a 审阅 member proposes only in their own name and takes back only their own; 退回 is for 编辑 members', async () => {
    const { client, dir, server } = await team()
    const editor = await client('张三', 'editor', TEAM_SNIPPET_PROPOSALS)
    const li = await client('李四', 'reviewer', TEAM_SNIPPET_PROPOSALS)
    const theirs = proposeSnippet(li.doc, own, '', '李四', 1_700_000_000_000)
    await li.acknowledged()
    // withdrawing one's own is fine
    const withdrawn = proposeSnippet(li.doc, { ...own, title: '稿台撤回素材' }, '', '李四', 1_700_000_000_001)
    await li.acknowledged()
    li.doc.getMap(PROPOSALS_MAP).delete(withdrawn)
    await li.acknowledged()
    await waitFor(() => readProposals(editor.doc).map((p) => p.id).join() === theirs, 10_000, 'the editor to see one proposal')
    expect(li.notices).toEqual([])

    // another 审阅 member: in another's name, removing another's, sending back — each refused, none stored
    const code = await addMember(dir, '赵六', 'reviewer')
    const attempts: ((doc: Y.Doc) => void)[] = [
      (doc) => proposeSnippet(doc, { ...own, title: '冒名的提议' }, '', '李四', 1_700_000_000_002),
      (doc) => doc.getMap(PROPOSALS_MAP).delete(theirs),
      (doc) => returnProposal(doc, theirs, '不要', '赵六', 1_700_000_000_003),
      (doc) => doc.getMap(PROPOSALS_MAP).set('badproposal00001', { title: '坏提议', body: 'not a body', by: '赵六', at: 1 }),
    ]
    for (const attempt of attempts) {
      const zhao = connectClient(server.url, TEAM_SNIPPET_PROPOSALS, code)
      open.clients.push(zhao)
      await zhao.acknowledged()
      attempt(zhao.doc)
      await waitFor(() => zhao.notices.length > 0, 10_000, 'the refusal')
      expect(zhao.notices[0]).toMatchObject({ kind: 'refused', code: 'team.readOnly', role: 'reviewer' })
      zhao.destroy()
    }
    // what the server holds is unchanged: a member connecting now reads 李四's one proposal
    const later = await client('钱七', 'editor', TEAM_SNIPPET_PROPOSALS)
    const held = copyOf(later.doc)
    expect(readProposals(held).map((p) => `${p.id}:${p.by}:${p.title}`)).toEqual([`${theirs}:李四:稿台提议素材`])
    expect(readReturned(held)).toEqual([])
    expect(held.getMap(PROPOSALS_MAP).size).toBe(1)
  })
})

/** Snippets proposed to the team (shared/team/proposals.ts): what is listed, taken in, sent back, and what a 审阅 member's change may do. */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { bodyFromText } from '../../shared/snippets'
import { acceptProposal, PROPOSALS_MAP, proposeSnippet, readProposals, readReturned, returnProposal, reviewerMayApply } from '../../shared/team/proposals'
import { parseTeamSnippetEntry, teamSnippetsMap } from '../../shared/team/snippets'

const own = { title: '开头语', body: bodyFromText('今年以来，在上级的坚强领导下。'), tags: ['开头语'] }

/** The update a change on a copy of `doc` makes. */
function changeOn(doc: Y.Doc, change: (copy: Y.Doc) => void): Uint8Array {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(copy)
  change(copy)
  return Y.encodeStateAsUpdate(copy, before)
}

describe('proposals', () => {
  it('lists valid proposals only; 采纳 makes a team snippet in the proposer’s name; 退回 keeps the reason', () => {
    const proposals = new Y.Doc()
    const snippets = new Y.Doc()
    const a = proposeSnippet(proposals, own, '开头', '李四', 2)
    const b = proposeSnippet(proposals, { ...own, title: '结尾' }, '', '李四', 1)
    proposals.getMap(PROPOSALS_MAP).set('broken0000000001', { title: '坏', body: [], by: '李四', at: 0 })
    expect(readProposals(proposals).map((p) => p.title)).toEqual(['结尾', '开头语'])
    expect(acceptProposal(proposals, snippets, 'broken0000000001', 5)).toBe(false)
    expect(teamSnippetsMap(snippets).size).toBe(0)

    expect(acceptProposal(proposals, snippets, a, 5)).toBe(true)
    expect(parseTeamSnippetEntry(teamSnippetsMap(snippets).get(a))).toEqual({ title: '开头语', body: own.body, category: '开头', tags: ['开头语'], by: '李四', updatedAt: 5 })
    expect(acceptProposal(proposals, snippets, a, 6)).toBe(false) // already taken in

    expect(returnProposal(proposals, b, '  重复了  ', '张三', 7)).toBe(true)
    expect(readProposals(proposals)).toEqual([])
    expect(readReturned(proposals)).toEqual([{ id: b, title: '结尾', by: '李四', at: 1, reason: '重复了', returnedBy: '张三', returnedAt: 7 }])
  })

  it('a 审阅 member’s change: proposing, withdrawing and dismissing their own only', () => {
    const doc = new Y.Doc()
    const mine = proposeSnippet(doc, own, '', '李四', 1)
    const other = proposeSnippet(doc, own, '', '赵六', 2)
    const returned = proposeSnippet(doc, own, '', '李四', 3)
    returnProposal(doc, returned, '', '张三', 4)
    expect(reviewerMayApply(doc, changeOn(doc, (c) => proposeSnippet(c, own, '', '李四', 5)), '李四')).toBe(true)
    expect(reviewerMayApply(doc, changeOn(doc, (c) => c.getMap(PROPOSALS_MAP).delete(mine)), '李四')).toBe(true)
    expect(reviewerMayApply(doc, changeOn(doc, (c) => c.getMap('returned').delete(returned)), '李四')).toBe(true)
    // someone else's name, someone else's proposal, deciding, malformed, another shared type
    expect(reviewerMayApply(doc, changeOn(doc, (c) => proposeSnippet(c, own, '', '赵六', 5)), '李四')).toBe(false)
    expect(reviewerMayApply(doc, changeOn(doc, (c) => c.getMap(PROPOSALS_MAP).delete(other)), '李四')).toBe(false)
    expect(reviewerMayApply(doc, changeOn(doc, (c) => returnProposal(c, mine, '', '李四', 6)), '李四')).toBe(false)
    expect(reviewerMayApply(doc, changeOn(doc, (c) => c.getMap(PROPOSALS_MAP).set('xxxxxxxxxxxxxxxx', { by: '李四' })), '李四')).toBe(false)
    expect(reviewerMayApply(doc, changeOn(doc, (c) => c.getMap('other').set('k', 1)), '李四')).toBe(false)
    expect(reviewerMayApply(doc, new Uint8Array([0xff, 0x01]), '李四')).toBe(false)
  })
})

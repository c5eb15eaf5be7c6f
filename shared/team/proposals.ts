/**
 * Snippets proposed to the team (提议给团队): a member who may not change the team's 素材库 (审阅)
 * offers one of their own snippets; an 编辑 member takes it in (采纳) or sends it back (退回, with
 * an optional reason the proposer reads). They wait in their own Y doc, TEAM_SNIPPET_PROPOSALS,
 * because the server decides rights per document: 编辑 and 审阅 may write this one, only 编辑 may
 * write TEAM_SNIPPETS, 只读 neither (protocol.ts accessFor).
 *
 *   Y.Map "proposals": id → TeamProposal   (waiting for an 编辑 member)
 *   Y.Map "returned":  id → TeamReturned   (退回, until the proposer has read it)
 *
 * Values are plain JSON; whatever another client wrote is checked here (zod) before it is shown or
 * taken in, so a malformed proposal never reaches the team's 素材库. The server also checks what a
 * 审阅 member's change does here (reviewerMayApply): they propose in their own name and withdraw or
 * dismiss only their own; deciding is for 编辑 members.
 *
 * Pure: yjs and zod only.
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { LIMITS, SnippetBodySchema, SnippetTagsSchema, type SnippetBody } from '../snippets/model'
import { newTeamSnippetId, teamEntryFrom, teamSnippetIdSchema, teamSnippetsMap } from './snippets'

export const PROPOSALS_MAP = 'proposals'
export const RETURNED_MAP = 'returned'

const memberName = z.string().min(1).max(100)

export const teamProposalSchema = z.strictObject({
  title: z.string().trim().min(1).max(LIMITS.title),
  body: SnippetBodySchema.refine((body) => body.length > 0, 'empty body'),
  /** the proposer's category, as a path of names ("工作措施/安全生产") */
  category: z.string().max(LIMITS.categoryName * 8),
  tags: SnippetTagsSchema,
  /** who proposed it */
  by: memberName,
  at: z.number().int().nonnegative(),
})
export type TeamProposal = z.infer<typeof teamProposalSchema> & { id: string }

export const teamReturnedSchema = z.strictObject({
  title: z.string().max(LIMITS.title),
  /** who proposed it: the one who reads the reason */
  by: memberName,
  at: z.number().int().nonnegative(),
  /** the 编辑 member's words, may be empty */
  reason: z.string().max(500),
  returnedBy: memberName,
  returnedAt: z.number().int().nonnegative(),
})
export type TeamReturned = z.infer<typeof teamReturnedSchema> & { id: string }

const proposals = (doc: Y.Doc) => doc.getMap<unknown>(PROPOSALS_MAP)
const returned = (doc: Y.Doc) => doc.getMap<unknown>(RETURNED_MAP)

function readValid<T>(map: Y.Map<unknown>, schema: z.ZodType<T>): (T & { id: string })[] {
  const out: (T & { id: string })[] = []
  map.forEach((value, id) => {
    if (!teamSnippetIdSchema.safeParse(id).success) return
    const parsed = schema.safeParse(value)
    if (parsed.success) out.push({ ...parsed.data, id })
  })
  return out
}

/** The proposals waiting, oldest first (the order an 编辑 member goes through them); malformed ones left out. */
export function readProposals(doc: Y.Doc): TeamProposal[] {
  return readValid(proposals(doc), teamProposalSchema).sort((a, b) => a.at - b.at || a.id.localeCompare(b.id))
}

/** Proposals sent back, newest first. */
export function readReturned(doc: Y.Doc): TeamReturned[] {
  return readValid(returned(doc), teamReturnedSchema).sort((a, b) => b.returnedAt - a.returnedAt)
}

/** 提议给团队: one of the member's own snippets, waiting for an 编辑 member. Answers its id. */
export function proposeSnippet(doc: Y.Doc, snippet: { title: string; body: SnippetBody; tags: readonly string[] }, category: string, by: string, now: number): string {
  const id = newTeamSnippetId()
  const proposal = teamProposalSchema.parse({ title: snippet.title.trim() || '素材', body: snippet.body, category, tags: [...snippet.tags], by, at: now })
  proposals(doc).set(id, proposal)
  return id
}

/**
 * 采纳: the proposal becomes a team snippet (in the TEAM_SNIPPETS doc, under the same id, provided
 * by its proposer) and leaves the waiting list. Answers false, changing nothing, when the proposal
 * is gone (another 编辑 member was quicker) or malformed.
 */
export function acceptProposal(proposalsDoc: Y.Doc, snippetsDoc: Y.Doc, id: string, now: number): boolean {
  const proposal = teamProposalSchema.safeParse(proposals(proposalsDoc).get(id))
  if (!proposal.success || !teamSnippetIdSchema.safeParse(id).success) return false
  const { title, body, tags, category, by } = proposal.data
  teamSnippetsMap(snippetsDoc).set(id, teamEntryFrom({ title, body, tags }, category, by, now))
  proposals(proposalsDoc).delete(id)
  return true
}

/** 退回: the proposal leaves the waiting list; its proposer finds it under 已退回 with the reason. */
export function returnProposal(doc: Y.Doc, id: string, reason: string, returnedBy: string, now: number): boolean {
  const map = proposals(doc)
  const raw = map.get(id)
  const proposal = teamProposalSchema.safeParse(raw)
  doc.transact(() => {
    map.delete(id)
    if (proposal.success) {
      const { title, by, at } = proposal.data
      returned(doc).set(id, teamReturnedSchema.parse({ title, by, at, reason: reason.trim().slice(0, 500), returnedBy, returnedAt: now }))
    }
  })
  return raw !== undefined
}

/** The proposer has read why it came back (知道了), or withdraws a proposal still waiting (撤回). */
export function forgetProposal(doc: Y.Doc, id: string): void {
  doc.transact(() => {
    proposals(doc).delete(id)
    returned(doc).delete(id)
  })
}

/** The two maps as JSON text per key, to compare a document before and after a change. */
function entries(doc: Y.Doc): Map<string, string> {
  const out = new Map<string, string>()
  for (const name of [PROPOSALS_MAP, RETURNED_MAP]) doc.getMap<unknown>(name).forEach((value, key) => out.set(`${name}\u0000${key}`, JSON.stringify(value instanceof Y.AbstractType ? value.toJSON() : value)))
  return out
}

const ownerOf = (json: string | undefined): unknown => {
  try {
    return json === undefined ? undefined : (JSON.parse(json) as { by?: unknown }).by
  } catch {
    return undefined
  }
}

/**
 * Whether a 审阅 member's change to the proposals document stays within what they may do: add
 * well-formed proposals in their own name, take back their own (撤回), and forget their own
 * returned ones (知道了). Anything else — a proposal in another's name, touching another's, a
 * 退回 (that is for 编辑 members), any other shared type — is refused by the server.
 */
export function reviewerMayApply(current: Y.Doc, update: Uint8Array, member: string): boolean {
  const doc = new Y.Doc({ gc: false })
  try {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(current))
    const before = entries(doc)
    const types = new Set(doc.share.keys())
    Y.applyUpdate(doc, update)
    if ([...doc.share.keys()].some((name) => !types.has(name) && name !== PROPOSALS_MAP && name !== RETURNED_MAP)) return false
    const after = entries(doc)
    for (const key of new Set([...before.keys(), ...after.keys()])) {
      const was = before.get(key)
      const now = after.get(key)
      if (was === now) continue
      const [map, id = ''] = key.split('\u0000')
      if (was !== undefined && ownerOf(was) !== member) return false // another's, changed or removed
      if (now === undefined) continue // one's own, withdrawn or dismissed
      if (map !== PROPOSALS_MAP || !teamSnippetIdSchema.safeParse(id).success) return false
      const proposal = teamProposalSchema.safeParse(JSON.parse(now))
      if (!proposal.success || proposal.data.by !== member) return false
    }
    return true
  } catch {
    return false
  } finally {
    doc.destroy()
  }
}

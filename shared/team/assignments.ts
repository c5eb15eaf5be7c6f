/**
 * 分工: who writes which section of a team document, by when, and how far it is (待写 → 起草中 →
 * 已交稿 → 已审). Kept in the `#comments` companion document (审阅 members may write there), in
 * Y.Map "assignments": section key → one Y.Map per section (fields merge: the writer moving the
 * state and the 统稿 changing the due date at the same moment both stay).
 *
 * A section is named by its heading, and headings change: the writer retitles it, renumbers it,
 * moves the whole section. So an assignment keeps two handles on its heading:
 *   - `heading.anchor`, a relative position naming the heading's element in the content document
 *     (anchors.ts, elementAnchor): it survives any edit to the heading's text;
 *   - `heading.title`, the heading's text when last seen: moving a section re-creates its
 *     elements in Yjs (there is no "move" in a CRDT), which kills the anchor but keeps the text.
 * A client that finds the section by its title writes the new anchor back (reanchor), and a client
 * that finds it by its anchor keeps the title up to date. Only a heading both moved and retitled
 * at once is lost; the assignment then shows as 未找到 until someone assigns the section again.
 * The key is the heading element's Yjs id when first assigned: two members assigning the same
 * heading at once write the same entry.
 *
 * Rights here are the app's rules (the server only lets 编辑 and 审阅 write this document at all).
 */
import * as Y from 'yjs'
import { z } from 'zod'
import type { TeamRole } from './protocol'
import { relativePositionJsonSchema, type RelativePositionJson } from './anchors'

export const ASSIGNMENTS = 'assignments'

/** 待写 / 起草中 / 已交稿 / 已审 */
export const ASSIGNMENT_STATES = ['todo', 'drafting', 'submitted', 'reviewed'] as const
export const assignmentStateSchema = z.enum(ASSIGNMENT_STATES)
export type AssignmentState = z.infer<typeof assignmentStateSchema>

const nameSchema = z.string().min(1).max(100)
/** A due date as the date input gives it: YYYY-MM-DD. */
export const dueDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const assignmentSchema = z.object({
  heading: z.object({
    anchor: relativePositionJsonSchema,
    title: z.string().max(500),
    level: z.union([z.literal(1), z.literal(2)]),
  }),
  member: nameSchema,
  due: dueDateSchema.nullable(),
  state: assignmentStateSchema,
  /** who last changed it, and when (ms) */
  by: nameSchema,
  at: z.number(),
})
export type Assignment = z.infer<typeof assignmentSchema>
export interface KeyedAssignment extends Assignment {
  key: string
}

export const assignmentsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(ASSIGNMENTS)

function plain(value: unknown): unknown {
  return value instanceof Y.AbstractType ? (value.toJSON() as unknown) : value
}

/** Every well-formed assignment; an entry another client wrote wrong is left out, never thrown on. */
export function readAssignments(doc: Y.Doc): KeyedAssignment[] {
  const out: KeyedAssignment[] = []
  assignmentsMap(doc).forEach((value, key) => {
    const parsed = assignmentSchema.safeParse(plain(value))
    if (parsed.success) out.push({ key, ...parsed.data })
  })
  return out
}

export interface Actor {
  name: string
  role: TeamRole
}

/** 编辑 members divide the work (the 统稿 is one of them). */
export const canAssign = (me: Actor): boolean => me.role === 'editor'

/**
 * The states `me` may move an assignment to (besides where it is): the member it is assigned to
 * moves it between 待写, 起草中 and 已交稿 until it is 已审; a 审阅 member marks a handed-in section
 * 已审 or sends it back to 起草中; a 编辑 (the 统稿) may set any state.
 */
export function statesFor(me: Actor, a: Pick<Assignment, 'member' | 'state'>): AssignmentState[] {
  if (me.role === 'editor') return [...ASSIGNMENT_STATES]
  if (me.role === 'reader') return []
  const states = new Set<AssignmentState>()
  if (a.member === me.name && a.state !== 'reviewed') for (const s of ['todo', 'drafting', 'submitted'] as const) states.add(s)
  if (me.role === 'reviewer' && (a.state === 'submitted' || a.state === 'reviewed')) for (const s of ['drafting', 'submitted', 'reviewed'] as const) states.add(s)
  return ASSIGNMENT_STATES.filter((s) => states.has(s))
}

export const mayMove = (me: Actor, a: Pick<Assignment, 'member' | 'state'>, to: AssignmentState): boolean => statesFor(me, a).includes(to)

/** Assigns (or reassigns) a section: a new entry starts 待写, a reassigned one keeps its state. */
export function assign(
  doc: Y.Doc,
  key: string,
  heading: { anchor: RelativePositionJson; title: string; level: 1 | 2 },
  member: string,
  due: string | null,
  me: Actor,
  now = Date.now(),
): void {
  if (!canAssign(me)) throw new Error('only 编辑 members assign sections')
  const map = assignmentsMap(doc)
  doc.transact(() => {
    const existing = map.get(key)
    const entry: Y.Map<unknown> = existing instanceof Y.Map ? existing : new Y.Map<unknown>()
    if (entry !== existing) map.set(key, entry)
    if (!assignmentStateSchema.safeParse(entry.get('state')).success) entry.set('state', 'todo')
    entry.set('heading', heading)
    entry.set('member', member)
    entry.set('due', due)
    entry.set('by', me.name)
    entry.set('at', now)
  })
}

export function unassign(doc: Y.Doc, key: string, me: Actor): void {
  if (!canAssign(me)) throw new Error('only 编辑 members remove assignments')
  assignmentsMap(doc).delete(key)
}

/** Moves a section's state; false (nothing written) when `me` may not. */
export function setState(doc: Y.Doc, key: string, to: AssignmentState, me: Actor, now = Date.now()): boolean {
  const entry = assignmentsMap(doc).get(key)
  if (!(entry instanceof Y.Map)) return false
  const parsed = assignmentSchema.safeParse(entry.toJSON())
  if (!parsed.success || !mayMove(me, parsed.data, to)) return false
  doc.transact(() => {
    entry.set('state', to)
    entry.set('by', me.name)
    entry.set('at', now)
  })
  return true
}

/** Keeps the heading's handles current (see the top of this file); writes only what changed. */
export function reanchor(doc: Y.Doc, key: string, heading: { anchor: RelativePositionJson; title: string; level: 1 | 2 }): void {
  const entry = assignmentsMap(doc).get(key)
  if (!(entry instanceof Y.Map)) return
  const now = entry.get('heading')
  if (JSON.stringify(now) !== JSON.stringify(heading)) entry.set('heading', heading)
}

/** Progress at a glance: how many assigned sections are handed in (已交稿 or 已审) and reviewed. */
export function progress(assignments: readonly Pick<Assignment, 'state'>[]): { total: number; submitted: number; reviewed: number } {
  let submitted = 0
  let reviewed = 0
  for (const a of assignments) {
    if (a.state === 'submitted' || a.state === 'reviewed') submitted++
    if (a.state === 'reviewed') reviewed++
  }
  return { total: assignments.length, submitted, reviewed }
}

/**
 * Which assignment belongs to which heading of the outline. `resolve` turns an anchor into the
 * key of the heading it names now (or null); `headings` are the outline's level-1/2 headings.
 * An anchor that names a heading wins; otherwise an unclaimed heading with the same title and
 * level (the section was moved). When two entries land on one heading, the latest change wins.
 */
export function matchAssignments<H extends { key: string; title: string; level: number }>(
  assignments: readonly KeyedAssignment[],
  headings: readonly H[],
  resolve: (anchor: RelativePositionJson) => string | null,
): { byHeading: Map<string, KeyedAssignment>; lost: KeyedAssignment[]; moved: { assignment: KeyedAssignment; heading: H }[] } {
  const byHeading = new Map<string, KeyedAssignment>()
  const known = new Map(headings.map((h) => [h.key, h]))
  const waiting: KeyedAssignment[] = []
  const take = (key: string, a: KeyedAssignment) => {
    const other = byHeading.get(key)
    if (!other || other.at < a.at) byHeading.set(key, a)
  }
  for (const a of assignments) {
    const key = resolve(a.heading.anchor)
    if (key !== null && known.has(key)) take(key, a)
    else waiting.push(a)
  }
  const lost: KeyedAssignment[] = []
  const moved: { assignment: KeyedAssignment; heading: H }[] = []
  for (const a of waiting) {
    const title = a.heading.title.trim()
    const heading = title ? headings.find((h) => !byHeading.has(h.key) && h.level === a.heading.level && h.title.trim() === title) : undefined
    if (heading) {
      byHeading.set(heading.key, a)
      moved.push({ assignment: a, heading })
    } else lost.push(a)
  }
  return { byHeading, lost, moved }
}

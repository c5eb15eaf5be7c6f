/**
 * 批注: comment threads on a team document's text, kept in the `#comments` companion document
 * (审阅 members may write it; the text itself is read-only for them), Y.Map "threads":
 * thread id → a Y.Map { anchor, quote, comments: Y.Array, resolved, resolvedBy, resolvedAt }.
 * Replies are pushed to the thread's own Y.Array, so two members answering at once both stay.
 *
 * `anchor` holds relative positions into the CONTENT document (anchors.ts: rangeAnchor): the
 * thread follows its phrase as others edit before it or inside it. `quote` is the phrase as it was
 * commented, shown when the phrase has been deleted. Comments are never part of the text: the
 * editor draws them as an overlay, so print and export leave them out by construction.
 */
import * as Y from 'yjs'
import { z } from 'zod'
import { relativePositionJsonSchema, type RelativePositionJson } from './anchors'
import type { TeamRole } from './protocol'

export const THREADS = 'threads'
export const COMMENT_MAX = 5000
export const QUOTE_MAX = 500

const nameSchema = z.string().min(1).max(100)

export const commentSchema = z.object({
  id: z.string().min(1).max(100),
  author: nameSchema,
  at: z.number(),
  text: z.string().min(1).max(COMMENT_MAX),
})
export type Comment = z.infer<typeof commentSchema>

export const threadAnchorSchema = z.object({ start: relativePositionJsonSchema, end: relativePositionJsonSchema })
export type ThreadAnchor = z.infer<typeof threadAnchorSchema>

const threadSchema = z.object({
  anchor: threadAnchorSchema,
  quote: z.string().max(QUOTE_MAX),
  comments: z.array(z.unknown()),
  resolved: z.boolean().default(false),
  resolvedBy: nameSchema.nullable().default(null),
  resolvedAt: z.number().nullable().default(null),
})
export interface Thread {
  id: string
  anchor: ThreadAnchor
  quote: string
  /** the first comment opens the thread; the others reply to it, oldest first */
  comments: Comment[]
  resolved: boolean
  resolvedBy: string | null
  resolvedAt: number | null
}

export const threadsMap = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(THREADS)

/** Members who may comment: 编辑 and 审阅 (the server refuses 只读 members' writes anyway). */
export const canComment = (role: TeamRole): boolean => role === 'editor' || role === 'reviewer'

/**
 * Every well-formed thread, oldest first. A thread another client wrote wrong is left out, and so
 * is a malformed comment inside a good thread; a thread left with no comment is left out too.
 */
export function readThreads(doc: Y.Doc): Thread[] {
  const out: Thread[] = []
  threadsMap(doc).forEach((value, id) => {
    const parsed = threadSchema.safeParse(value instanceof Y.AbstractType ? value.toJSON() : value)
    if (!parsed.success) return
    const comments = parsed.data.comments.flatMap((c) => {
      const comment = commentSchema.safeParse(c)
      return comment.success ? [comment.data] : []
    })
    if (comments.length === 0) return
    out.push({ id, anchor: parsed.data.anchor, quote: parsed.data.quote, comments, resolved: parsed.data.resolved, resolvedBy: parsed.data.resolvedBy, resolvedAt: parsed.data.resolvedAt })
  })
  return out.sort((a, b) => a.comments[0]!.at - b.comments[0]!.at || (a.id < b.id ? -1 : 1))
}

/** An id no other client will make: this client's Yjs id, the time and a random part. */
export function newId(doc: Y.Doc): string {
  return `${doc.clientID.toString(36)}-${Date.now().toString(36)}-${Math.floor(Math.random() * 36 ** 6).toString(36)}`
}

function cleanText(text: string): string {
  const trimmed = text.trim()
  if (!trimmed) throw new Error('a comment needs some text')
  return trimmed.slice(0, COMMENT_MAX)
}

/** Opens a thread on a phrase: its anchor, its words as they are now, the first comment. */
export function addThread(doc: Y.Doc, anchor: { start: RelativePositionJson; end: RelativePositionJson }, quote: string, author: string, text: string, now = Date.now()): string {
  const id = newId(doc)
  const body = cleanText(text)
  doc.transact(() => {
    const thread = new Y.Map<unknown>()
    threadsMap(doc).set(id, thread)
    thread.set('anchor', anchor)
    thread.set('quote', quote.slice(0, QUOTE_MAX))
    thread.set('resolved', false)
    thread.set('resolvedBy', null)
    thread.set('resolvedAt', null)
    const comments = new Y.Array<unknown>()
    thread.set('comments', comments)
    comments.push([{ id: newId(doc), author, at: now, text: body } satisfies Comment])
  })
  return id
}

function threadOf(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const thread = threadsMap(doc).get(id)
  return thread instanceof Y.Map ? thread : null
}

/** Answers a thread (reopens it: a reply to a resolved thread is a new question). False when it is gone. */
export function reply(doc: Y.Doc, threadId: string, author: string, text: string, now = Date.now()): boolean {
  const thread = threadOf(doc, threadId)
  const comments = thread?.get('comments')
  if (!thread || !(comments instanceof Y.Array)) return false
  const body = cleanText(text)
  doc.transact(() => {
    comments.push([{ id: newId(doc), author, at: now, text: body } satisfies Comment])
    if (thread.get('resolved') === true) setResolvedFields(thread, false, null, null)
  })
  return true
}

function setResolvedFields(thread: Y.Map<unknown>, resolved: boolean, by: string | null, at: number | null) {
  thread.set('resolved', resolved)
  thread.set('resolvedBy', by)
  thread.set('resolvedAt', at)
}

/** 解决 / 重新打开 */
export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, by: string, now = Date.now()): boolean {
  const thread = threadOf(doc, threadId)
  if (!thread) return false
  doc.transact(() => setResolvedFields(thread, resolved, resolved ? by : null, resolved ? now : null))
  return true
}

/** Deletes a whole thread: its author or a 编辑 member (the UI asks first). */
export function deleteThread(doc: Y.Doc, threadId: string): void {
  threadsMap(doc).delete(threadId)
}

export const mayDeleteThread = (me: { name: string; role: TeamRole }, thread: Pick<Thread, 'comments'>): boolean =>
  me.role === 'editor' || (me.role === 'reviewer' && thread.comments[0]?.author === me.name)

/** Moves a thread's anchor (its phrase found again after the text was re-created); false when it is gone. */
export function setAnchor(doc: Y.Doc, threadId: string, anchor: ThreadAnchor): boolean {
  const thread = threadOf(doc, threadId)
  if (!thread) return false
  if (JSON.stringify(thread.get('anchor')) !== JSON.stringify(anchor)) thread.set('anchor', anchor)
  return true
}

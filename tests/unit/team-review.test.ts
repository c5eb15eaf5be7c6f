/**
 * 批注 and 分工 as data (shared/team/): anchors that follow the text others edit, threads with
 * replies from two members at once, resolve and reopen, assignments and who may move them, and
 * entries another client wrote wrong skipped rather than breaking the panel. Plain Y.Docs laid out
 * as @lexical/yjs lays out the text (root XmlText → one XmlText per block → a Y.Map then the
 * characters per text run), synced to each other as the server would.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { childPath, childSpans, elementAnchor, elementKey, rangeAnchor, resolveElement, resolvePosition, spanPoint, typeAtPath, type RelativePositionJson } from '../../shared/team/anchors'
import { assign, matchAssignments, progress, readAssignments, reanchor, setState, statesFor, unassign, assignmentsMap } from '../../shared/team/assignments'
import { addThread, deleteThread, readThreads, reply, setResolved, threadsMap } from '../../shared/team/comments'

/** A block as @lexical/yjs stores it: an XmlText holding a text node's map and its characters. */
function block(type: string, text: string): Y.XmlText {
  const xml = new Y.XmlText()
  xml.setAttribute('__type', type)
  const map = new Y.Map<unknown>()
  map.set('__type', 'text')
  xml.insertEmbed(0, map)
  xml.insert(1, text)
  return xml
}

function contentDoc(blocks: [string, string][]): Y.Doc {
  const doc = new Y.Doc()
  const root = doc.get('root', Y.XmlText)
  blocks.forEach(([type, text], i) => root.insertEmbed(i, block(type, text)))
  return doc
}

/** Two clients of one document, every change passed to the other (as the server would). */
function pair(make: () => Y.Doc): [Y.Doc, Y.Doc] {
  const a = make()
  const b = new Y.Doc()
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'))
  return [a, b]
}

const blockAt = (doc: Y.Doc, i: number) => typeAtPath(doc.get('root', Y.XmlText), [i])!
/** The characters between two resolved positions in one block (what a highlight covers). */
function covered(doc: Y.Doc, anchor: { start: RelativePositionJson; end: RelativePositionJson }): string | null {
  const start = resolvePosition(doc, anchor.start)
  const end = resolvePosition(doc, anchor.end)
  if (!start || !end || start.type !== end.type) return null
  return (start.type as Y.XmlText).toDelta().map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : '¶')).join('').slice(start.index, end.index)
}

describe('anchors (relative positions into the text)', () => {
  it('a phrase stays covered when others type before it, inside it and right after it', () => {
    const [a, b] = pair(() => contentDoc([['paragraph', '今年完成了三项重点工作。'], ['paragraph', '明年继续。']]))
    const p = blockAt(a, 0)
    // "三项重点工作" is characters 5..11 of the text, after the text node's map (index 0)
    const anchor = rangeAnchor(p, 1 + 5, p, 1 + 11)
    expect(covered(a, anchor)).toBe('三项重点工作')
    const pb = blockAt(b, 0)
    pb.insert(1, '全处')
    expect(covered(a, anchor)).toBe('三项重点工作')
    expect(covered(b, anchor)).toBe('三项重点工作')
    // typed inside: the phrase grows; typed right after it: it does not
    // 全处今年完成了三项重|点工作|。
    pb.insert(1 + 10, '大')
    pb.insert(1 + 14, '，超额完成')
    expect(covered(a, anchor)).toBe('三项重大点工作')
    expect(a.get('root', Y.XmlText).toString()).toBe(b.get('root', Y.XmlText).toString())
  })

  it('a deleted phrase resolves to an empty range; a deleted block to nothing', () => {
    const doc = contentDoc([['paragraph', '甲乙丙丁'], ['paragraph', '戊己']])
    const p = blockAt(doc, 0)
    const anchor = rangeAnchor(p, 2, p, 4)
    expect(covered(doc, anchor)).toBe('乙丙')
    p.delete(2, 2)
    expect(covered(doc, anchor)).toBe('')
    doc.get('root', Y.XmlText).delete(0, 1)
    expect(resolvePosition(doc, anchor.start)).toBeNull()
  })

  it('maps a Yjs index to a child and offset, and a block to its path and back', () => {
    const p = new Y.XmlText()
    const doc = new Y.Doc()
    doc.get('root', Y.XmlText).insertEmbed(0, p)
    const bold = new Y.Map<unknown>()
    bold.set('__type', 'text')
    const br = new Y.Map<unknown>()
    br.set('__type', 'linebreak')
    const plainRun = new Y.Map<unknown>()
    plainRun.set('__type', 'text')
    // [map]一二[linebreak][map]三四五
    p.insertEmbed(0, bold)
    p.insert(1, '一二')
    p.insertEmbed(3, br)
    p.insertEmbed(4, plainRun)
    p.insert(5, '三四五')
    const spans = childSpans(p)
    expect(spans.map((s) => [s.start, s.text])).toEqual([[0, 2], [3, 0], [4, 3]])
    expect(spanPoint(spans, 1, 'right')).toEqual({ child: 0, offset: 0, inText: true })
    expect(spanPoint(spans, 3, 'left')).toEqual({ child: 0, offset: 2, inText: true })
    expect(spanPoint(spans, 3, 'right')).toEqual({ child: 1, offset: 0, inText: false })
    expect(spanPoint(spans, 6, 'right')).toEqual({ child: 2, offset: 1, inText: true })
    expect(spanPoint(spans, 8, 'left')).toEqual({ child: 2, offset: 3, inText: true })
    const root = doc.get('root', Y.XmlText)
    expect(childPath(root, p)).toEqual([0])
    expect(typeAtPath(root, [0])).toBe(p)
    expect(typeAtPath(root, [1])).toBeNull()
  })

  it('an element anchor names its heading through retitling and nothing once it is deleted', () => {
    const [a, b] = pair(() => contentDoc([['heading', '一、主要工作'], ['paragraph', '正文'], ['heading', '二、问题']]))
    const heading = blockAt(a, 2)
    const anchor = elementAnchor(heading)
    blockAt(b, 2).insert(3, '存在的')
    b.get('root', Y.XmlText).insertEmbed(0, block('paragraph', '前言'))
    expect(resolveElement(a, anchor)).toBe(heading)
    expect(elementKey(resolveElement(b, anchor)!)).toBe(elementKey(heading))
    b.get('root', Y.XmlText).delete(3, 1)
    expect(resolveElement(a, anchor)).toBeNull()
  })
})

const editor = { name: '王统稿', role: 'editor' as const }
const writer = { name: '张三', role: 'editor' as const }
const reviewer = { name: '李处长', role: 'reviewer' as const }
const reader = { name: '赵六', role: 'reader' as const }
const headingRef = (title: string) => ({ anchor: { tname: 'root', assoc: 0 }, title, level: 1 as const })

describe('分工 (assignments)', () => {
  it('assigns, lists and moves states as each member may', () => {
    const doc = new Y.Doc()
    assign(doc, 's1', headingRef('一、主要工作'), '张三', '2026-12-20', editor, 1)
    assign(doc, 's2', headingRef('二、问题'), '李四', null, editor, 2)
    expect(() => assign(doc, 's3', headingRef('三、打算'), '张三', null, reviewer)).toThrow()
    expect(readAssignments(doc).map((a) => [a.key, a.member, a.due, a.state])).toEqual([
      ['s1', '张三', '2026-12-20', 'todo'],
      ['s2', '李四', null, 'todo'],
    ])
    const writerMe = { name: '张三', role: 'reviewer' as const }
    // the assignee moves their own section up to 已交稿; not someone else's, not to 已审
    expect(setState(doc, 's1', 'drafting', writerMe)).toBe(true)
    expect(setState(doc, 's2', 'drafting', writerMe)).toBe(false)
    expect(setState(doc, 's1', 'reviewed', writerMe)).toBe(false)
    expect(setState(doc, 's1', 'submitted', writerMe)).toBe(true)
    // the reviewer marks it 已审; after that the assignee cannot move it
    expect(setState(doc, 's1', 'reviewed', reviewer)).toBe(true)
    expect(statesFor(reader, { member: '赵六', state: 'todo' })).toEqual([])
    expect(statesFor({ name: '张三', role: 'reviewer' }, { member: '张三', state: 'todo' })).toEqual(['todo', 'drafting', 'submitted'])
    expect(setState(doc, 's2', 'reviewed', reviewer)).toBe(false)
    expect(setState(doc, 's2', 'submitted', reader)).toBe(false)
    const s1 = readAssignments(doc).find((a) => a.key === 's1')!
    expect([s1.state, s1.by]).toEqual(['reviewed', '李处长'])
    expect(progress(readAssignments(doc))).toEqual({ total: 2, submitted: 1, reviewed: 1 })
    // reassigning keeps the state; unassigning is the 编辑's
    assign(doc, 's1', headingRef('一、主要工作'), '王五', '2026-12-25', writer)
    expect(readAssignments(doc).find((a) => a.key === 's1')).toMatchObject({ member: '王五', state: 'reviewed' })
    expect(() => unassign(doc, 's1', reviewer)).toThrow()
    unassign(doc, 's1', editor)
    expect(readAssignments(doc).map((a) => a.key)).toEqual(['s2'])
  })

  it('keeps both of two changes made at once to one section, and skips entries written wrong', () => {
    const [a, b] = pair(() => new Y.Doc())
    assign(a, 's1', headingRef('一、主要工作'), '张三', '2026-12-20', editor, 1)
    // offline at the same time: the assignee moves the state, the 统稿 moves the due date
    const aUpdates: Uint8Array[] = []
    const bUpdates: Uint8Array[] = []
    const a2 = new Y.Doc()
    const b2 = new Y.Doc()
    Y.applyUpdate(a2, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(b2, Y.encodeStateAsUpdate(b))
    a2.on('update', (u: Uint8Array) => aUpdates.push(u))
    b2.on('update', (u: Uint8Array) => bUpdates.push(u))
    setState(a2, 's1', 'drafting', { name: '张三', role: 'editor' })
    ;(assignmentsMap(b2).get('s1') as Y.Map<unknown>).set('due', '2026-12-31')
    for (const u of bUpdates) Y.applyUpdate(a2, u)
    for (const u of aUpdates) Y.applyUpdate(b2, u)
    for (const d of [a2, b2]) expect(readAssignments(d)[0]).toMatchObject({ state: 'drafting', due: '2026-12-31' })

    const map = assignmentsMap(a)
    map.set('bad1', { member: '张三' })
    map.set('bad2', 'nonsense')
    const bad3 = new Y.Map<unknown>()
    map.set('bad3', bad3)
    bad3.set('heading', headingRef('x'))
    bad3.set('member', '张三')
    bad3.set('due', 'next week')
    bad3.set('state', 'todo')
    bad3.set('by', '张三')
    bad3.set('at', 1)
    expect(readAssignments(b).map((x) => x.key)).toEqual(['s1'])
    expect(setState(b, 'bad1', 'drafting', editor)).toBe(false)
  })

  it('finds each section by its heading anchor, by its title after a move, and reports the lost', () => {
    const doc = new Y.Doc()
    const anchorTo = (key: string): RelativePositionJson => ({ tname: key, assoc: 0 })
    assign(doc, 'a', { anchor: anchorTo('h1'), title: '一、主要工作', level: 1 }, '张三', null, editor, 1)
    assign(doc, 'b', { anchor: anchorTo('gone'), title: '二、问题', level: 1 }, '李四', null, editor, 2)
    assign(doc, 'c', { anchor: anchorTo('gone'), title: '三、打算', level: 1 }, '王五', null, editor, 3)
    const headings = [
      { key: 'h1', title: '一、主要工作（修改）', level: 1 },
      { key: 'h2', title: '二、问题', level: 1 },
    ]
    const { byHeading, lost, moved } = matchAssignments(readAssignments(doc), headings, (a) => a.tname ?? null)
    expect([...byHeading].map(([h, a]) => [h, a.key])).toEqual([['h1', 'a'], ['h2', 'b']])
    expect(lost.map((a) => a.key)).toEqual(['c'])
    expect(moved.map((m) => [m.assignment.key, m.heading.key])).toEqual([['b', 'h2']])
    reanchor(doc, 'b', { anchor: anchorTo('h2'), title: '二、问题', level: 1 })
    expect(readAssignments(doc).find((a) => a.key === 'b')!.heading.anchor.tname).toBe('h2')
  })
})

describe('批注 (comment threads)', () => {
  const anchor = { start: { tname: 'root', assoc: 0 }, end: { tname: 'root', assoc: -1 } }

  it('opens threads, takes replies from two members at once, resolves and reopens', () => {
    const [a, b] = pair(() => new Y.Doc())
    const id = addThread(a, anchor, '三项重点工作', '李处长', '  数字要核实  ', 10)
    expect(readThreads(b)).toMatchObject([{ id, quote: '三项重点工作', resolved: false, comments: [{ author: '李处长', text: '数字要核实', at: 10 }] }])
    // both answer while apart: both replies are kept
    const a2 = new Y.Doc()
    const b2 = new Y.Doc()
    Y.applyUpdate(a2, Y.encodeStateAsUpdate(a))
    Y.applyUpdate(b2, Y.encodeStateAsUpdate(b))
    reply(a2, id, '张三', '已核实', 20)
    reply(b2, id, '王统稿', '按统计表改', 21)
    Y.applyUpdate(a2, Y.encodeStateAsUpdate(b2))
    Y.applyUpdate(b2, Y.encodeStateAsUpdate(a2))
    for (const d of [a2, b2]) expect(readThreads(d)[0]!.comments.map((c) => c.author).sort()).toEqual(['张三', '李处长', '王统稿'].sort())
    expect(() => reply(a, id, '张三', '   ')).toThrow()
    expect(reply(a, 'nope', '张三', '？')).toBe(false)

    setResolved(a, id, true, '李处长', 30)
    expect(readThreads(b)[0]).toMatchObject({ resolved: true, resolvedBy: '李处长', resolvedAt: 30 })
    setResolved(b, id, false, '张三')
    expect(readThreads(a)[0]).toMatchObject({ resolved: false, resolvedBy: null })
    setResolved(a, id, true, '李处长', 40)
    reply(b, id, '张三', '还有一处', 50)
    expect(readThreads(a)[0]!.resolved).toBe(false)
    deleteThread(b, id)
    expect(readThreads(a)).toEqual([])
  })

  it('skips threads and comments another client wrote wrong', () => {
    const doc = new Y.Doc()
    const good = addThread(doc, anchor, '甲', '李处长', '第一条', 1)
    const map = threadsMap(doc)
    map.set('junk', { anchor: 'here', comments: [] })
    map.set('empty', { anchor, quote: '', comments: [{ id: 'x', author: '', at: 1, text: '' }] })
    const comments = (map.get(good) as Y.Map<unknown>).get('comments') as Y.Array<unknown>
    comments.push([{ id: 'y', author: '张三', text: 'no time' }, 42])
    const threads = readThreads(doc)
    expect(threads.map((t) => t.id)).toEqual([good])
    expect(threads[0]!.comments.map((c) => c.text)).toEqual(['第一条'])
  })
})

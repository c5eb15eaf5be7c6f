/**
 * 批注 anchors through the real co-editing binding: two headless editors with DraftDesk's nodes,
 * each bound to its own Y.Doc by @lexical/yjs (as the CollaborationPlugin binds them), the docs
 * synced to each other. A selection in one editor becomes relative positions
 * (renderer/features/team/review/lexicalAnchors.ts); after the other writer types before the
 * phrase, inside the run, splits the paragraph or formats part of it, the positions still find
 * the same words in both editors. Headings keep their anchor through retitling.
 */
import { $getNodeByKey, $getRoot, $isElementNode, $isTextNode, $parseSerializedNode, type LexicalEditor, type SerializedLexicalNode, type TextNode } from 'lexical'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { $blockAnchor, $blockOfAnchor, $pointToRelative, $rangeToAnchor, $relativeToPoint, $textOf, $threadRange, type LexicalPoint } from '../../renderer/features/team/review/lexicalAnchors'
import { moveSection } from '../../renderer/features/outline/sections'
import { computeOutline } from '../../renderer/features/structure/HeadingNumbersPlugin'
import { assign, matchAssignments, readAssignments } from '../../shared/team/assignments'
import { sampleDocument } from '../helpers/documents'
import { loadModel, yjsBoundEditor } from '../helpers/yjsEditor'


async function pairOfEditors() {
  const docA = new Y.Doc()
  const docB = new Y.Doc()
  docA.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(docB, u, 'remote'))
  docB.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(docA, u, 'remote'))
  const a = yjsBoundEditor(docA)
  const b = yjsBoundEditor(docB)
  loadModel(a, sampleDocument())
  await settle()
  return { a, b, docA, docB }
}

const headingKey = (editor: LexicalEditor, title: string) => editor.getEditorState().read(() => $find(title).node.getTopLevelElementOrThrow().getKey())

/** The other editor applies a remote change in an update of its own, committed a moment later. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

const text = (editor: LexicalEditor) => editor.getEditorState().read(() => $getRoot().getTextContent())

/** The text node holding `phrase`, and the phrase's offsets in it. */
function $find(phrase: string): { node: TextNode; start: number; end: number } {
  for (const node of $getRoot().getAllTextNodes()) {
    const at = node.getTextContent().indexOf(phrase)
    if (at >= 0) return { node, start: at, end: at + phrase.length }
  }
  throw new Error(`no ${phrase}`)
}

/** The words between two points (in one block or across blocks), as a highlight would cover them. */
function $between(start: LexicalPoint, end: LexicalPoint): string {
  const nodes = $getRoot().getAllTextNodes()
  let out = ''
  let on = false
  for (const node of nodes) {
    const t = node.getTextContent()
    const from = node.getKey() === start.key ? start.offset : on ? 0 : -1
    if (node.getKey() === end.key) return out + (from >= 0 ? t.slice(from, end.offset) : '')
    if (from >= 0) {
      on = true
      out += t.slice(from)
    }
  }
  return out
}

function anchorOn(editor: LexicalEditor, doc: Y.Doc, phrase: string) {
  return editor.getEditorState().read(() => {
    const { node, start, end } = $find(phrase)
    return {
      start: $pointToRelative(doc, { key: node.getKey(), offset: start, type: 'text' }, 0)!,
      end: $pointToRelative(doc, { key: node.getKey(), offset: end, type: 'text' }, -1)!,
    }
  })
}

function coveredIn(editor: LexicalEditor, doc: Y.Doc, anchor: ReturnType<typeof anchorOn>): string | null {
  return editor.getEditorState().read(() => {
    const start = $relativeToPoint(doc, anchor.start, 'right')
    const end = $relativeToPoint(doc, anchor.end, 'left')
    return start && end ? $between(start, end) : null
  })
}

describe('批注 anchors through @lexical/yjs', () => {
  it('follow a phrase while the other writer edits before it, inside its run and splits it', async () => {
    const { a, b, docA, docB } = await pairOfEditors()
    expect(text(b)).toBe(text(a))
    const anchor = anchorOn(b, docB, '层层压实责任')
    expect(coveredIn(a, docA, anchor)).toBe('层层压实责任')

    // A types at the start of the paragraph, then in the middle of the phrase
    a.update(() => $find('一年来').node.spliceText(0, 0, '过去的'), { discrete: true })
    await settle()
    expect(text(b)).toBe(text(a))
    for (const [e, d] of [[a, docA], [b, docB]] as const) expect(coveredIn(e, d, anchor)).toBe('层层压实责任')
    // A makes part of the phrase bold: the binding re-creates the characters after the split, so
    // the raw end falls back; the quoted words are found again in the block and re-anchored
    a.update(() => {
      const { node, start } = $find('层层压实责任')
      const [, middle] = node.splitText(start + 2, start + 4)
      ;(middle as TextNode).toggleFormat('bold')
    }, { discrete: true })
    await settle()
    expect(b.getEditorState().read(() => $getRoot().getAllTextNodes().some((n) => n.getTextContent() === '压实' && n.hasFormat('bold')))).toBe(true)
    expect(coveredIn(a, docA, anchor)).not.toBe('层层压实责任')
    const repaired = b.getEditorState().read(() => {
      const found = $threadRange(docB, anchor, '层层压实责任')!
      expect(found.repaired).toBe(true)
      expect($textOf(found.range)).toBe('层层压实责任')
      return $rangeToAnchor(docB, found.range)!
    })
    for (const [e, d] of [[a, docA], [b, docB]] as const) {
      expect(coveredIn(e, d, repaired)).toBe('层层压实责任')
      expect(e.getEditorState().read(() => $threadRange(d, repaired, '层层压实责任')!.repaired)).toBe(false)
    }

    // typed inside the phrase: the range grows with it
    a.update(() => {
      const { node } = $find('责任，扎实')
      node.spliceText(0, 0, '并落实')
    }, { discrete: true })
    await settle()
    for (const [e, d] of [[a, docA], [b, docB]] as const) {
      expect(coveredIn(e, d, repaired)).toBe('层层压实并落实责任')
      expect(e.getEditorState().read(() => $textOf($threadRange(d, repaired, '层层压实责任')!.range))).toBe('层层压实并落实责任')
    }
    // the phrase deleted: nothing to show
    a.update(() => {
      const { node, start } = $find('层层')
      node.spliceText(start, 2, '')
      $find('压实').node.remove()
      const rest = $find('并落实责任')
      rest.node.spliceText(rest.start, 5, '')
    }, { discrete: true })
    await settle()
    expect(b.getEditorState().read(() => $threadRange(docB, repaired, '层层压实责任'))).toBeNull()
  })

  it('span two blocks and come back as element points where a block has no text', async () => {
    const { a, docA, b, docB } = await pairOfEditors()
    const anchor = a.getEditorState().read(() => {
      const first = $find('督促整改')
      const second = $find('部分企业')
      return {
        start: $pointToRelative(docA, { key: first.node.getKey(), offset: first.start, type: 'text' }, 0)!,
        end: $pointToRelative(docA, { key: second.node.getKey(), offset: second.end, type: 'text' }, -1)!,
      }
    })
    expect(coveredIn(b, docB, anchor)).toBe('督促整改问题清单。存在的问题部分企业')
    // an element point (the end of a paragraph) round-trips
    const back = b.getEditorState().read(() => {
      const paragraph = $find('部分企业').node.getParentOrThrow()
      const rel = $pointToRelative(docB, { key: paragraph.getKey(), offset: paragraph.getChildrenSize(), type: 'element' }, -1)!
      return $relativeToPoint(docB, rel, 'left')
    })
    b.getEditorState().read(() => {
      const node = $getNodeByKey(back!.key)!
      expect($isTextNode(node) ? node.getTextContent().length === back!.offset : $isElementNode(node)).toBe(true)
    })
  })

  it('name a heading through retitling in the other editor, and nothing once it is deleted', async () => {
    const { a, docA, b, docB } = await pairOfEditors()
    const headingKeyIn = (editor: LexicalEditor, title: string) => editor.getEditorState().read(() => $find(title).node.getTopLevelElementOrThrow().getKey())
    const { anchor, key } = a.getEditorState().read(() => $blockAnchor(docA, $find('存在的问题').node.getTopLevelElementOrThrow())!)
    expect(key).toMatch(/^\d+:\d+$/)
    b.update(() => {
      const { node } = $find('存在的问题')
      node.setTextContent('存在的主要问题')
      $getRoot().getFirstChildOrThrow().insertBefore($parseSerializedNode({ type: 'paragraph', version: 1, children: [], direction: null, format: '', indent: 0 } as SerializedLexicalNode))
    }, { discrete: true })
    await settle()
    expect(a.getEditorState().read(() => $blockOfAnchor(docA, anchor))).toBe(headingKeyIn(a, '存在的主要问题'))
    expect(b.getEditorState().read(() => $blockOfAnchor(docB, anchor))).toBe(headingKeyIn(b, '存在的主要问题'))
    b.update(() => $find('存在的主要问题').node.getTopLevelElementOrThrow().remove(), { discrete: true })
    await settle()
    expect(a.getEditorState().read(() => $blockOfAnchor(docA, anchor))).toBeNull()
  })

  it('find a moved section again by its title (the binding re-creates moved blocks)', async () => {
    const { a, docA, b, docB } = await pairOfEditors()
    const doc = new Y.Doc()
    const lead = { name: '王统稿', role: 'editor' as const }
    // the level-1/2 headings of the outline, as the outline panel hands them to 分工
    const headingsOf = (editor: LexicalEditor) => computeOutline(editor).filter((e) => e.level <= 2)
    const handle = a.getEditorState().read(() => $blockAnchor(docA, $find('存在的问题').node.getTopLevelElementOrThrow())!)
    assign(doc, handle.key, { anchor: handle.anchor, title: '存在的问题', level: 1 }, '李四', null, lead)
    const match = (editor: LexicalEditor, d: Y.Doc) => {
      const headings = headingsOf(editor)
      return editor.getEditorState().read(() => matchAssignments(readAssignments(doc), headings, (anchor) => $blockOfAnchor(d, anchor)))
    }
    const before = match(b, docB)
    expect([...before.byHeading.keys()]).toEqual([headingKey(b, '存在的问题')])
    expect(before.moved).toEqual([])

    // the lead drags the section to the top (the outline's move): its blocks are re-created in Yjs
    const key = headingKey(a, '存在的问题')
    expect(moveSection(a, key, headingKey(a, '主要工作'))).toBe(true)
    await settle()
    expect(b.getEditorState().read(() => $blockOfAnchor(docB, handle.anchor))).toBeNull()
    const after = match(b, docB)
    expect([...after.byHeading.keys()]).toEqual([headingKey(b, '存在的问题')])
    expect(after.moved.map((m) => m.heading.title)).toEqual(['存在的问题'])
    expect(after.lost).toEqual([])
  })
})

/**
 * Copying references: within the same document a pasted reference stays a reference; anywhere
 * else it is plain text. Copies tag each reference's JSON with the document it came from (the
 * `source` field, written only while a copy or cut is being made); a paste whose references come
 * from another document (or from nowhere known) turns them into text before Lexical inserts them.
 * Plain-text and HTML copies carry the shown text already (getTextContent / exportDOM).
 */
import { $insertDataTransferForRichText } from '@lexical/clipboard'
import { $getSelection, type LexicalEditor } from 'lexical'
import { NODE_TYPES } from '../../../shared/document/lexicalState'

let copying: string | null = null
let clearTimer: ReturnType<typeof setTimeout> | null = null

/** Called when a copy or cut starts in a document: references exported now carry its key. */
export function beginCopy(source: string): void {
  copying = source
  if (clearTimer) clearTimeout(clearTimer)
  clearTimer = setTimeout(() => {
    copying = null
    clearTimer = null
  }, 500)
}

/** The document a copy in progress comes from (read by FigureRefNode.exportJSON). */
export function copySource(): string | null {
  return copying
}

const LEXICAL_MIME = 'application/x-lexical-editor'

type JsonNode = Record<string, unknown>

function plainText(text: string): JsonNode {
  return { type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }
}

/**
 * Rewrites a Lexical clipboard payload so that references from another document become text.
 * Returns null when nothing needs to change.
 */
export function foreignRefsToText(raw: string, ownSource: string): string | null {
  if (!raw.includes(`"${NODE_TYPES.figure}"`)) return null
  let payload: { nodes?: unknown }
  try {
    payload = JSON.parse(raw) as { nodes?: unknown }
  } catch {
    return null
  }
  if (!Array.isArray(payload.nodes)) return null
  let changed = false
  const visit = (node: JsonNode): JsonNode[] => {
    if (node.type === NODE_TYPES.figure) {
      if (node.source === ownSource) return [node]
      changed = true
      const text = typeof node.shown === 'string' ? node.shown : ''
      return text ? [plainText(text)] : []
    }
    if (Array.isArray(node.children)) return [{ ...node, children: (node.children as JsonNode[]).flatMap(visit) }]
    return [node]
  }
  const nodes = (payload.nodes as JsonNode[]).flatMap(visit)
  return changed ? JSON.stringify({ ...payload, nodes }) : null
}

/** Handles a paste of references from elsewhere; false to let Lexical paste as usual. */
export function pasteForeignRefs(editor: LexicalEditor, event: ClipboardEvent | KeyboardEvent | InputEvent, ownSource: string): boolean {
  const data = 'clipboardData' in event ? event.clipboardData : null
  const raw = data?.getData(LEXICAL_MIME)
  if (!data || !raw) return false
  const rewritten = foreignRefsToText(raw, ownSource)
  if (rewritten === null) return false
  const transfer = new DataTransfer()
  transfer.setData(LEXICAL_MIME, rewritten)
  const plain = data.getData('text/plain')
  if (plain) transfer.setData('text/plain', plain)
  event.preventDefault()
  editor.update(() => {
    const selection = $getSelection()
    if (selection) $insertDataTransferForRichText(transfer, selection, editor)
  })
  return true
}

/**
 * Headless editors with DraftDesk's nodes bound to a Y.Doc by @lexical/yjs, the way
 * useYjsCollaboration binds the app's editor (without awareness: no carets to draw), for unit
 * tests of what co-editing does to the text and to anchors on it.
 */
import { createHeadlessEditor } from '@lexical/headless'
import { createYjsBinding, syncLexicalUpdateToYjs, syncYjsChangesToLexical, type Provider } from '@lexical/yjs'
import { $getRoot, $parseSerializedNode, type LexicalEditor, type SerializedLexicalNode } from 'lexical'
import type * as Y from 'yjs'
import { editorNodes } from '../../renderer/editor/SummaryEditor'
import { modelToEditorState } from '../../shared/document/lexicalState'
import type { SummaryDocument } from '../../shared/document/model'

const noAwareness: Provider = {
  awareness: { getLocalState: () => null, getStates: () => new Map(), on() {}, off() {}, setLocalState() {}, setLocalStateField() {} },
  connect() {},
  disconnect() {},
  on() {},
  off() {},
}

/** An editor whose updates go into `doc` and which takes the doc's changes from elsewhere. */
export function yjsBoundEditor(doc: Y.Doc): LexicalEditor {
  const editor = createHeadlessEditor({ nodes: editorNodes, onError: (e) => { throw e } })
  const binding = createYjsBinding({ editor, id: 'doc', doc, docMap: new Map([['doc', doc]]) })
  binding.root.getSharedType().observeDeep((events, transaction) => {
    if (transaction.origin !== binding) syncYjsChangesToLexical(binding, noAwareness, events, false, () => {})
  })
  editor.registerUpdateListener(({ prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags }) => {
    syncLexicalUpdateToYjs(binding, noAwareness, prevEditorState, editorState, dirtyElements, dirtyLeaves, normalizedNodes, tags)
  })
  return editor
}

/** Replaces the editor's content with `model`, at once (the binding writes it into the doc). */
export function loadModel(editor: LexicalEditor, model: SummaryDocument): void {
  const state = modelToEditorState(model) as { root: { children: SerializedLexicalNode[] } }
  editor.update(() => {
    const root = $getRoot().clear()
    for (const child of state.root.children) root.append($parseSerializedNode(child))
  }, { discrete: true })
}

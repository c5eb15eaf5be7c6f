import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createTextNode, $getRoot, $insertNodes, $isDecoratorNode, $parseSerializedNode, HISTORY_PUSH_TAG, type SerializedLexicalNode } from 'lexical'
import { useEffect, useRef, type RefObject } from 'react'
import { modelToEditorState } from '../../../shared/document/lexicalState'
import { $setNumberingStyle } from '../../features/structure/numberingState'
import type { Figure, Signature, SummaryDocument } from '../../../shared/document/model'
import { withFreshFigureIds } from '../../../shared/document/merge'
import { $getFigures, $setFigures, $updateFigures, withFigures } from '../../features/figures/state'
import { $isSubtitleNode, $isTitleNode } from '../../features/structure'

/** What the app may ask of the open editor. */
export interface EditorHandle {
  /** Renaming the open document changes its title line, so the editor and the library agree. */
  setTitle(title: string): void
  /**
   * Puts an imported document into this one as one undo step: all of it (title, subtitle,
   * signature) when this one is still empty, else its body at the caret. Its figures join ours.
   */
  insertDocument(doc: SummaryDocument): void
  /** Saves what was typed now (before the library is replaced by a backup, say). */
  flush(): Promise<void>
  /**
   * Puts a whole document in place of the editor's (恢复 of unsaved text, 版本记录's restore) as
   * one undo step: Ctrl+Z brings back the text as it was. Figures go with the text (they live in
   * the editor state); the signature is taken too. The keyboard goes to the text.
   */
  replaceDocument(doc: SummaryDocument): void
  /** The caret at the start of the text (the title line) with the keyboard there: a document just made. */
  focusStart(): void
}

/** The parts of the model that live outside the editor state. */
export type Carry = { figures: Figure[]; signature?: Signature }

/** True when the editor holds nothing but empty blocks (a new document). */
function $isBlank(): boolean {
  return $getRoot().getChildren().every((block) => block.getTextContentSize() === 0 && !$isDecoratorNode(block))
}

export function EditorHandlePlugin({ handle, carry, setCarry, flush }: { handle: RefObject<EditorHandle | null>; carry: Carry; setCarry(c: Carry): void; flush(): Promise<void> }) {
  const [editor] = useLexicalComposerContext()
  const carryRef = useRef(carry)
  carryRef.current = carry
  useEffect(() => {
    handle.current = {
      flush,
      insertDocument: (incoming) => {
        const doc = withFreshFigureIds(incoming, new Set(editor.getEditorState().read($getFigures).map((f) => f.id)))
        const nodes = modelToEditorState(doc).root.children as unknown as SerializedLexicalNode[]
        let whole = false
        editor.update(() => {
          whole = $isBlank()
          const parsed = nodes.map((n) => $parseSerializedNode(n))
          // its figures join ours in the same update (one undo step; references show at once)
          $updateFigures((figures) => [...figures, ...doc.figures])
          if (whole) {
            $getRoot().clear().append(...parsed)
            // a whole document brings its numbering style ("1、" as the writer typed it)
            $setNumberingStyle(doc.numbering)
          } else $insertNodes(parsed.filter((n) => !$isTitleNode(n) && !$isSubtitleNode(n)))
        })
        const signature = doc.signature
        if (whole && signature) setCarry({ ...carryRef.current, signature })
      },
      replaceDocument: (doc) => {
        // figure references carry the text they show, as when a document is opened
        const nodes = withFigures(modelToEditorState(doc), doc.figures).root.children as unknown as SerializedLexicalNode[]
        editor.update(
          () => {
            $setFigures(doc.figures)
            $setNumberingStyle(doc.numbering)
            $getRoot().clear().append(...nodes.map((n) => $parseSerializedNode(n)))
            $getRoot().selectStart()
          },
          // its own undo step, never merged with the typing before it
          { tag: HISTORY_PUSH_TAG },
        )
        const { signature, ...rest } = carryRef.current
        if (JSON.stringify(signature) !== JSON.stringify(doc.signature)) setCarry(doc.signature ? { ...rest, signature: doc.signature } : rest)
        editor.focus()
      },
      focusStart: () => {
        editor.update(() => {
          $getRoot().selectStart()
        })
        editor.focus()
      },
      setTitle: (title) =>
        editor.update(() => {
          const first = $getRoot().getFirstChild()
          if (!$isTitleNode(first)) return
          first.clear()
          first.append($createTextNode(title))
        }),
    }
    return () => {
      handle.current = null
    }
  }, [editor, handle, setCarry, flush])
  return null
}

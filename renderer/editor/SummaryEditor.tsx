import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { TablePlugin } from '@lexical/react/LexicalTablePlugin'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $createTextNode, $getRoot, $insertNodes, $isDecoratorNode, $parseSerializedNode, type SerializedLexicalNode } from 'lexical'
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentRecord } from '../../shared/api'
import { modelToEditorState } from '../../shared/document/lexicalState'
import type { Figure, Signature, SummaryDocument } from '../../shared/document/model'
import { withFreshFigureIds } from '../../shared/document/merge'
import { useApi } from '../app/ApiContext'
import { errorMessage } from '../app/errors'
import { $isSubtitleNode, $isTitleNode, editorNodes } from './nodes'
import { FigureDialogs } from './figures/FigureDialogs'
import { FigurePanel } from './figures/FigurePanel'
import { FiguresProvider } from './figures/FiguresProvider'
import { FigureToolbar } from './figures/FigureToolbar'
import { $getFigures, $updateFigures, withFigures } from './figures/state'
import { OutlinePanel } from './OutlinePanel'
import { AutosavePlugin, type AutosaveHandle, type SaveState } from './plugins/AutosavePlugin'
import { CleanupPlugin } from './plugins/cleanup/CleanupPlugin'
import { CharacterCountPlugin, type CharacterCounts } from './plugins/CharacterCountPlugin'
import { CommandsPlugin, type EditorCommandHandler } from './plugins/CommandsPlugin'
import { FindReplacePlugin } from './plugins/find-replace/FindReplacePlugin'
import { HeadingNumbersPlugin, type OutlineEntry } from './plugins/HeadingNumbersPlugin'
import { MarkerShortcutPlugin } from './plugins/MarkerShortcutPlugin'
import { PastePlugin } from './plugins/paste/PastePlugin'
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin'
import { TitleGuardPlugin } from './plugins/TitleGuardPlugin'
import { ToolbarPlugin } from './plugins/ToolbarPlugin'
import { OutputPlugin } from '../output/OutputPlugin'
import { SidePanel } from '../snippets/SidePanel'
import { SaveSnippetPlugin } from '../snippets/SaveSnippetPlugin'
import { SnippetDropPlugin } from '../snippets/SnippetDropPlugin'
import { SnippetPickerPlugin } from './plugins/snippet-picker/SnippetPickerPlugin'
import { editorTheme } from './theme'

export interface EditorStatus {
  save: SaveState
  error?: string
  characters: number
}

/** What the app may ask of the open editor. */
export interface EditorHandle {
  /** Renaming the open document changes its title line, so the editor and the library agree. */
  setTitle(title: string): void
  /**
   * Puts an imported document into this one as one undo step: all of it (title, subtitle,
   * signature) when this one is still empty, else its body at the caret. Its figures join ours.
   */
  insertDocument(doc: SummaryDocument): void
}

type Carry = { figures: Figure[]; signature?: Signature }

interface Props {
  record: DocumentRecord
  handle: RefObject<EditorHandle | null>
  onStatus: React.Dispatch<React.SetStateAction<EditorStatus>>
  onSaved(saved: { title: string; characters: number }): void
  onNotice(message: string | null): void
  commands: RefObject<EditorCommandHandler | null>
}

/** Marks when the loaded document is painted and editable (for the benchmark). */
function ReadyMarkPlugin() {
  const [editor] = useLexicalComposerContext()
  useEffect(() => {
    // rAF runs before the frame is painted; the timeout after it runs once the frame is on screen.
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (editor.isEditable() && editor.getRootElement()) performance.mark('dd:editor-ready')
      }, 0)
    })
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [editor])
  return null
}

/** True when the editor holds nothing but empty blocks (a new document). */
function $isBlank(): boolean {
  return $getRoot().getChildren().every((block) => block.getTextContentSize() === 0 && !$isDecoratorNode(block))
}

function EditorHandlePlugin({ handle, carry, setCarry }: { handle: RefObject<EditorHandle | null>; carry: Carry; setCarry(c: Carry): void }) {
  const [editor] = useLexicalComposerContext()
  const carryRef = useRef(carry)
  carryRef.current = carry
  useEffect(() => {
    handle.current = {
      insertDocument: (incoming) => {
        const doc = withFreshFigureIds(incoming, new Set(editor.getEditorState().read($getFigures).map((f) => f.id)))
        const nodes = modelToEditorState(doc).root.children as unknown as SerializedLexicalNode[]
        let whole = false
        editor.update(() => {
          whole = $isBlank()
          const parsed = nodes.map((n) => $parseSerializedNode(n))
          // its figures join ours in the same update (one undo step; references show at once)
          $updateFigures((figures) => [...figures, ...doc.figures])
          if (whole) $getRoot().clear().append(...parsed)
          else $insertNodes(parsed.filter((n) => !$isTitleNode(n) && !$isSubtitleNode(n)))
        })
        const signature = doc.signature
        if (whole && signature) setCarry({ ...carryRef.current, signature })
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
  }, [editor, handle, setCarry])
  return null
}

export function SummaryEditor({ record, handle, onStatus, onSaved, onNotice, commands }: Props) {
  const { t } = useTranslation()
  const api = useApi()
  const autosave = useRef<AutosaveHandle | null>(null)
  const [outline, setOutline] = useState<OutlineEntry[]>([])
  const [ownCounts, setOwnCounts] = useState<ReadonlyMap<string, number>>(new Map())

  const initialConfig = useMemo(
    () => ({
      namespace: 'draftdesk',
      nodes: editorNodes,
      theme: editorTheme,
      // the figure table rides on the root node and every reference already shows its text
      editorState: JSON.stringify(withFigures(modelToEditorState(record.model), record.model.figures)),
      onError: (error: Error) => onNotice(t('errors.generic', { message: error.message })),
    }),
    // the editor is created once per opened document (the component is keyed by id)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )
  // the parts of the model that live outside the editor state (the figure table will edit these)
  const [carry, setCarry] = useState<Carry>(() => ({ figures: record.model.figures, ...(record.model.signature ? { signature: record.model.signature } : {}) }))
  // figures and signature are saved like the text: a change to them marks the document dirty
  // The figure table lives in the editor state (figures/state.ts); what builds the model from the
  // editor (autosave, cleanup, output) reads the current table through this getter.
  const figuresNow = useRef<Figure[]>(record.model.figures)
  const liveCarry = useMemo<Carry>(
    () => ({
      get figures() {
        return figuresNow.current
      },
      ...(carry.signature ? { signature: carry.signature } : {}),
    }),
    [carry.signature],
  )
  const carryLoaded = useRef(carry)
  useEffect(() => {
    if (carry !== carryLoaded.current) autosave.current?.markDirty()
  }, [carry])
  const onSaveState = useCallback((save: SaveState, error?: string) => onStatus((s) => ({ ...s, save, ...(error ? { error } : {}) })), [onStatus])
  const onCount = useCallback(
    (counts: CharacterCounts) => {
      onStatus((s) => ({ ...s, characters: counts.total }))
      setOwnCounts(counts.ownByHeading)
    },
    [onStatus],
  )
  const snapshot = useCallback(async () => {
    try {
      await autosave.current?.flush()
      const revision = await api.call('documents.snapshot', { id: record.id, reason: 'manual' })
      onNotice(revision ? t('status.snapshot') : t('status.snapshotSame'))
    } catch (err) {
      onNotice(t('errors.generic', { message: errorMessage(err) }))
    }
  }, [api, record.id, onNotice, t])

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <FiguresProvider documentId={record.id} initial={record.model.figures} onFigures={(figures) => void (figuresNow.current = figures)}>
        <ToolbarPlugin>
          <CleanupPlugin
            carry={liveCarry}
            onSignature={(signature) => setCarry((c) => (signature ? { ...c, signature } : { figures: c.figures }))}
          />
          <FigureToolbar />
          <OutputPlugin
            documentId={record.id}
            carry={liveCarry}
            onSignature={(signature) => setCarry((c) => (signature ? { ...c, signature } : { figures: c.figures }))}
            flush={async () => { await autosave.current?.flush() }}
            onNotice={onNotice}
          />
        </ToolbarPlugin>
        <FindReplacePlugin />
        <div className="editor-area">
          <div className="page-scroll">
            <div className="page">
              <RichTextPlugin
                contentEditable={<ContentEditable className="document-body" aria-label={t('editor.bodyPlaceholder')} spellCheck={false} />}
                placeholder={<div className="placeholder">{t('editor.bodyPlaceholder')}</div>}
                ErrorBoundary={LexicalErrorBoundary}
              />
            </div>
          </div>
          <SidePanel outline={<OutlinePanel entries={outline} ownCounts={ownCounts} />} onNotice={onNotice} />
        </div>
        <FigurePanel onNotice={onNotice} />
        <FigureDialogs onNotice={onNotice} />
        <HistoryPlugin />
        <TablePlugin />
        <TitleGuardPlugin />
        <MarkerShortcutPlugin />
        <PastePlugin />
        <SnippetPickerPlugin />
        <SnippetDropPlugin />
        <SaveSnippetPlugin documentId={record.id} onNotice={onNotice} />
        <HeadingNumbersPlugin onOutline={setOutline} />
        <CharacterCountPlugin onCount={onCount} />
        <ShortcutsPlugin onSnapshot={() => void snapshot()} />
        <CommandsPlugin commands={commands} onSnapshot={() => void snapshot()} />
        <EditorHandlePlugin handle={handle} carry={carry} setCarry={setCarry} />
        <ReadyMarkPlugin />
        <AutosavePlugin documentId={record.id} carry={liveCarry} onState={onSaveState} onSaved={onSaved} handle={autosave} />
      </FiguresProvider>
    </LexicalComposer>
  )
}

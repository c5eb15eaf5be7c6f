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
import { $isSubtitleNode, $isTitleNode, editorNodes, FigureDisplayContext } from './nodes'
import { FigureStoreContext, newFigureId, type FigureStore } from './figures/FigureStore'
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

/** How a figure reference reads in the text; unfilled figures show as 〔名称〕. */
function figureDisplay(figures: readonly Figure[]) {
  const byId = new Map(figures.map((f) => [f.id, f]))
  return (id: string) => {
    const f = byId.get(id)
    if (!f) return { text: '〔数据〕', unfilled: true }
    if (f.value === null) return { text: `〔${f.name || '待填'}〕`, unfilled: true }
    return { text: `${String(f.value)}${f.qualifier ?? ''}${f.unit ?? ''}`, unfilled: false }
  }
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
        const doc = withFreshFigureIds(incoming, new Set(carryRef.current.figures.map((f) => f.id)))
        const nodes = modelToEditorState(doc).root.children as unknown as SerializedLexicalNode[]
        let whole = false
        editor.update(() => {
          whole = $isBlank()
          const parsed = nodes.map((n) => $parseSerializedNode(n))
          if (whole) $getRoot().clear().append(...parsed)
          else $insertNodes(parsed.filter((n) => !$isTitleNode(n) && !$isSubtitleNode(n)))
        })
        const current = carryRef.current
        const signature = whole && doc.signature ? doc.signature : current.signature
        setCarry({ figures: [...current.figures, ...doc.figures], ...(signature ? { signature } : {}) })
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
      editorState: JSON.stringify(modelToEditorState(record.model)),
      onError: (error: Error) => onNotice(t('errors.generic', { message: error.message })),
    }),
    // the editor is created once per opened document (the component is keyed by id)
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )
  // the parts of the model that live outside the editor state (the figure table will edit these)
  const [carry, setCarry] = useState<Carry>(() => ({ figures: record.model.figures, ...(record.model.signature ? { signature: record.model.signature } : {}) }))
  const display = useMemo(() => figureDisplay(carry.figures), [carry.figures])
  // figures and signature are saved like the text: a change to them marks the document dirty
  const carryLoaded = useRef(carry)
  useEffect(() => {
    if (carry !== carryLoaded.current) autosave.current?.markDirty()
  }, [carry])
  // the latest figures, also between a change and the next render (several fields in one snippet)
  const latestFigures = useRef(carry.figures)
  latestFigures.current = carry.figures
  const figureStore = useMemo<FigureStore>(
    () => ({
      figures: carry.figures,
      ensureFigure: (name, init) => {
        const existing = latestFigures.current.find((f) => f.name === name)
        if (existing) return existing.id
        const figure: Figure = { value: null, ...init, id: newFigureId(new Set(latestFigures.current.map((f) => f.id))), name }
        latestFigures.current = [...latestFigures.current, figure]
        setCarry((c) => (c.figures.some((f) => f.id === figure.id) ? c : { ...c, figures: [...c.figures, figure] }))
        return figure.id
      },
      update: (updater) => setCarry((c) => ({ ...c, figures: updater(c.figures) })),
    }),
    [carry.figures],
  )

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
      <FigureStoreContext.Provider value={figureStore}>
      <FigureDisplayContext.Provider value={display}>
        <ToolbarPlugin>
          <CleanupPlugin
            carry={carry}
            onSignature={(signature) => setCarry((c) => (signature ? { ...c, signature } : { figures: c.figures }))}
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
          <OutlinePanel entries={outline} ownCounts={ownCounts} />
        </div>
        <HistoryPlugin />
        <TablePlugin />
        <TitleGuardPlugin />
        <MarkerShortcutPlugin />
        <PastePlugin />
        <HeadingNumbersPlugin onOutline={setOutline} />
        <CharacterCountPlugin onCount={onCount} />
        <ShortcutsPlugin onSnapshot={() => void snapshot()} />
        <CommandsPlugin commands={commands} onSnapshot={() => void snapshot()} />
        <EditorHandlePlugin handle={handle} carry={carry} setCarry={setCarry} />
        <ReadyMarkPlugin />
        <AutosavePlugin documentId={record.id} carry={carry} onState={onSaveState} onSaved={onSaved} handle={autosave} />
      </FigureDisplayContext.Provider>
      </FigureStoreContext.Provider>
    </LexicalComposer>
  )
}

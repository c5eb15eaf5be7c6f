/**
 * The editor, composed from its features in this one place: `editorNodes` lists every feature's
 * nodes, and the tree below mounts every feature's toolbar group, panels and plugins. A feature's
 * parts live in its folder under renderer/features/; what is left in renderer/editor/ is the shell
 * (toolbar frame, side column, autosave, counts, menu commands, keys of its own).
 *
 * Order matters where plugins register the same command at the same priority: they run in the
 * order they mount here.
 */
import { LexicalComposer } from '@lexical/react/LexicalComposer'
import { ContentEditable } from '@lexical/react/LexicalContentEditable'
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary'
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin'
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin'
import { TablePlugin } from '@lexical/react/LexicalTablePlugin'
import type { Klass, LexicalNode } from 'lexical'
import { memo, useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentRecord } from '../../shared/api'
import { modelToEditorState } from '../../shared/document/lexicalState'
import type { Figure } from '../../shared/document/model'
import { useApi } from '../app/ApiContext'
import { errorMessage } from '../app/errors'
import { CleanupPlugin } from '../features/cleanup/CleanupPlugin'
import { FIGURE_NODES } from '../features/figures'
import { FigureDialogs } from '../features/figures/FigureDialogs'
import { FigurePanel } from '../features/figures/FigurePanel'
import { FiguresProvider } from '../features/figures/FiguresProvider'
import { FigureToolbar } from '../features/figures/FigureToolbar'
import { withFigures } from '../features/figures/state'
import { FindReplacePlugin } from '../features/find-replace/FindReplacePlugin'
import { RevisionHistoryPlugin } from '../features/history/RevisionHistoryPlugin'
import { OutlinePanel } from '../features/outline/OutlinePanel'
import { createOutlineStore } from '../features/outline/outlineStore'
import { OutputPlugin } from '../features/output/OutputPlugin'
import { PageView } from '../features/pageview/PageView'
import { useViewSettings } from '../features/pageview/viewSettings'
import { PastePlugin } from '../features/paste/PastePlugin'
import { SaveSnippetPlugin } from '../features/snippets/SaveSnippetPlugin'
import { ContextMenuPlugin } from '../features/context-menu/ContextMenuPlugin'
import { SnippetDropPlugin } from '../features/snippets/SnippetDropPlugin'
import { SnippetPickerPlugin } from '../features/snippets/SnippetPickerPlugin'
import { STRUCTURE_NODES } from '../features/structure'
import { HeadingNumbersPlugin } from '../features/structure/HeadingNumbersPlugin'
import { HeadingShortcutsPlugin } from '../features/structure/HeadingShortcutsPlugin'
import { MarkerShortcutPlugin } from '../features/structure/MarkerShortcutPlugin'
import { StructureToolbar } from '../features/structure/StructureToolbar'
import { TitleGuardPlugin } from '../features/structure/TitleGuardPlugin'
import { TeamMenu } from '../features/team/TeamMenu'
import { CommentButton, CommentsPlugin } from '../features/team/review/CommentsPlugin'
import { ReviewProvider } from '../features/team/review/ReviewContext'
import { TeamCoEdit, TeamReady, useTeamLink, type TeamLinkInfo, type TeamStatusLine } from '../features/team/TeamCoEdit'
import { TeamSignatureSync } from '../features/team/TeamSignatureSync'
import { failureReason } from '../features/saving/reason'
import { SaveGuard } from '../features/saving/SaveGuard'
import { AutosavePlugin, type AutosaveHandle, type SaveConflict, type SaveFailure, type SaveState } from './plugins/AutosavePlugin'
import { CaretSyncPlugin } from './plugins/CaretSyncPlugin'
import { CharacterCountPlugin, type CharacterCounts } from './plugins/CharacterCountPlugin'
import { CommandsPlugin, type EditorCommandHandler } from './plugins/CommandsPlugin'
import { EditorHandlePlugin, type Carry, type EditorHandle } from './plugins/EditorHandlePlugin'
import { ReadyMarkPlugin } from './plugins/ReadyMarkPlugin'
import { ShortcutsPlugin } from './plugins/ShortcutsPlugin'
import { SidePanel } from './SidePanel'
import { editorTheme } from './theme'
import { ToolbarMenu } from './ToolbarMenu'
import { ToolbarPlugin } from './ToolbarPlugin'

export type { EditorHandle } from './plugins/EditorHandlePlugin'

/** Every feature's nodes: what the editor config's `nodes` takes. */
export const editorNodes: ReadonlyArray<Klass<LexicalNode>> = [...STRUCTURE_NODES, ...FIGURE_NODES]

export interface EditorStatus {
  save: SaveState
  error?: string
  characters: number
  /** a team document: 离线 / 同步中 / 已同步 and who is in it */
  team?: TeamStatusLine
}

interface Props {
  record: DocumentRecord
  /** the open library file's path: where unsaved text is journaled (null: nowhere) */
  library: string | null
  handle: RefObject<EditorHandle | null>
  onStatus: React.Dispatch<React.SetStateAction<EditorStatus>>
  onSaved(saved: { title: string; characters: number }): void
  onNotice(message: string | null): void
  commands: RefObject<EditorCommandHandler | null>
  /** open the 数据表 with the document (a new year's draft: its figures wait to be refilled) */
  openFigures?: boolean
  /** replace the open editor with this record of the same document (使用已保存的) */
  onReload(record: DocumentRecord): void
  /** a document was added to the library from the editor (恢复为本地副本) */
  onListChanged?(): void
}

export function SummaryEditor(props: Props) {
  // a team document's local copy is bound to the team's text (features/team): known before the editor is made
  const team = useTeamLink(props.record.id)
  // The window re-renders on its own business (a save updates the document list's 字数, a notice
  // shows): the editor below takes callbacks that never change and is memoized, so none of that
  // re-renders the toolbar, page and panels in the middle of typing.
  const latest = useRef(props)
  latest.current = props
  const callbacks = useMemo<Callbacks>(
    () => ({
      onStatus: (action) => latest.current.onStatus(action),
      onSaved: (saved) => latest.current.onSaved(saved),
      onNotice: (message) => latest.current.onNotice(message),
      onReload: (record) => latest.current.onReload(record),
      onListChanged: () => latest.current.onListChanged?.(),
    }),
    [],
  )
  if (team === undefined) return null
  const { record, library, handle, commands, openFigures } = props
  return <EditorOf record={record} library={library} handle={handle} commands={commands} openFigures={openFigures} {...callbacks} team={team} />
}

type Callbacks = Required<Pick<Props, 'onStatus' | 'onSaved' | 'onNotice' | 'onReload' | 'onListChanged'>>

const EditorOf = memo(function EditorOf({ record, library, handle, onStatus, onSaved, onNotice, commands, openFigures, onReload, onListChanged, team }: Props & { team: TeamLinkInfo | null }) {
  const { t } = useTranslation('editor')
  const api = useApi()
  const autosave = useRef<AutosaveHandle | null>(null)
  const flushAutosave = useCallback(async () => { await autosave.current?.flush() }, [])
  // the outline's headings and counts: read by the outline alone (a change renders nothing else)
  const outline = useMemo(createOutlineStore, [])
  const view = useViewSettings()

  const initialConfig = useMemo(
    () => ({
      namespace: 'draftdesk',
      nodes: editorNodes,
      theme: editorTheme,
      // the figure table rides on the root node and every reference already shows its text; a team
      // document starts empty and takes its text from the team's (TeamCoEdit)
      editorState: team ? null : JSON.stringify(withFigures(modelToEditorState(record.model), record.model.figures)),
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
  const [conflict, setConflict] = useState<SaveConflict | null>(null)
  const [failure, setFailure] = useState<SaveFailure | null>(null)
  const [stalledSince, setStalledSince] = useState<number | null>(null)
  const [journalHeld, setJournalHeld] = useState(library !== null)
  const onSaveState = useCallback(
    (save: SaveState, failed?: SaveFailure) => {
      onStatus((s) => ({ ...s, save, ...(failed ? { error: failureReason(failed.error) } : {}) }))
      // the failure banner stays through the retries, until a save goes through
      if (failed) setFailure(failed)
      else if (save !== 'saving') setFailure(null)
    },
    [onStatus],
  )
  const onCount = useCallback(
    (counts: CharacterCounts) => {
      onStatus((s) => ({ ...s, characters: counts.total }))
      outline.setOwnCounts(counts.ownByHeading)
    },
    [onStatus, outline],
  )
  const snapshot = useCallback(async () => {
    try {
      await autosave.current?.flush()
      const revision = await api.call('documents.snapshot', { id: record.id, reason: 'manual' })
      onNotice(revision ? t('snapshot') : t('snapshotSame'))
    } catch (err) {
      onNotice(t('errors.generic', { message: errorMessage(err) }))
    }
  }, [api, record.id, onNotice, t])

  const onTeamStatus = useCallback((line: TeamStatusLine | undefined) => onStatus((s) => ({ ...s, team: line })), [onStatus])

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <TeamCoEdit link={team} record={record} onTeamStatus={onTeamStatus} onNotice={onNotice}>
      <TeamSignatureSync signature={carry.signature} onSignature={(signature) => setCarry((c) => (signature ? { ...c, signature } : { figures: c.figures }))} />
      <FiguresProvider documentId={record.id} initial={record.model.figures} openPanel={openFigures} onFigures={(figures) => void (figuresNow.current = figures)}>
      <ReviewProvider>
        {/* each child of the toolbar is a group of buttons, set apart by a separator */}
        <ToolbarPlugin>
          <StructureToolbar part="format" />
          <>
            <ToolbarMenu label={t('insertMenu')} testId="menu-insert">
              <StructureToolbar part="insert" />
            </ToolbarMenu>
            <CleanupPlugin
              carry={liveCarry}
              onSignature={(signature) => setCarry((c) => (signature ? { ...c, signature } : { figures: c.figures }))}
            />
            <ToolbarMenu label={t('figuresMenu')} testId="menu-figures">
              <FigureToolbar />
            </ToolbarMenu>
            <ToolbarMenu label={t('outputMenu')} testId="menu-output">
              <OutputPlugin
                documentId={record.id}
                carry={liveCarry}
                onSignature={(signature) => setCarry((c) => (signature ? { ...c, signature } : { figures: c.figures }))}
                flush={async () => { await autosave.current?.flush() }}
                onNotice={onNotice}
              />
            </ToolbarMenu>
            <ToolbarMenu label={t('team:menu')} testId="menu-team">
              <TeamMenu documentId={record.id} flush={flushAutosave} />
            </ToolbarMenu>
          </>
          <>
            <RevisionHistoryPlugin
              documentId={record.id}
              carry={liveCarry}
              flush={async () => { await autosave.current?.flush() }}
              onRestored={(restored) => {
                // the next save is made from the restored version, then the editor takes its text
                autosave.current?.adopt(restored)
                handle.current?.replaceDocument(restored.model)
              }}
              onNotice={onNotice}
            />
            {/* 批注: team documents only (renders nothing for a local one) */}
            <CommentButton onNotice={onNotice} />
          </>
        </ToolbarPlugin>
        <SaveGuard
          record={record}
          library={library}
          autosave={autosave}
          editor={handle}
          conflict={conflict}
          failure={failure}
          stalledSince={stalledSince}
          onJournalHeld={setJournalHeld}
          onReload={onReload}
          onNotice={onNotice}
          {...(onListChanged ? { onListChanged } : {})}
        />
        <FindReplacePlugin />
        <div className={`editor-area${view.sidePanelOpen ? '' : ' no-side'}`}>
          <PageView signature={carry.signature}>
            <RichTextPlugin
              contentEditable={<ContentEditable className="document-body" aria-label={t('bodyPlaceholder')} spellCheck={false} />}
              placeholder={<div className="placeholder">{t('bodyPlaceholder')}</div>}
              ErrorBoundary={LexicalErrorBoundary}
            />
          </PageView>
          <SidePanel outline={<OutlinePanel store={outline} onNotice={onNotice} />} onNotice={onNotice} />
        </div>
        <FigurePanel onNotice={onNotice} />
        <FigureDialogs onNotice={onNotice} />
        {/* a team document: undo is the Yjs undo manager (one's own changes only), from TeamCoEdit */}
        {!team && <HistoryPlugin />}
        <TablePlugin />
        {/* keys act where the browser's caret is, even before its selectionchange arrives */}
        <CaretSyncPlugin />
        <TeamReady>
          <TitleGuardPlugin />
        </TeamReady>
        <MarkerShortcutPlugin />
        <PastePlugin />
        <SnippetPickerPlugin />
        <SnippetDropPlugin />
        <SaveSnippetPlugin documentId={record.id} onNotice={onNotice} />
        <ContextMenuPlugin onNotice={onNotice} />
        <HeadingNumbersPlugin onOutline={outline.setEntries} />
        <CharacterCountPlugin onCount={onCount} />
        <HeadingShortcutsPlugin />
        <ShortcutsPlugin onSnapshot={() => void snapshot()} />
        <CommandsPlugin commands={commands} onSnapshot={() => void snapshot()} />
        <EditorHandlePlugin handle={handle} carry={carry} setCarry={setCarry} flush={flushAutosave} />
        <ReadyMarkPlugin />
        <AutosavePlugin
          documentId={record.id}
          version={record.version}
          library={library}
          carry={liveCarry}
          onState={onSaveState}
          onConflict={setConflict}
          onSaved={onSaved}
          onStalled={setStalledSince}
          handle={autosave}
          journalHeld={journalHeld}
        />
        <CommentsPlugin />
      </ReviewProvider>
      </FiguresProvider>
      </TeamCoEdit>
    </LexicalComposer>
  )
})

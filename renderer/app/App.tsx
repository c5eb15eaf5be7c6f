import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IMPORT_ACCEPT, type DocumentRecord, type DocumentSummary, type LibraryInfo, type SearchHit } from '../../shared/api'
import type { AppCommand } from '../../shared/commands'
import type { EditorCommandHandler } from '../editor/plugins/CommandsPlugin'
import { SummaryEditor, type EditorHandle } from '../editor/SummaryEditor'
import { useApi } from './ApiContext'
import { DocumentList } from './DocumentList'
import { errorMessage } from './errors'
import { ImportDialog } from '../features/import/ImportDialog'
import { LibraryUnavailable } from './LibraryUnavailable'
import { BackupsDialog } from '../features/backups/BackupsDialog'
import { ReadOnlyBanner } from '../features/backups/ReadOnlyBanner'
import { TemplatePicker } from '../features/templates/TemplatePicker'
import { PurgeDialog } from '../features/history/PurgeDialog'
import { RolloverDialog } from '../features/rollover/RolloverDialog'
import { journal } from '../editor/journal'
import { StatusBar } from './StatusBar'
import { createStatusStore } from './statusStore'
import { FileInput } from '../ui/FileInput'
import { setViewSettings, useViewSettings, zoomStep } from '../features/pageview/viewSettings'
import { TeamProvider, useTeam } from '../features/team/TeamContext'
import { TeamSection } from '../features/team/TeamSection'

export function App() {
  const { t } = useTranslation('app')
  const api = useApi()
  const [info, setInfo] = useState<LibraryInfo | null>(null)
  const [view, setView] = useState<'documents' | 'trash'>('documents')
  const [docs, setDocs] = useState<DocumentSummary[]>([])
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<SearchHit[] | null>(null)
  const [record, setRecord] = useState<DocumentRecord | null>(null)
  // bumped when the open document is loaded again in place (使用已保存的): a fresh editor
  const [loadCount, setLoadCount] = useState(0)
  const [openError, setOpenError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [status] = useState(() => createStatusStore({ save: 'saved', characters: 0 }))
  const commandRef = useRef<(command: AppCommand) => void>(() => {})
  const editorCommands = useRef<EditorCommandHandler | null>(null)
  // the open editor's handle; set by the editor's own plugin, which may mount a little after the
  // editor (a team document's binding, say), so its arrival is a state the effects below can wait on
  const [editorReady, setEditorReady] = useState(0)
  const editorRef = useMemo(() => {
    let value: EditorHandle | null = null
    return {
      get current() { return value },
      set current(next: EditorHandle | null) {
        value = next
        if (next) setEditorReady((n) => n + 1)
      },
    }
  }, [])
  const teamCommands = useRef<((command: AppCommand) => boolean) | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const [importing, setImporting] = useState<File | null>(null)
  const [pickingTemplate, setPickingTemplate] = useState(false)
  const [purging, setPurging] = useState<DocumentSummary | null>(null)
  const [backupsOpen, setBackupsOpen] = useState(false)
  const [rollingOver, setRollingOver] = useState<string | null>(null)
  // a rolled-over document opens with the 数据表 showing what is left to fill
  const [openFigures, setOpenFigures] = useState<string | null>(null)
  // a document just made (新建, 从模板, 导入): the keyboard goes to its text, so typing (or the IME)
  // starts there without a click
  const [focusNew, setFocusNew] = useState<string | null>(null)

  const shown = useViewSettings()
  const fail = useCallback((err: unknown) => setNotice(t('errors.generic', { message: errorMessage(err) })), [t])

  const refresh = useCallback(async (which = view) => {
    setDocs(await api.call('documents.list', { trash: which === 'trash' }))
  }, [api, view])

  useEffect(() => {
    void api.call('library.info', {}).then(setInfo, fail)
  }, [api, fail])
  useEffect(() => {
    if (info?.state === 'open') void refresh().catch(fail)
  }, [info, refresh, fail])

  // Search as the writer types (title and full text).
  useEffect(() => {
    if (!query.trim()) return setHits(null)
    let stale = false
    const timer = setTimeout(() => {
      void api.call('documents.search', { query }).then((h) => !stale && setHits(h), fail)
    }, 120)
    return () => { stale = true; clearTimeout(timer) }
  }, [api, query, fail])

  const open = useCallback(async (id: string) => {
    try {
      performance.mark('dd:open-start') // measured by the benchmark: list click → editor ready
      setOpenError(null)
      setRecord(await api.call('documents.get', { id }))
    } catch (err) {
      setRecord(null)
      setOpenError(errorMessage(err))
    }
  }, [api])

  // the open document loaded again in a fresh editor (共享到团队: the co-editing binding takes it over)
  const reopen = useCallback(async (id: string) => {
    const next = await api.call('documents.get', { id })
    setRecord(next)
    setLoadCount((n) => n + 1)
  }, [api])

  const create = useCallback(async () => {
    try {
      // an empty 未命名文稿 left untouched is handed out again rather than another made (the list
      // does not fill with them); what the open editor holds is saved first, so one the writer has
      // just typed in is never taken for untouched (and when it cannot be saved, none is reused)
      let reuseUntouched = true
      if (record && editorRef.current) {
        await editorRef.current.flush().catch(() => undefined)
        reuseUntouched = status.get().save === 'saved'
      }
      const created = await api.call('documents.create', { title: '', reuseUntouched })
      await refresh('documents')
      setView('documents')
      setFocusNew(created.id)
      setRecord(created)
    } catch (err) { fail(err) }
  }, [api, refresh, fail, record, editorRef, status])

  useEffect(() => {
    if (!focusNew || record?.id !== focusNew || !editorRef.current) return
    editorRef.current.focusStart()
    setFocusNew(null)
  }, [focusNew, record, editorRef, editorReady])

  const act = (fn: () => Promise<unknown>) => () => void fn().then(() => refresh()).catch(fail)

  // Unsaved text left from last time (renderer/editor/journal.ts): its document is opened, where the
  // editor offers it back; any others are named.
  const library = info?.state === 'open' ? info.path : null
  const opened = useRef(false)
  opened.current = record !== null
  useEffect(() => {
    if (!library) return
    let live = true
    void journal.forLibrary(library).then((entries) => {
      const documents = [...new Map(entries.map((e) => [e.documentId, e])).values()]
      if (!live || documents.length === 0) return
      if (!opened.current) void open(documents[0]!.documentId)
      if (documents.length > 1)
        setNotice(t('saving:recovery.others', { titles: documents.slice(1).map((e) => `《${e.title || t('saving:recovery.untitled')}》`).join('、') }))
    })
    return () => {
      live = false
    }
  }, [library, open, t])

  // Menu commands from the desktop shell that the open editor does not take.
  commandRef.current = (command) => {
    if (command === 'document.new') void create()
    if (command === 'document.import') fileInput.current?.click()
    if (command === 'document.fromTemplate') setPickingTemplate(true)
    if (command === 'library.changed') { setRecord(null); void api.call('library.info', {}).then(setInfo, fail) }
    if (command === 'library.backups') setBackupsOpen(true)
    // 视图 › 放大 / 缩小 / 实际大小: the page's 显示比例, as Ctrl+= / Ctrl+- / Ctrl+Shift+0 in the page
    if (command === 'view.zoomIn') zoomStep(1)
    if (command === 'view.zoomOut') zoomStep(-1)
    if (command === 'view.zoomReset') setViewSettings({ zoom: 100 })
    teamCommands.current?.(command)
  }
  useEffect(() => window.draftdesk?.onCommand((c) => editorCommands.current?.(c) || commandRef.current(c)), [])

  const onSaved = useCallback(({ title, characters }: { title: string; characters: number }) => {
    setDocs((list) => list.map((d) => (d.id === record?.id ? { ...d, title, characters, updatedAt: Date.now() } : d)))
  }, [record?.id])

  // Files dropped anywhere on the window are imported (text dragged inside the editor is not affected).
  useEffect(() => {
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files')
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      e.stopPropagation()
    }
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return
      e.preventDefault()
      e.stopPropagation()
      const file = e.dataTransfer?.files[0]
      if (file) setImporting(file)
    }
    window.addEventListener('dragover', over, true)
    window.addEventListener('drop', drop, true)
    return () => {
      window.removeEventListener('dragover', over, true)
      window.removeEventListener('drop', drop, true)
    }
  }, [])

  if (!info) return <div className="loading">{t('loading')}</div>
  // a restored or salvaged library: the open document belonged to the one it replaced
  const libraryReplaced = (next: LibraryInfo, message?: string) => {
    setBackupsOpen(false)
    setRecord(null)
    setInfo(next)
    if (message) setNotice(message)
  }

  if (info.state === 'unavailable') return <LibraryUnavailable info={info} onOpened={libraryReplaced} />

  return (
    <TeamProvider library={info} onOpen={open} onReopen={reopen} onListChanged={() => refresh('documents')} onNotice={setNotice} commands={teamCommands}>
    <div className={`app${shown.docListOpen ? '' : ' no-doclist'}`}>
      <TeamDocumentList
        view={view}
        docs={docs}
        hits={view === 'documents' ? hits : null}
        query={query}
        openId={record?.id ?? null}
        onQuery={setQuery}
        onOpen={(id) => void open(id)}
        onNew={() => void create()}
        onImport={() => fileInput.current?.click()}
        onTemplate={() => setPickingTemplate(true)}
        onRename={(d, title) => {
          // The open document is renamed through its title line; autosave stores it.
          if (record?.id === d.id && editorRef.current) editorRef.current.setTitle(title)
          else act(() => api.call('documents.rename', { id: d.id, title }))()
        }}
        onDuplicate={(d) => act(async () => {
          const copy = await api.call('documents.duplicate', { id: d.id, title: t('docs.duplicateTitle', { title: d.title || t('common:untitled') }) })
          setRecord(copy)
        })()}
        onRollover={(d) => setRollingOver(d.id)}
        onTrash={(d) => act(async () => {
          await api.call('documents.trash', { id: d.id })
          if (record?.id === d.id) setRecord(null)
          // one click, no question asked: say where it went, so a slip is not taken for a loss
          setNotice(t('docs.trashed', { title: d.title || t('common:untitled') }))
        })()}
        onRestore={(d) => act(() => api.call('documents.restore', { id: d.id }))()}
        onPurge={setPurging}
        onView={(v) => { setView(v); void refresh(v).catch(fail) }}
        onBackups={() => setBackupsOpen(true)}
        team={view === 'documents' && <TeamSection openId={record?.id ?? null} />}
        readOnly={info.readOnly}
      />
      <main className="workspace">
        {info.readOnly && <ReadOnlyBanner />}
        {record ? (
          <SummaryEditor
            key={`${record.id}#${loadCount}`}
            record={record}
            library={library}
            handle={editorRef}
            onStatus={status.set}
            onSaved={onSaved}
            onNotice={setNotice}
            commands={editorCommands}
            openFigures={openFigures === record.id}
            onListChanged={() => void refresh().catch(fail)}
            onReload={(stored) => {
              setRecord(stored)
              setLoadCount((n) => n + 1)
            }}
          />
        ) : (
          <div className="empty-workspace">
            {openError ? (
              <p className="error" role="alert"><strong>{t('cannotOpen')}</strong><br />{openError}</p>
            ) : view === 'documents' && docs.length === 0 && !info.readOnly ? (
              <Welcome
                onNew={() => void create()}
                onTemplate={() => setPickingTemplate(true)}
                onImport={() => fileInput.current?.click()}
                onTrash={() => { setView('trash'); void refresh('trash').catch(fail) }}
              />
            ) : (
              <p>{t(info.readOnly ? 'noDocumentReadOnly' : 'noDocument')}</p>
            )}
          </div>
        )}
        <StatusBar status={record ? status : null} notice={notice} onDismiss={() => setNotice(null)} />
      </main>
      <FileInput ref={fileInput} accept={IMPORT_ACCEPT} testId="import-input" onFile={setImporting} />
      {backupsOpen && <BackupsDialog onClose={() => setBackupsOpen(false)} onRestored={libraryReplaced} beforeRestore={async () => { await editorRef.current?.flush() }} />}
      {pickingTemplate && (
        <TemplatePicker
          onClose={() => setPickingTemplate(false)}
          onCreated={(id) => {
            setPickingTemplate(false)
            setView('documents')
            setFocusNew(id)
            void refresh('documents').then(() => open(id)).catch(fail)
          }}
        />
      )}
      {purging && (
        <PurgeDialog
          doc={purging}
          onClose={() => setPurging(null)}
          onPurged={() => {
            setPurging(null)
            void refresh().catch(fail)
          }}
        />
      )}
      {rollingOver && (
        <RolloverDialog
          documentId={rollingOver}
          onClose={() => setRollingOver(null)}
          onCreated={(created) => {
            setRollingOver(null)
            setView('documents')
            setOpenFigures(created.id)
            setRecord(created)
            void refresh('documents').catch(fail)
          }}
        />
      )}
      {importing && (
        <ImportDialog
          file={importing}
          canInsert={!!record}
          onClose={() => setImporting(null)}
          onSaved={(id) => {
            setImporting(null)
            setFocusNew(id)
            void refresh('documents').then(() => (id ? open(id) : undefined)).catch(fail)
          }}
          onInsert={(doc) => {
            editorRef.current?.insertDocument(doc)
            setImporting(null)
          }}
        />
      )}
    </div>
    </TeamProvider>
  )
}

/**
 * An empty 文稿库 (the first launch): the three ways a writer starts, each saying what it gives,
 * in the middle of the window rather than only as small buttons in the list. When the list is empty
 * only because its documents are in the 回收站 (the writer deleted the last one), it says so and
 * offers the 回收站 first: "还是空的" would tell them their work is gone. It mounts each time the list
 * becomes empty, so the count is read then.
 */
function Welcome({ onNew, onTemplate, onImport, onTrash }: { onNew(): void; onTemplate(): void; onImport(): void; onTrash(): void }) {
  const { t } = useTranslation('app')
  const api = useApi()
  const [trashed, setTrashed] = useState<number | null>(null)
  useEffect(() => {
    let stale = false
    // the count only adds a line: when it cannot be read, the welcome stays as it is
    void api.call('documents.list', { trash: true }).then((list) => !stale && setTrashed(list.length), () => undefined)
    return () => { stale = true }
  }, [api])
  return (
    <section className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <h1 id="welcome-title">{t(trashed ? 'welcome.titleTrash' : 'welcome.title')}</h1>
      <p className="muted" data-testid="welcome-lead">{trashed ? t('welcome.leadTrash', { count: trashed }) : trashed === 0 ? t('welcome.lead') : t('welcome.leadPlain')}</p>
      {!!trashed && (
        <p className="welcome-trash">
          <button onClick={onTrash} data-testid="welcome-trash">{t('welcome.openTrash', { count: trashed })}</button>
        </p>
      )}
      <div className="welcome-choices">
        <button onClick={onImport} className="primary" data-testid="welcome-import">
          <strong>{t('welcome.import')}</strong>
          <span>{t('welcome.importHint')}</span>
        </button>
        <button onClick={onTemplate} data-testid="welcome-template">
          <strong>{t('welcome.template')}</strong>
          <span>{t('welcome.templateHint')}</span>
        </button>
        <button onClick={onNew} data-testid="welcome-new">
          <strong>{t('welcome.new')}</strong>
          <span>{t('welcome.newHint')}</span>
        </button>
      </div>
    </section>
  )
}

/** The document list with its team documents marked (the team's state is read inside the provider). */
function TeamDocumentList(props: Omit<React.ComponentProps<typeof DocumentList>, 'teamIds'>) {
  const team = useTeam()
  return <DocumentList {...props} teamIds={team?.teamIds} />
}

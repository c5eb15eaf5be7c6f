/**
 * Co-editing a team document: when the open document is the local copy of a team document
 * (`team.link`), the editor is bound to the team's Y.Doc by Lexical's own CollaborationPlugin
 * (@lexical/yjs), synced by the engine's provider and kept in this browser (connection.ts). It
 * provides TeamDocContext to the features inside the editor (批注, 分工, …).
 *
 * - The editor starts empty (SummaryEditor passes editorState null) and takes its text from the
 *   Y.Doc: the browser's copy first, then the server's. Until one of them has text, nothing may
 *   write into the editor (TeamReady holds back the title guard; the editor is not editable), or
 *   a writer's empty page would be merged into the team's text.
 * - Bootstrap: the server's copy is filled from the local copy once, by the member who shared it
 *   (TEAM_INDEX says sharedBy === me, or it has no entry yet), when the server's copy is still empty
 *   after the first sync. Nobody else ever does (two bootstraps would double the text). Everyone
 *   else's local copy is overwritten from the team document by autosave, as with any change.
 * - Undo is the Yjs undo manager (the plugin's): it undoes one's own changes only. SummaryEditor
 *   leaves HistoryPlugin out in team mode.
 * - 只读 and 审阅 members get a read-only editor; what the server refuses anyway comes back as a
 *   notice (parseTeamNotice) and is shown in the writer's words.
 */
import { CollaborationPlugin } from '@lexical/react/LexicalCollaborationPlugin'
import { LexicalCollaboration } from '@lexical/react/LexicalCollaborationContext'
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import type { Provider } from '@lexical/yjs'
import { $getRoot, HISTORY_MERGE_TAG, type LexicalEditor } from 'lexical'
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import * as Y from 'yjs'
import type { DocumentRecord } from '../../../shared/api'
import type { TeamConnection } from '../../../shared/api/team'
import { modelToEditorState } from '../../../shared/document/lexicalState'
import { documentCharacters } from '../../../shared/document/text'
import type { TeamNotice } from '../../../shared/team/protocol'
import { useApi } from '../../app/ApiContext'
import { translateMessage } from '../../app/errors'
import { withFigures } from '../figures/state'
import { memberColor } from './colors'
import { connectTeamDoc, type TeamDocConnection } from './connection'
import { RemoteFigureRepaint } from './RemoteFigureRepaint'
import { useTeam } from './TeamContext'
import { TeamDocContext, type TeamDocSession, type TeamMe, type TeamSyncState } from './session'
import { SIGNATURE_KEY, SIGNATURE_MAP } from './shape'
import './team.css'

/** The open document's team link, with what the provider needs to connect. */
export interface TeamLinkInfo {
  teamName: string
  connection: TeamConnection
}

/** Someone in the document (the awareness of every open editor of it). */
export interface TeamPerson {
  name: string
  color: string
  me: boolean
}

/** What the status bar shows of a team document. */
export interface TeamStatusLine {
  sync: TeamSyncState
  people: TeamPerson[]
}

/**
 * Whether the document is the local copy of a team document: undefined while asking the back end,
 * null for a local document (or when the membership is gone). The app's TeamProvider already holds
 * the membership and links: its answer is used, and the back end is asked only for a linked
 * document's connection (or for everything, outside a TeamProvider).
 */
export function useTeamLink(documentId: string): TeamLinkInfo | null | undefined {
  const api = useApi()
  const team = useTeam()
  const [link, setLink] = useState<TeamLinkInfo | null | undefined>(undefined)
  // undefined: the provider has not read the status yet; null: not a team document
  const known = !team ? undefined : !team.status ? undefined : team.status.membership ? (team.linkOf(documentId)?.teamName ?? null) : null
  const waiting = !!team && known === undefined
  useEffect(() => {
    if (waiting) return
    let live = true
    void (async () => {
      try {
        let teamName = known
        if (teamName === undefined) {
          const status = await api.call('team.status', {})
          teamName = status.membership ? (status.links.find((l) => l.documentId === documentId)?.teamName ?? null) : null
        }
        if (!teamName) return live && setLink(null)
        const connection = await api.call('team.connection', {})
        if (live) setLink({ teamName, connection })
      } catch {
        if (live) setLink(null)
      }
    })()
    return () => {
      live = false
    }
  }, [api, documentId, known, waiting])
  return link
}

/** The editor may change the document: false until the team document's text is in the editor. */
const TeamReadyContext = createContext(true)

/** Renders its children once the team document's text is in the editor (at once for a local document). */
export function TeamReady({ children }: { children: ReactNode }) {
  return useContext(TeamReadyContext) ? <>{children}</> : null
}

/** True once the open team document's text is in the editor (always for a local document). */
export function useTeamReady(): boolean {
  return useContext(TeamReadyContext)
}

/**
 * How long an open team document waits for the server's text before what the browser's copy holds
 * is taken as the team's text for now (offline, or the server is slow to answer).
 */
const SETTLE_OFFLINE_MS = 3000

/**
 * True once the editor holds the freshest team text there is to get: the server's, once it has
 * answered, or the browser's copy when no answer came within SETTLE_OFFLINE_MS. The browser's copy
 * is written at idle moments, so it can lack the last half second of others' changes; what weighs
 * unsaved text against the team's text (恢复) waits for this instead of useTeamReady.
 */
const TeamSettledContext = createContext(true)
export function useTeamSettled(): boolean {
  return useContext(TeamSettledContext)
}

const UNDO_MANAGER = Symbol.for('@lexical/yjs/UndoManager')

/** The Yjs undo manager CollaborationPlugin publishes on the editor. */
export function collabUndoManager(editor: LexicalEditor): Y.UndoManager | undefined {
  return (editor as unknown as Record<symbol, Y.UndoManager | undefined>)[UNDO_MANAGER]
}

interface Props {
  /** null: a local document, the children as they are */
  link: TeamLinkInfo | null
  record: DocumentRecord
  onTeamStatus(status: TeamStatusLine | undefined): void
  onNotice(message: string | null): void
  children: ReactNode
}

export function TeamCoEdit({ link, ...rest }: Props) {
  if (!link) return <>{rest.children}</>
  return <TeamSession link={link} {...rest} />
}

function TeamSession({ link, record, onTeamStatus, onNotice, children }: Props & { link: TeamLinkInfo }) {
  const { t } = useTranslation('team')
  const [editor] = useLexicalComposerContext()
  // made in an effect (StrictMode runs it twice: the first connection is destroyed, never used)
  const [conn, setConn] = useState<TeamDocConnection | null>(null)
  useEffect(() => {
    const c = connectTeamDoc(link.connection, link.teamName)
    setConn(c)
    // after the binding inside has let go of the doc (its cleanup runs after this one)
    return () => void setTimeout(() => c.destroy(), 0)
  }, [link])
  const me = useMemo<TeamMe>(
    () => ({ name: link.connection.name, role: link.connection.role, color: memberColor(link.connection.name) }),
    [link],
  )
  const [ready, setReady] = useState(false)
  const [settled, setSettled] = useState(false)

  // nothing is typed into the editor before the team's text is in it; 只读 and 审阅 never type
  useLayoutEffect(() => {
    editor.setEditable(ready && me.role === 'editor')
  }, [editor, ready, me.role])

  // ---- the text: the browser's copy, then the server's (and the bootstrap) -----------------------
  useEffect(() => {
    if (!conn) return
    let live = true
    const root = conn.doc.get('root', Y.XmlText)
    void conn.local.then(() => {
      if (live && root.length > 0) setReady(true)
    })
    let first = true
    const onSynced = async () => {
      if (!first) return
      first = false
      if (root.length === 0 && documentCharacters(record.model) + record.model.title.trim().length > 0) {
        const sharedBy = await conn.sharedBy()
        // checked again: the text may have arrived meanwhile
        if (live && root.length === 0 && (sharedBy === undefined || sharedBy === me.name)) bootstrap(editor, conn, record)
      }
      if (live) setReady(true)
      // the server's text reaches the editor when the message's transaction ends and Lexical has
      // committed it: a task later
      setTimeout(() => live && setSettled(true), 0)
    }
    conn.provider.on('synced', onSynced)
    return () => {
      live = false
      conn.provider.off('synced', onSynced)
    }
  }, [conn, editor, record, me.name])

  // no answer from the server soon after the browser's copy is in: that copy is the team's text for now
  useEffect(() => {
    if (!ready || settled) return
    const timer = setTimeout(() => setSettled(true), SETTLE_OFFLINE_MS)
    return () => clearTimeout(timer)
  }, [ready, settled])

  // the team's text is in the editor: the local copy follows it (autosave sees a change)
  useEffect(() => {
    if (ready) editor.update(() => $getRoot().markDirty(), { tag: HISTORY_MERGE_TAG })
  }, [editor, ready])

  // ---- the status bar: 离线 / 同步中 / 已同步 and who is in the document ---------------------------
  const [sync, setSync] = useState<TeamSyncState>('offline')
  const [people, setPeople] = useState<TeamPerson[]>([{ name: me.name, color: me.color, me: true }])
  useEffect(() => {
    if (!conn) return
    setSync(conn.syncState())
    const offState = conn.onSyncState(setSync)
    const awareness = conn.provider.awareness!
    const onAwareness = () => {
      const seen = new Map<string, TeamPerson>([[me.name, { name: me.name, color: me.color, me: true }]])
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID) continue
        const name = typeof state.name === 'string' ? state.name : null
        if (name && !seen.has(name)) seen.set(name, { name, color: typeof state.color === 'string' ? state.color : memberColor(name), me: false })
      }
      const next = [...seen.values()]
      setPeople((was) => (JSON.stringify(was) === JSON.stringify(next) ? was : next))
    }
    awareness.on('change', onAwareness)
    onAwareness()
    return () => {
      offState()
      awareness.off('change', onAwareness)
    }
  }, [conn, me])
  const line = useMemo<TeamStatusLine>(() => ({ sync, people }), [sync, people])
  useEffect(() => onTeamStatus(line), [line, onTeamStatus])
  useEffect(() => () => onTeamStatus(undefined), [onTeamStatus])

  // ---- an IME composition is not interrupted by others' changes (they are applied when it ends) ----
  useEffect(() => {
    if (!conn) return
    const onStart = () => conn.holdIncoming(true)
    // after Lexical has taken the composed text (its own compositionend handling)
    const onEnd = () => setTimeout(() => conn.holdIncoming(false), 0)
    return editor.registerRootListener((root, prev) => {
      prev?.removeEventListener('compositionstart', onStart)
      prev?.removeEventListener('compositionend', onEnd)
      root?.addEventListener('compositionstart', onStart)
      root?.addEventListener('compositionend', onEnd)
    })
  }, [conn, editor])

  // ---- the writer's keystrokes are drawn first: others' changes wait a frame (connection.ts) -----
  useEffect(() => {
    if (!conn) return
    const onInput = () => conn.noteInput()
    return editor.registerRootListener((root, prev) => {
      prev?.removeEventListener('beforeinput', onInput, true)
      prev?.removeEventListener('keydown', onInput, true)
      root?.addEventListener('beforeinput', onInput, true)
      root?.addEventListener('keydown', onInput, true)
    })
  }, [conn, editor])

  // ---- refusals from the server, in the writer's words --------------------------------------------
  useEffect(() => {
    if (!conn) return
    const say = (notice: TeamNotice) =>
      onNotice(
        translateMessage({
          code: notice.code,
          params: { role: t(`coedit.role.${notice.role ?? me.role}`), limit: t('coedit.serverLimit') },
        }),
      )
    const offNotice = conn.onNotice(say)
    const onFailed = () => onNotice(translateMessage({ code: 'team.badToken', params: {} }))
    conn.provider.on('authenticationFailed', onFailed)
    return () => {
      offNotice()
      conn.provider.off('authenticationFailed', onFailed)
    }
  }, [conn, onNotice, t, me.role])

  // Others' carets live in a layer that scrolls with the page but is not zoomed with it (Lexical
  // places them from screen rectangles, relative to this layer).
  const cursors = useMemo<{ current: HTMLElement | null }>(() => ({ current: null }), [])
  useLayoutEffect(
    () =>
      editor.registerRootListener((root) => {
        cursors.current?.remove()
        cursors.current = null
        const scroller = root?.closest('.page-scroll')
        if (!scroller) return
        scroller.classList.add('team-scroll')
        const layer = document.createElement('div')
        layer.className = 'team-cursors'
        scroller.append(layer)
        cursors.current = layer
      }),
    [editor, cursors],
  )
  useEffect(() => () => cursors.current?.remove(), [cursors])

  const providerFactory = useCallback(
    (id: string, docs: Map<string, Y.Doc>): Provider => {
      docs.set(id, conn!.doc)
      return conn!.lexicalProvider
    },
    [conn],
  )
  const session = useMemo<TeamDocSession | null>(
    () => (conn ? { teamName: link.teamName, documentId: record.id, doc: conn.doc, provider: conn.provider, me } : null),
    [conn, link.teamName, record.id, me],
  )

  if (!conn || !session) return null
  return (
    <LexicalCollaboration>
      <CollaborationPlugin key={link.teamName} id={link.teamName} providerFactory={providerFactory} shouldBootstrap={false} username={me.name} cursorColor={me.color} cursorsContainerRef={cursors} />
      <RemoteFigureRepaint />
      {!ready && <div className="team-connecting" role="status">{t('coedit.connecting')}</div>}
      {ready && me.role !== 'editor' && (
        <div className="team-readonly" role="status" data-testid="team-readonly">
          {t('coedit.readOnly', { role: t(`coedit.role.${me.role}`) })}
        </div>
      )}
      <TeamDocContext.Provider value={session}>
        <TeamReadyContext.Provider value={ready}>
          <TeamSettledContext.Provider value={ready && settled}>{children}</TeamSettledContext.Provider>
        </TeamReadyContext.Provider>
      </TeamDocContext.Provider>
    </LexicalCollaboration>
  )
}

/**
 * Fills the empty team document from the local copy: the editor takes the local copy's state and
 * the binding writes it to the Y.Doc. Not an edit of the writer's: the undo manager forgets it.
 */
function bootstrap(editor: LexicalEditor, conn: TeamDocConnection, record: DocumentRecord): void {
  const json = JSON.stringify(withFigures(modelToEditorState(record.model), record.model.figures))
  if (record.model.signature) conn.doc.getMap(SIGNATURE_MAP).set(SIGNATURE_KEY, record.model.signature)
  editor.update(
    () => {
      if (!$getRoot().isEmpty()) return
      editor.setEditorState(editor.parseEditorState(json), { tag: HISTORY_MERGE_TAG })
    },
    { tag: HISTORY_MERGE_TAG, onUpdate: () => collabUndoManager(editor)?.clear() },
  )
}

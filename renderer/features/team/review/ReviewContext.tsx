/**
 * 批注 and 分工 of the open team document: the renderer's own connection to its companion document
 * `doc:<id>#comments` (审阅 members may write it; the text is read-only for them), what is in it
 * (threads, assignments), the team's members and who we are. The comments panel, the highlights in
 * the text and the outline's 分工 read it through useReview(); for a local document it is null.
 */
import { HocuspocusProvider } from '@hocuspocus/provider'
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import * as Y from 'yjs'
import { ASSIGNMENTS, readAssignments, type Actor, type KeyedAssignment } from '../../../../shared/team/assignments'
import { readThreads, THREADS, type Thread, type ThreadAnchor } from '../../../../shared/team/comments'
import { commentsDocumentName, type TeamMember } from '../../../../shared/team/protocol'
import { useApi } from '../../../app/ApiContext'
import { useTeamDoc, type TeamDocSession, type TeamSyncState } from '../session'

export interface ReviewValue {
  session: TeamDocSession
  /** the `#comments` document */
  doc: Y.Doc
  state: TeamSyncState
  me: Actor
  members: TeamMember[]
  /** asks the server for the members again (someone may have been added since) */
  refreshMembers(): void
  threads: Thread[]
  assignments: KeyedAssignment[]
  /** the thread the writer is looking at (its words marked more strongly) */
  active: string | null
  setActive(id: string | null): void
  /** a comment being written on the selected words (the panel shows its form) */
  draft: Draft | null
  setDraft(draft: Draft | null): void
}

export interface Draft {
  anchor: ThreadAnchor
  quote: string
}

const ReviewContext = createContext<ReviewValue | null>(null)

/** The open team document's comments and assignments; null for a local document. */
export function useReview(): ReviewValue | null {
  return useContext(ReviewContext)
}

export function ReviewProvider({ children }: { children: ReactNode }) {
  const session = useTeamDoc()
  // one connection per team document (the editor is remounted for another document)
  return session ? (
    <Connected key={session.teamName} session={session}>
      {children}
    </Connected>
  ) : (
    <>{children}</>
  )
}

function Connected({ session, children }: { session: TeamDocSession; children: ReactNode }) {
  const api = useApi()
  // made in the effect that connects it, and destroyed with it (StrictMode runs effects twice)
  const [doc, setDoc] = useState<Y.Doc | null>(null)
  const [state, setState] = useState<TeamSyncState>('syncing')
  const [members, setMembers] = useState<TeamMember[]>([])
  const [threads, setThreads] = useState<Thread[]>([])
  const [assignments, setAssignments] = useState<KeyedAssignment[]>([])
  const [active, setActive] = useState<string | null>(null)
  const [draft, setDraft] = useState<Draft | null>(null)

  useEffect(() => {
    let live = true
    let provider: HocuspocusProvider | null = null
    const ydoc = new Y.Doc()
    setDoc(ydoc)
    const threadMap = ydoc.getMap(THREADS)
    const assignmentMap = ydoc.getMap(ASSIGNMENTS)
    const readAll = () => {
      setThreads(readThreads(ydoc))
      setAssignments(readAssignments(ydoc))
    }
    threadMap.observeDeep(readAll)
    assignmentMap.observeDeep(readAll)
    void api.call('team.connection', {}).then(
      (c) => {
        if (!live) return
        let connected = false
        provider = new HocuspocusProvider({ url: c.serverUrl, name: commentsDocumentName(session.teamName), document: ydoc, token: c.token })
        const settle = () => setState(!connected ? 'offline' : provider!.isSynced && provider!.unsyncedChanges === 0 ? 'synced' : 'syncing')
        provider.on('status', ({ status }: { status: string }) => {
          connected = status === 'connected'
          settle()
        })
        provider.on('synced', settle)
        provider.on('unsyncedChanges', settle)
        provider.on('authenticationFailed', () => {
          connected = false
          settle()
        })
      },
      () => live && setState('offline'),
    )
    return () => {
      live = false
      threadMap.unobserveDeep(readAll)
      assignmentMap.unobserveDeep(readAll)
      provider?.destroy()
      ydoc.destroy()
    }
  }, [api, session.teamName])
  const refreshMembers = useCallback(() => {
    void api.call('team.members', {}).then(setMembers, () => undefined)
  }, [api])
  useEffect(refreshMembers, [refreshMembers])

  const value = useMemo<ReviewValue | null>(
    () => (doc ? { session, doc, state, me: { name: session.me.name, role: session.me.role }, members, refreshMembers, threads, assignments, active, setActive, draft, setDraft } : null),
    [session, doc, state, members, refreshMembers, threads, assignments, active, draft],
  )
  return <ReviewContext.Provider value={value}>{children}</ReviewContext.Provider>
}

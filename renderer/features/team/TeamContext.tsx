/**
 * 团队 in the app: the membership and links (the back end's `team.status`), the team's list of
 * documents (live, teamIndex.ts), and what a writer does with them — join, see the members, leave,
 * share the open document, copy a team document back to local, open a team document (its local
 * copy is made on first opening). The dialogs live here so that the toolbar's 团队 ▾, the document
 * list and the desktop menu open the same ones.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import type { TeamLink, TeamStatus } from '../../../shared/api'
import type { AppCommand } from '../../../shared/commands'
import type { TeamIndexItem } from '../../../shared/team/documents'
import { teamDocumentName } from '../../../shared/team/protocol'
import { useApi } from '../../app/ApiContext'
import { errorMessage, RefusalError } from '../../app/errors'
import { JoinDialog, LeaveDialog, MembersDialog } from './TeamDialogs'
import { connectTeamIndex, type TeamIndexConnection } from './teamIndex'
import type { TeamSyncState } from './session'
import './team.css'

export interface TeamValue {
  status: TeamStatus | null
  /** the team's documents (empty when not joined) */
  items: TeamIndexItem[]
  indexState: TeamSyncState
  /** local documents that are team documents' local copies */
  teamIds: ReadonlySet<string>
  linkOf(documentId: string): TeamLink | undefined
  openJoin(): void
  openMembers(): void
  askLeave(): void
  /** 共享到团队 (the open document; `flush` saves what is typed first) */
  share(documentId: string, flush: () => Promise<void>): Promise<void>
  /** 复制为本地文稿 */
  copyToLocal(documentId: string, flush: () => Promise<void>): Promise<void>
  openTeamDocument(item: TeamIndexItem): Promise<void>
  /** the team document being opened (its local copy made), if any */
  opening: string | null
}

const TeamContext = createContext<TeamValue | null>(null)

export function useTeam(): TeamValue | null {
  return useContext(TeamContext)
}

interface Props {
  children: ReactNode
  /** the open 文稿库 (the membership and links live in it): read again when another one opens or is restored */
  library: unknown
  /** open a local document in the editor */
  onOpen(id: string): Promise<void>
  /** load the open document again in a fresh editor (the co-editing binding takes it over) */
  onReopen(id: string): Promise<void>
  /** the document list changed (a copy was made) */
  onListChanged(): Promise<void>
  onNotice(message: string | null): void
  /** the desktop menu's 团队 commands; answers whether it took the command */
  commands: RefObject<((command: AppCommand) => boolean) | null>
}

export function TeamProvider({ children, library, onOpen, onReopen, onListChanged, onNotice, commands }: Props) {
  const { t } = useTranslation('team')
  const api = useApi()
  const [status, setStatus] = useState<TeamStatus | null>(null)
  const [items, setItems] = useState<TeamIndexItem[]>([])
  const [indexState, setIndexState] = useState<TeamSyncState>('offline')
  const [dialog, setDialog] = useState<null | 'join' | 'members' | 'leave'>(null)
  const [opening, setOpening] = useState<string | null>(null)
  const index = useRef<TeamIndexConnection | null>(null)

  const fail = useCallback((err: unknown) => onNotice(errorMessage(err)), [onNotice])
  const refresh = useCallback(async () => {
    const next = await api.call('team.status', {})
    setStatus(next)
    return next
  }, [api])
  useEffect(() => {
    void refresh().catch(fail)
  }, [refresh, fail, library])

  // one connection to the team's list per membership
  const membership = status?.membership ?? null
  const memberKey = membership ? `${membership.serverUrl}\n${membership.name}\n${membership.joinedAt}` : null
  useEffect(() => {
    if (!memberKey) {
      setItems([])
      setIndexState('offline')
      return
    }
    let live = true
    let connection: TeamIndexConnection | null = null
    setIndexState('syncing')
    void api.call('team.connection', {}).then((c) => {
      if (!live) return
      connection = connectTeamIndex(c, (next, state) => {
        setItems(next)
        setIndexState(state)
      })
      index.current = connection
    }, fail)
    return () => {
      live = false
      connection?.destroy()
      if (index.current === connection) index.current = null
    }
  }, [api, memberKey, fail])

  const linkOf = useCallback((documentId: string) => status?.links.find((l) => l.documentId === documentId), [status])
  const teamIds = useMemo(() => new Set(status?.links.map((l) => l.documentId) ?? []), [status])

  const share = useCallback(
    async (documentId: string, flush: () => Promise<void>) => {
      try {
        if (!membership) throw new RefusalError(t('notJoined'))
        if (membership.role !== 'editor') throw new RefusalError(t('shareOnlyEditor'))
        await flush()
        const record = await api.call('documents.get', { id: documentId })
        const name = teamDocumentName(documentId)
        await api.call('team.link', { documentId, teamName: name })
        await refresh()
        if (!index.current) throw new RefusalError(t('shareUnconfirmed'))
        try {
          await index.current.share(name, { title: record.model.title, sharedBy: membership.name, sharedAt: Date.now() })
        } catch {
          throw new RefusalError(t('shareUnconfirmed'))
        }
        onNotice(t('shared', { title: record.model.title || t('common:untitled') }))
        // the binding takes the document over when it opens again (it puts our text on the server)
        await onReopen(documentId)
      } catch (err) {
        fail(err)
      }
    },
    [api, membership, refresh, onNotice, onReopen, fail, t],
  )

  const copyToLocal = useCallback(
    async (documentId: string, flush: () => Promise<void>) => {
      try {
        await flush()
        const record = await api.call('documents.get', { id: documentId })
        const title = t('copyTitle', { title: record.model.title || t('common:untitled') })
        const copy = await api.call('documents.duplicate', { id: documentId, title })
        await onListChanged()
        await onOpen(copy.id)
        onNotice(t('copied', { title }))
      } catch (err) {
        fail(err)
      }
    },
    [api, onListChanged, onOpen, onNotice, fail, t],
  )

  const openTeamDocument = useCallback(
    async (item: TeamIndexItem) => {
      if (opening) return
      setOpening(item.name)
      try {
        const current = await refresh()
        const linked = current.links.find((l) => l.teamName === item.name)
        if (linked) return await onOpen(linked.documentId)
        // the local copy: an empty document the binding fills from the server when it opens
        const created = await api.call('documents.create', { title: item.title })
        await api.call('team.link', { documentId: created.id, teamName: item.name })
        await refresh()
        await onListChanged()
        await onOpen(created.id)
      } catch (err) {
        fail(err)
      } finally {
        setOpening(null)
      }
    },
    [api, opening, refresh, onOpen, onListChanged, fail],
  )

  const leave = useCallback(async () => {
    try {
      await api.call('team.leave', {})
      setDialog(null)
      await refresh()
      await onListChanged()
      onNotice(t('leaveDialog.left'))
    } catch (err) {
      fail(err)
    }
  }, [api, refresh, onListChanged, onNotice, fail, t])

  const value = useMemo<TeamValue>(
    () => ({
      status,
      items,
      indexState,
      teamIds,
      linkOf,
      openJoin: () => setDialog('join'),
      openMembers: () => (membership ? setDialog('members') : onNotice(t('notJoined'))),
      askLeave: () => (membership ? setDialog('leave') : onNotice(t('notJoined'))),
      share,
      copyToLocal,
      openTeamDocument,
      opening,
    }),
    [status, items, indexState, teamIds, linkOf, membership, share, copyToLocal, openTeamDocument, opening, onNotice, t],
  )

  commands.current = (command) => {
    if (command === 'team.join') value.openJoin()
    else if (command === 'team.members') value.openMembers()
    else if (command === 'team.leave') value.askLeave()
    else return false
    return true
  }

  return (
    <TeamContext.Provider value={value}>
      {children}
      {dialog === 'join' && (
        <JoinDialog
          membership={membership}
          onClose={() => setDialog(null)}
          onJoined={() => {
            void refresh().catch(fail)
          }}
        />
      )}
      {dialog === 'members' && membership && <MembersDialog membership={membership} onClose={() => setDialog(null)} />}
      {dialog === 'leave' && <LeaveDialog onClose={() => setDialog(null)} onLeave={() => void leave()} />}
    </TeamContext.Provider>
  )
}

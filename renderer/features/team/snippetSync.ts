/**
 * The team's 素材库 in the app: while the 文稿库 has a team membership, one connection (the engine's
 * provider) to the team server's `team:snippets` document keeps the back end's local mirror in
 * step — the whole map after every (re)connect, then the changed entries in small batches — so
 * searching team snippets is the same local full-text search as the writer's own
 * (snippets.teamSync; electron/services/snippets/teamStore.ts). Writes (提交到团队, edit, delete)
 * go into the map here and come back through the same path; the server refuses them from 审阅 and
 * 只读 members whatever this side does.
 *
 * 编辑 and 审阅 members also hold a connection to `team:snippet-proposals` (shared/team/proposals.ts):
 * a 审阅 member proposes a snippet of their own there (提议给团队), an 编辑 member takes it in (采纳:
 * written into `team:snippets`, so it comes back to every member as any team snippet) or sends it
 * back (退回, with a reason the proposer reads). 只读 members have no such connection: the server
 * would refuse their writes there too.
 *
 * One connection for the whole app (a module-level singleton): the 素材 panel starts it
 * (useTeamSnippets), and a change of membership (加入团队, 退出团队) restarts it
 * (TEAM_CHANGED_EVENT, or teamMembershipChanged()).
 */
import { HocuspocusProvider } from '@hocuspocus/provider'
import { useEffect, useSyncExternalStore } from 'react'
import * as Y from 'yjs'
import type { ApiClient } from '../../../shared/api'
import type { Snippet } from '../../../shared/snippets'
import { parseTeamNotice, TEAM_SNIPPET_PROPOSALS, TEAM_SNIPPETS, type TeamRole } from '../../../shared/team/protocol'
import { acceptProposal, forgetProposal, proposeSnippet, readProposals, readReturned, returnProposal, type TeamProposal, type TeamReturned } from '../../../shared/team/proposals'
import { batchOfChanges, fullBatch, newTeamSnippetId, teamEntryFrom, teamSnippetsMap, type TeamSnippetBatch, type TeamSnippetEntry } from '../../../shared/team/snippets'
import { useApi } from '../../app/ApiContext'
import { snippetsChanged } from '../snippets/events'
import type { TeamSyncState } from './session'

/** Sent (window event) when the membership changed: the connection follows it. */
export const TEAM_CHANGED_EVENT = 'draftdesk:team-changed'
export function teamMembershipChanged(): void {
  window.dispatchEvent(new Event(TEAM_CHANGED_EVENT))
}

/** Changes are gathered this long before they go to the back end (a burst of edits is one batch). */
const BATCH_MS = 150

export interface TeamSnippetsState {
  /** null: not a member of a team */
  role: TeamRole | null
  name: string | null
  sync: TeamSyncState
  /** the server refused a write (the member's role does not allow it) */
  refused: boolean
  /** snippets proposed to the team and waiting (valid ones only; 编辑 and 审阅 members) */
  proposals: readonly TeamProposal[]
  /** proposals sent back, with the reason (the proposer reads theirs) */
  returned: readonly TeamReturned[]
  /** the proposals document is synced (proposing and deciding wait for it) */
  proposalsReady: boolean
}

const OFF: TeamSnippetsState = { role: null, name: null, sync: 'offline', refused: false, proposals: [], returned: [], proposalsReady: false }

/** Who may propose a snippet to the team: those who may write the proposals document (the server's rule). */
export const mayPropose = (role: TeamRole | null): boolean => role === 'editor' || role === 'reviewer'

class TeamSnippetSync {
  private api: ApiClient | null = null
  private state: TeamSnippetsState = OFF
  private readonly listeners = new Set<() => void>()
  private connection: { key: string; doc: Y.Doc; map: Y.Map<unknown>; provider: HocuspocusProvider; proposals: { doc: Y.Doc; provider: HocuspocusProvider } | null } | null = null
  private pending = new Set<string>()
  private timer: ReturnType<typeof setTimeout> | null = null
  /** batches go one after another, in order */
  private queue: Promise<void> = Promise.resolve()
  private checking: Promise<void> | null = null

  start(api: ApiClient): void {
    if (this.api === api) return
    this.api = api
    window.addEventListener(TEAM_CHANGED_EVENT, () => void this.check())
    void this.check()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  snapshot = (): TeamSnippetsState => this.state

  private set(next: Partial<TeamSnippetsState>): void {
    this.state = { ...this.state, ...next }
    for (const l of this.listeners) l()
  }

  /** Connects, reconnects or disconnects as the membership says. */
  check(): Promise<void> {
    this.checking ??= this.doCheck().finally(() => (this.checking = null))
    return this.checking
  }

  private async doCheck(): Promise<void> {
    const api = this.api
    if (!api) return
    try {
      const { membership } = await api.call('team.status', {})
      const key = membership ? `${membership.serverUrl}\n${membership.name}` : null
      if (key === this.connection?.key && membership) return this.set({ role: membership.role, name: membership.name })
      this.disconnect()
      if (!membership || !key) return this.set(OFF)
      const connection = await api.call('team.connection', {})
      this.connect(key, connection.serverUrl, connection.token, mayPropose(connection.role))
      this.set({ role: connection.role, name: connection.name, sync: 'syncing', refused: false })
    } catch {
      // the back end did not answer: nothing to connect with; the next change of membership asks again
      this.set(OFF)
    }
  }

  private connect(key: string, url: string, token: string, proposing: boolean): void {
    const doc = new Y.Doc()
    const map = teamSnippetsMap(doc)
    const provider = new HocuspocusProvider({
      url,
      name: TEAM_SNIPPETS,
      document: doc,
      token,
      // every (re)connect: the whole map, so what changed while away is caught up
      onSynced: () => {
        this.pending.clear()
        this.send(fullBatch(map))
        this.set({ sync: 'synced' })
      },
      onStatus: ({ status }) => {
        if (status !== 'connected') this.set({ sync: status === 'connecting' ? 'syncing' : 'offline' })
      },
      onStateless: ({ payload }) => {
        if (parseTeamNotice(payload)?.code === 'team.readOnly') this.set({ refused: true })
      },
    })
    map.observe((event) => {
      if (!provider.isSynced) return // the full batch after the sync carries it
      for (const id of event.keysChanged) this.pending.add(id)
      this.timer ??= setTimeout(() => this.flush(), BATCH_MS)
    })
    this.connection = { key, doc, map, provider, proposals: proposing ? this.connectProposals(url, token) : null }
  }

  private connectProposals(url: string, token: string): { doc: Y.Doc; provider: HocuspocusProvider } {
    const doc = new Y.Doc()
    const show = () => this.set({ proposals: readProposals(doc), returned: readReturned(doc) })
    const provider = new HocuspocusProvider({
      url,
      name: TEAM_SNIPPET_PROPOSALS,
      document: doc,
      token,
      onSynced: () => {
        show()
        this.set({ proposalsReady: true })
      },
      onStatus: ({ status }) => {
        if (status !== 'connected') this.set({ proposalsReady: false })
      },
      onStateless: ({ payload }) => {
        if (parseTeamNotice(payload)?.code === 'team.readOnly') this.set({ refused: true })
      },
    })
    doc.on('update', show)
    return { doc, provider }
  }

  private flush(): void {
    this.timer = null
    const connection = this.connection
    if (!connection || this.pending.size === 0) return
    const keys = [...this.pending]
    this.pending.clear()
    this.send(batchOfChanges(connection.map, keys))
  }

  private send(batch: TeamSnippetBatch): void {
    const api = this.api
    if (!api) return
    this.queue = this.queue
      .then(() => api.call('snippets.teamSync', { upserts: batch.upserts, removals: batch.removals, ...(batch.full ? { full: true } : {}) }))
      .then(
        () => snippetsChanged(),
        () => {}, // the mirror catches up at the next full sync
      )
  }

  private disconnect(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.pending.clear()
    if (!this.connection) return
    this.connection.provider.destroy()
    this.connection.doc.destroy()
    this.connection.proposals?.provider.destroy()
    this.connection.proposals?.doc.destroy()
    this.connection = null
    this.set({ proposals: [], returned: [], proposalsReady: false })
  }

  private writable(): Y.Map<unknown> {
    const connection = this.connection
    if (!connection || this.state.role !== 'editor') throw new Error('team.readOnly')
    return connection.map
  }

  /** 提交到团队: a personal snippet as a new shared team snippet (the personal one stays). */
  submit(snippet: Pick<Snippet, 'title' | 'body' | 'tags'>, category: string): string {
    const map = this.writable()
    const id = newTeamSnippetId()
    map.set(id, teamEntryFrom(snippet, category, this.state.name ?? '', Date.now()))
    return id
  }

  /** An edit of a team snippet: the whole entry replaced, by us, now. */
  update(id: string, change: Pick<TeamSnippetEntry, 'title' | 'body' | 'tags' | 'category'>): void {
    const map = this.writable()
    map.set(id, teamEntryFrom(change, change.category, this.state.name ?? '', Date.now()))
  }

  /** Removes a team snippet for every member. */
  remove(id: string): void {
    this.writable().delete(id)
  }

  private proposalsDoc(roles: readonly TeamRole[]): Y.Doc {
    const proposals = this.connection?.proposals
    if (!proposals || !this.state.role || !roles.includes(this.state.role)) throw new Error('team.readOnly')
    return proposals.doc
  }

  /** 提议给团队: one of the member's own snippets, offered to the team (the personal one stays). */
  propose(snippet: Pick<Snippet, 'title' | 'body' | 'tags'>, category: string): string {
    return proposeSnippet(this.proposalsDoc(['editor', 'reviewer']), snippet, category, this.state.name ?? '', Date.now())
  }

  /** 采纳: the proposal becomes a team snippet for everyone. False when it is gone or malformed. */
  accept(id: string): boolean {
    const proposals = this.proposalsDoc(['editor'])
    const snippets = this.writable().doc
    if (!snippets) throw new Error('team.readOnly')
    return acceptProposal(proposals, snippets, id, Date.now())
  }

  /** 退回, with an optional reason the proposer reads. */
  giveBack(id: string, reason: string): boolean {
    return returnProposal(this.proposalsDoc(['editor']), id, reason, this.state.name ?? '', Date.now())
  }

  /** The proposer withdraws a waiting proposal (撤回) or has read why it came back (知道了). */
  forget(id: string): void {
    forgetProposal(this.proposalsDoc(['editor', 'reviewer']), id)
  }

  /** Tests and the back end's own test helpers: resolves when every batch so far reached the back end. */
  async settled(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer)
      this.flush()
    }
    await this.queue
  }
}

export const teamSnippets = new TeamSnippetSync()

/** The team 素材库's state for the UI (role, sync); starts the connection on first use. */
export function useTeamSnippets(): TeamSnippetsState {
  const api = useApi()
  useEffect(() => teamSnippets.start(api), [api])
  return useSyncExternalStore(teamSnippets.subscribe, teamSnippets.snapshot)
}

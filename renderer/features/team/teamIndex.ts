/**
 * The team's list of documents, live: the renderer's own connection to TEAM_INDEX on the team
 * server (the engine's provider, with the address and join code from `team.connection`). Whatever
 * another member shares appears as the server passes it on; 共享到团队 writes our entry and waits
 * until the server has it.
 */
import { HocuspocusProvider } from '@hocuspocus/provider'
import * as Y from 'yjs'
import { readTeamIndex, TEAM_INDEX_DOCUMENTS, writeTeamIndexEntry, type TeamIndexItem } from '../../../shared/team/documents'
import { TEAM_INDEX, type TeamIndexEntry } from '../../../shared/team/protocol'
import type { TeamSyncState } from './session'

export interface TeamIndexConnection {
  items(): TeamIndexItem[]
  state(): TeamSyncState
  /** writes an entry; resolves when the server has acknowledged it */
  share(name: string, entry: TeamIndexEntry, timeoutMs?: number): Promise<void>
  destroy(): void
}

export function connectTeamIndex(
  connection: { serverUrl: string; token: string },
  onChange: (items: TeamIndexItem[], state: TeamSyncState) => void,
): TeamIndexConnection {
  const doc = new Y.Doc()
  let state: TeamSyncState = 'syncing'
  let connected = false
  const provider = new HocuspocusProvider({ url: connection.serverUrl, name: TEAM_INDEX, document: doc, token: connection.token })
  const settle = () => {
    state = !connected ? 'offline' : provider.isSynced && provider.unsyncedChanges === 0 ? 'synced' : 'syncing'
  }
  const emit = () => {
    settle()
    onChange(readTeamIndex(doc), state)
  }
  provider.on('status', ({ status }: { status: string }) => {
    connected = status === 'connected'
    emit()
  })
  provider.on('synced', emit)
  provider.on('unsyncedChanges', emit)
  provider.on('authenticationFailed', () => {
    connected = false
    emit()
  })
  doc.getMap(TEAM_INDEX_DOCUMENTS).observe(emit)

  return {
    items: () => readTeamIndex(doc),
    state: () => state,
    share(name, entry, timeoutMs = 15_000) {
      writeTeamIndexEntry(doc, name, entry)
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!provider.isSynced || provider.unsyncedChanges > 0) return false
          cleanup()
          resolve()
          return true
        }
        const timer = setTimeout(() => {
          cleanup()
          reject(new Error('timeout'))
        }, timeoutMs)
        const cleanup = () => {
          clearTimeout(timer)
          provider.off('unsyncedChanges', check)
          provider.off('synced', check)
        }
        provider.on('unsyncedChanges', check)
        provider.on('synced', check)
        check()
      })
    },
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/**
 * A team document open in the editor: the Yjs document bound to Lexical (@lexical/yjs), the
 * engine's provider that syncs it with the team server, and who we are. The co-editing binding
 * provides it (TeamDocContext); comments, 分工 and the sync status read it.
 *
 * The documents of one team document on the server (names: shared/team/protocol.ts):
 *   doc:<id>            the text (Lexical's binding: XmlText "root"), figures and 落款 included,
 *                       and Y.Map "finals" (定稿 frozen on the team: who, when, fingerprint, model)
 *   doc:<id>#comments   what 审阅 members may write too: Y.Map "threads" (批注) and
 *                       Y.Map "assignments" (分工: section → member, due date, state)
 */
import type { HocuspocusProvider } from '@hocuspocus/provider'
import { createContext, useContext } from 'react'
import type * as Y from 'yjs'
import type { TeamRole } from '../../../shared/team/protocol'

/** 离线 / 同步中 / 已同步, as the status bar shows it. */
export type TeamSyncState = 'offline' | 'syncing' | 'synced'

export interface TeamMe {
  name: string
  role: TeamRole
  /** the caret and selection colour others see */
  color: string
}

export interface TeamDocSession {
  /** the team document's name on the server, `doc:<id>` */
  teamName: string
  /** the local copy's document id */
  documentId: string
  doc: Y.Doc
  provider: HocuspocusProvider
  me: TeamMe
}

export const TeamDocContext = createContext<TeamDocSession | null>(null)

/** The open team document, or null when the open document is a local one. */
export function useTeamDoc(): TeamDocSession | null {
  return useContext(TeamDocContext)
}

import type { TeamRole } from '../../../shared/team/protocol'

/** A member as stored: the token itself is never kept, only its SHA-256. */
export interface Member {
  id: number
  name: string
  role: TeamRole
  createdAt: number
}

/**
 * Where the team server keeps documents and members: SQLite in the data folder (one machine), or
 * PostgreSQL (several server processes). Each document is a snapshot (its whole Yjs state) plus a
 * log of the updates clients sent since: an update is appended — durably — before the server
 * acknowledges it, and the log is folded into the snapshot when the engine stores the document.
 */
export interface TeamStore {
  readonly kind: 'sqlite' | 'postgres'
  /** The document's state: snapshot and logged updates folded together; null for a new document. */
  load(name: string): Promise<Uint8Array | null>
  /** Append one update; resolves once it is on disk (SQLite synchronous=FULL, or a PostgreSQL commit). */
  append(name: string, update: Uint8Array): Promise<void>
  /** Store the document's whole state and fold in (then drop) the updates logged so far. */
  compact(name: string, state: Uint8Array): Promise<void>

  addMember(name: string, role: TeamRole, tokenHash: string): Promise<Member>
  memberByTokenHash(tokenHash: string): Promise<Member | null>
  listMembers(): Promise<Member[]>
  /** true when there was such a member */
  removeMember(name: string): Promise<boolean>

  close(): Promise<void>
}

/** A member name already taken. */
export class MemberExistsError extends Error {
  constructor(readonly memberName: string) {
    super(`member exists: ${memberName}`)
    this.name = 'MemberExistsError'
  }
}

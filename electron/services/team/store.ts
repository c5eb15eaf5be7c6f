/**
 * The app's side of a team: the membership (which server, our join code, who the server says we
 * are) and the links from local documents to team documents, in the 文稿库 file. Joining asks the
 * server itself (GET /whoami with the code), so a mistyped address or code is refused here, with a
 * clear message, before anything is kept.
 */
import type { TeamConnection, TeamLink, TeamMembership, TeamStatus } from '../../../shared/api'
import { ApiError } from '../../../shared/errors'
import { teamHttpBase, teamMemberSchema, teamMembersSchema, type TeamMember } from '../../../shared/team/protocol'
import type { SqliteDatabase } from '../library/database'
import { TeamSnippets } from '../snippets/teamStore'

interface MembershipRow {
  server_url: string
  token: string
  member_name: string
  role: TeamMember['role']
  joined_at: number
}

/** How long the join check waits for the server. */
const ASK_TIMEOUT_MS = 8_000

/** GET a team server's member request with the join code; refusals and failures as ApiErrors. */
export async function askTeamServer<T>(serverUrl: string, token: string, request: '/whoami' | '/members', parse: (body: unknown) => T): Promise<T> {
  const address = teamHttpBase(serverUrl)
  let response: Response
  try {
    response = await fetch(`${address}${request}`, { headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(ASK_TIMEOUT_MS) })
  } catch (err) {
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : err instanceof Error ? err.message : String(err)
    throw new ApiError('team.unreachable', { address: serverUrl, detail: cause })
  }
  if (response.status === 401) throw new ApiError('team.badToken')
  let body: unknown
  try {
    body = await response.json()
  } catch {
    throw new ApiError('team.badAnswer', { address: serverUrl })
  }
  if (!response.ok) throw new ApiError('team.badAnswer', { address: serverUrl })
  try {
    return parse(body)
  } catch {
    throw new ApiError('team.badAnswer', { address: serverUrl })
  }
}

export class TeamStore {
  constructor(private readonly db: SqliteDatabase) {}

  private row(): MembershipRow | undefined {
    return this.db.prepare('SELECT server_url, token, member_name, role, joined_at FROM team_membership WHERE id = 1').get() as MembershipRow | undefined
  }

  membership(): TeamMembership | null {
    const row = this.row()
    return row ? { serverUrl: row.server_url, name: row.member_name, role: row.role, joinedAt: row.joined_at } : null
  }

  connection(): TeamConnection {
    const row = this.row()
    if (!row) throw new ApiError('team.notJoined')
    return { serverUrl: row.server_url, name: row.member_name, role: row.role, joinedAt: row.joined_at, token: row.token }
  }

  /** Links whose local document still exists. */
  links(): TeamLink[] {
    const rows = this.db
      .prepare('SELECT l.document_id, l.team_name, l.linked_at FROM team_links l JOIN documents d ON d.id = l.document_id ORDER BY l.linked_at')
      .all() as { document_id: string; team_name: string; linked_at: number }[]
    return rows.map((row) => ({ documentId: row.document_id, teamName: row.team_name, linkedAt: row.linked_at }))
  }

  status(): TeamStatus {
    return { membership: this.membership(), links: this.links() }
  }

  async join(serverUrl: string, code: string): Promise<TeamMembership> {
    const member = await askTeamServer(serverUrl, code, '/whoami', (body) => teamMemberSchema.parse(body))
    const joinedAt = Date.now()
    this.db.transaction(() => {
      const previous = this.row()
      // another server (or another member) is another team: its links mean nothing there
      if (previous && (previous.server_url !== serverUrl || previous.member_name !== member.name)) {
        this.db.prepare('DELETE FROM team_links').run()
        new TeamSnippets(this.db).clear()
      }
      this.db
        .prepare('INSERT OR REPLACE INTO team_membership (id, server_url, token, member_name, role, joined_at) VALUES (1, ?, ?, ?, ?, ?)')
        .run(serverUrl, code, member.name, member.role, joinedAt)
    })()
    return { serverUrl, name: member.name, role: member.role, joinedAt }
  }

  leave(): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM team_links').run()
      this.db.prepare('DELETE FROM team_membership').run()
      // the team's 素材库 was a mirror of the team's: it goes with the membership
      new TeamSnippets(this.db).clear()
    })()
  }

  async members(): Promise<TeamMember[]> {
    const { serverUrl, token } = this.connection()
    return askTeamServer(serverUrl, token, '/members', (body) => teamMembersSchema.parse(body))
  }

  link(documentId: string, teamName: string): TeamLink {
    if (!this.row()) throw new ApiError('team.notJoined')
    const exists = this.db.prepare('SELECT 1 FROM documents WHERE id = ?').get(documentId)
    if (!exists) throw new ApiError('documents.notFound', { id: documentId })
    const other = this.db.prepare('SELECT document_id FROM team_links WHERE team_name = ? AND document_id <> ?').get(teamName, documentId) as { document_id: string } | undefined
    if (other) throw new ApiError('team.linkTaken', { teamName })
    const linkedAt = Date.now()
    this.db.prepare('INSERT OR REPLACE INTO team_links (document_id, team_name, linked_at) VALUES (?, ?, ?)').run(documentId, teamName, linkedAt)
    return { documentId, teamName, linkedAt }
  }

  unlink(documentId: string): void {
    this.db.prepare('DELETE FROM team_links WHERE document_id = ?').run(documentId)
  }
}

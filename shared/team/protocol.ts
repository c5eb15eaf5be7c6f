/**
 * What the team server and a team client agree on beyond the collaboration engine's own protocol
 * (Hocuspocus + Yjs): members' roles and what each may write, the names of team documents, the
 * join token's shape, and the notices the server sends when it refuses something. Pure TypeScript:
 * the server (electron/team) and, later, the app's team features both read it.
 */
import { z } from 'zod'

/** A member's role, as stored and sent: 编辑 writes, 审阅 comments only, 只读 reads. */
export const TEAM_ROLES = ['editor', 'reviewer', 'reader'] as const
export const teamRoleSchema = z.enum(TEAM_ROLES)
export type TeamRole = z.infer<typeof teamRoleSchema>

/** The words an office uses for each role (the CLI accepts either form). */
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = { editor: '编辑', reviewer: '审阅', reader: '只读' }

/** A role from the words an administrator types: 编辑/审阅/只读 or editor/reviewer/reader. */
export function parseTeamRole(text: string): TeamRole | null {
  const trimmed = text.trim()
  const byLabel = (Object.entries(TEAM_ROLE_LABELS) as [TeamRole, string][]).find(([, label]) => label === trimmed)
  if (byLabel) return byLabel[0]
  const parsed = teamRoleSchema.safeParse(trimmed.toLowerCase())
  return parsed.success ? parsed.data : null
}

/**
 * A team document's name on the wire: what the client asks the server to open. Letters of any
 * script, digits and a few separators, at most 200 characters; no control characters, so a name
 * can go into a log line as it is. A document's comments live in a document of their own, the
 * content's name followed by COMMENTS_SUFFIX (see accessFor).
 */
export const teamDocumentNameSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\p{L}\p{N}_\-.:/#]+$/u, 'letters, digits and _ - . : / # only')

export const COMMENTS_SUFFIX = '#comments'

/**
 * What a member's connection to a document may do, decided by the server. 编辑 writes everything;
 * 审阅 reads the content and writes only a document's comments (the `#comments` companion
 * document: the engine's read-only switch is per connection, so comments are kept apart from the
 * text they annotate) and the snippets proposed to the team (TEAM_SNIPPET_PROPOSALS, beside the
 * 素材库 they may not change); 只读 writes nothing.
 */
export function accessFor(role: TeamRole, documentName: string): 'write' | 'read' {
  if (role === 'editor') return 'write'
  if (role === 'reviewer' && (documentName.endsWith(COMMENTS_SUFFIX) || documentName === TEAM_SNIPPET_PROPOSALS)) return 'write'
  return 'read'
}

/** A join token: 32 random bytes, base64url, behind a prefix an administrator recognizes. */
export const TEAM_TOKEN_PREFIX = 'ddt_'
export const teamTokenSchema = z.string().regex(/^ddt_[A-Za-z0-9_-]{43}$/)

/**
 * Why the server refused something, as codes (their words: shared/i18n/errors.*). Sent as the
 * reason of a refused authentication, and in a notice (below) for a refused message.
 */
export const TEAM_REFUSALS = ['team.badToken', 'team.badDocumentName', 'team.readOnly', 'team.malformedUpdate', 'team.tooLarge'] as const
export const teamRefusalSchema = z.enum(TEAM_REFUSALS)
export type TeamRefusal = z.infer<typeof teamRefusalSchema>

/** A notice the server sends on a document's connection (a Hocuspocus stateless message, JSON). */
export const teamNoticeSchema = z.object({
  kind: z.literal('refused'),
  code: teamRefusalSchema,
  /** the member's role, when the refusal is about it */
  role: teamRoleSchema.optional(),
})
export type TeamNotice = z.infer<typeof teamNoticeSchema>

/** A notice as the client receives it: null when it is not one of ours or malformed. */
export function parseTeamNotice(payload: string): TeamNotice | null {
  try {
    const parsed = teamNoticeSchema.safeParse(JSON.parse(payload))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * The documents every team has besides its writers' summaries: the list of team documents
 * (TEAM_INDEX: a Y.Map "documents" of name → TeamIndexEntry), the shared 素材库 (TEAM_SNIPPETS) and
 * what members propose for it (TEAM_SNIPPET_PROPOSALS).
 * A summary shared from the app is named `doc:<its local document id>`; its comments live in
 * `doc:<id>#comments`.
 */
export const TEAM_INDEX = 'team:index'
export const TEAM_SNIPPETS = 'team:snippets'
/** Snippets offered to the team (提议给团队), waiting for an 编辑 member (shared/team/proposals.ts). */
export const TEAM_SNIPPET_PROPOSALS = 'team:snippet-proposals'
export const TEAM_DOCUMENT_PREFIX = 'doc:'
export const teamDocumentName = (documentId: string): string => `${TEAM_DOCUMENT_PREFIX}${documentId}`
export const commentsDocumentName = (teamName: string): string => `${teamName}${COMMENTS_SUFFIX}`

/** One entry of TEAM_INDEX's "documents" map, as stored there (plain JSON in a Y.Map). */
export const teamIndexEntrySchema = z.object({
  title: z.string().max(500),
  sharedBy: z.string().max(100),
  sharedAt: z.number(),
})
export type TeamIndexEntry = z.infer<typeof teamIndexEntrySchema>

/** A team server's address as a writer types it: ws:// or wss://, host and optional port. */
export const teamServerUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((text) => {
    try {
      const url = new URL(text)
      return (url.protocol === 'ws:' || url.protocol === 'wss:') && url.hostname !== ''
    } catch {
      return false
    }
  }, 'ws://host:port or wss://host')

/** The HTTP(S) address of a team server's own requests (/whoami, /members, /health). */
export function teamHttpBase(serverUrl: string): string {
  const url = new URL(serverUrl)
  url.protocol = url.protocol === 'wss:' ? 'https:' : 'http:'
  url.pathname = '/'
  url.search = ''
  url.hash = ''
  return url.toString().replace(/\/$/, '')
}

/** A member as the server tells a client (GET /whoami for oneself, GET /members for the team). */
export const teamMemberSchema = z.object({ name: z.string().min(1).max(100), role: teamRoleSchema })
export type TeamMember = z.infer<typeof teamMemberSchema>
export const teamMembersSchema = z.array(teamMemberSchema)

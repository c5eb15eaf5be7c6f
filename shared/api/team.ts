/**
 * 团队: the app's membership of an office's team server, and which local documents are team
 * documents. The text of a team document travels between writers over the team server (Yjs, the
 * renderer's provider); the back end keeps the membership (server address, join code, who the
 * server says we are) and the links, so output, 定稿, verify and 版本记录 work on a team document's
 * local copy exactly as on any document.
 */
import { z } from 'zod'
import { teamFinalSchema } from '../team/documents'
import { teamDocumentNameSchema, teamMemberSchema, teamRoleSchema, teamServerUrlSchema, teamTokenSchema } from '../team/protocol'
import { DocumentIdSchema, Empty, Ok, type Contract } from './common'
import { FinalSummarySchema } from './output'

export const TeamMembershipSchema = z.strictObject({
  serverUrl: z.string(),
  name: z.string(),
  role: teamRoleSchema,
  joinedAt: z.number(),
})
export type TeamMembership = z.infer<typeof TeamMembershipSchema>

export const TeamLinkSchema = z.strictObject({ documentId: DocumentIdSchema, teamName: teamDocumentNameSchema, linkedAt: z.number() })
export type TeamLink = z.infer<typeof TeamLinkSchema>

export const TeamStatusSchema = z.strictObject({ membership: TeamMembershipSchema.nullable(), links: z.array(TeamLinkSchema) })
export type TeamStatus = z.infer<typeof TeamStatusSchema>

/** What the renderer's provider needs to connect: the membership and the join code itself. */
export const TeamConnectionSchema = TeamMembershipSchema.extend({ token: teamTokenSchema })
export type TeamConnection = z.infer<typeof TeamConnectionSchema>

export const teamContract = {
  /** the membership (null when not joined) and the local documents linked to team documents */
  'team.status': { input: Empty, output: TeamStatusSchema },
  /** 加入团队: checks the code with the server (who is it?) and keeps it; replaces an earlier membership */
  'team.join': {
    input: z.strictObject({ serverUrl: teamServerUrlSchema, code: z.string().trim().pipe(teamTokenSchema) }),
    output: TeamMembershipSchema,
  },
  /** 退出团队: forgets the code and the links (the local copies stay as local documents) */
  'team.leave': { input: Empty, output: Ok },
  /** the address and code for the renderer's connection to the team server */
  'team.connection': { input: Empty, output: TeamConnectionSchema },
  /** the team's members as the server lists them (for 分工) */
  'team.members': { input: Empty, output: z.array(teamMemberSchema) },
  /** a local document is (from now on) the local copy of this team document */
  'team.link': { input: z.strictObject({ documentId: DocumentIdSchema, teamName: teamDocumentNameSchema }), output: TeamLinkSchema },
  /** the document is local again (copy back to local, or the team document was removed) */
  'team.unlink': { input: z.strictObject({ documentId: DocumentIdSchema }), output: Ok },
  /**
   * 取到本机: a 定稿 another member froze on the team (the team document's Y.Map "finals") becomes a
   * 定稿 of this local copy — same name, who froze it, when, and the frozen text — so export and
   * verify work from it here. Refused (team.finalMismatch) unless the text's fingerprint, computed
   * here, is exactly the one the member froze; adopting one already here answers the one here.
   */
  'team.adoptFinal': { input: z.strictObject({ documentId: DocumentIdSchema, final: teamFinalSchema }), output: FinalSummarySchema },
} as const satisfies Contract

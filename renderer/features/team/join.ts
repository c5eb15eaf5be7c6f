/**
 * What is wrong with a join as typed, before the server is asked: the address (ws:// or wss://)
 * or the 加入码 (ddt_…, 47 characters). The back end checks both again; the server's own refusals
 * (team.badToken, team.unreachable, team.badAnswer) have their words in the error catalogue.
 */
import { teamServerUrlSchema, teamTokenSchema } from '../../../shared/team/protocol'

export function joinProblem(serverUrl: string, code: string): 'badAddress' | 'badCode' | null {
  if (!teamServerUrlSchema.safeParse(serverUrl).success) return 'badAddress'
  if (!teamTokenSchema.safeParse(code.trim()).success) return 'badCode'
  return null
}

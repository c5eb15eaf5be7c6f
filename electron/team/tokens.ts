/** Join tokens: random, shown once, stored only as their SHA-256. */
import crypto from 'node:crypto'
import { TEAM_TOKEN_PREFIX } from '../../shared/team/protocol'

export function newToken(): string {
  return TEAM_TOKEN_PREFIX + crypto.randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex')
}

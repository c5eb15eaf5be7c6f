/**
 * The server's log: one JSON line per event in DIR/team-server.log — refused tokens, role
 * violations, refused messages, starts and stops. Never a token, never document text.
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'

export const LOG_FILE = 'team-server.log'

export const teamLogEventSchema = z.object({
  time: z.string(),
  event: z.enum(['started', 'stopped', 'refused-token', 'bad-document-name', 'role-violation', 'malformed-update', 'too-large', 'slow-client', 'socket-error', 'store-failed', 'skipped-update']),
  member: z.string().optional(),
  role: z.string().optional(),
  document: z.string().optional(),
  remote: z.string().optional(),
  detail: z.string().optional(),
})
export type TeamLogEvent = z.infer<typeof teamLogEventSchema>

export interface TeamLog {
  write(entry: Omit<TeamLogEvent, 'time'>): void
  readonly file: string
}

export function openTeamLog(dataDir: string): TeamLog {
  const file = path.join(dataDir, LOG_FILE)
  fs.mkdirSync(dataDir, { recursive: true })
  return {
    file,
    write(entry) {
      const line = JSON.stringify({ time: new Date().toISOString(), ...entry })
      // appendFileSync: a line is whole or absent, even when the process is killed right after
      fs.appendFileSync(file, line + '\n')
    },
  }
}

/** The log's lines, parsed (for tests and the CLI). */
export function readTeamLog(dataDir: string): TeamLogEvent[] {
  const file = path.join(dataDir, LOG_FILE)
  if (!fs.existsSync(file)) return []
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        const parsed = teamLogEventSchema.safeParse(JSON.parse(line))
        return parsed.success ? [parsed.data] : []
      } catch {
        return []
      }
    })
}

/** The team server's settings, from the command line, checked by zod before anything starts. */
import { z } from 'zod'

export const DEFAULT_PORT = 1234
/** Larger WebSocket messages are refused (the connection is closed with 1009): a whole 60,000-character summary is well under 2 MB. */
export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024

export const teamServerConfigSchema = z
  .object({
    dataDir: z.string().min(1),
    port: z.number().int().min(0).max(65535).default(DEFAULT_PORT),
    host: z.string().min(1).default('0.0.0.0'),
    database: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
      .optional(),
    redis: z
      .string()
      .regex(/^rediss?:\/\//, 'a redis:// or rediss:// URL')
      .optional(),
    cert: z.string().min(1).optional(),
    key: z.string().min(1).optional(),
    maxMessageBytes: z.number().int().min(1024).default(DEFAULT_MAX_MESSAGE_BYTES),
    /** a connection with more than this waiting to be sent to it is cut off (it reconnects and resyncs); default: two of the largest messages */
    maxBufferedBytes: z.number().int().min(1024).optional(),
    /** the engine's store debounce: how long after the last change the log is folded into the snapshot */
    debounceMs: z.number().int().min(0).default(2000),
    maxDebounceMs: z.number().int().min(0).default(10_000),
    /** a name for this process in logs and in Redis (several processes behind a load balancer) */
    name: z.string().min(1).max(100).optional(),
  })
  .refine((c) => (c.cert === undefined) === (c.key === undefined), { message: '--cert and --key go together', path: ['cert'] })
  .transform((c) => ({ ...c, maxBufferedBytes: c.maxBufferedBytes ?? 2 * c.maxMessageBytes }))

export type TeamServerConfig = z.infer<typeof teamServerConfigSchema>
export type TeamServerInput = z.input<typeof teamServerConfigSchema>

/** Redis connection settings for the engine's extension, from a redis:// URL. */
export function redisSettings(url: string): { host: string; port: number; options: { username?: string; password?: string; db?: number; tls?: object } } {
  const u = new URL(url)
  const db = u.pathname.replace(/^\//, '')
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    options: {
      ...(u.username ? { username: decodeURIComponent(u.username) } : {}),
      ...(u.password ? { password: decodeURIComponent(u.password) } : {}),
      ...(db ? { db: Number(db) } : {}),
      ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
    },
  }
}

/**
 * `npm run team-server -- …`: start the team server, manage its members, back it up.
 *
 *   team-server --data-dir DIR [--port N] [--host H] [--database postgres://…] [--redis redis://…] [--cert F --key F]
 *   team-server user add NAME --role 编辑|审阅|只读 --data-dir DIR [--database …]
 *   team-server user list|remove NAME --data-dir DIR [--database …]
 *   team-server backup --data-dir DIR --out FILE [--database …]
 */
import { parseArgs } from 'node:util'
import { ZodError } from 'zod'
import type { Lang } from '../../shared/i18n/format'
import { parseTeamRole, TEAM_ROLE_LABELS } from '../../shared/team/protocol'
import { backupSqlite, postgresBackupGuidance } from './backup'
import { startTeamServer, type RunningTeamServer } from './server'
import { openPostgresStore } from './store/postgres'
import { openSqliteStore } from './store/sqlite'
import { MemberExistsError, type TeamStore } from './store/types'
import { hashToken, newToken } from './tokens'

export interface TeamCliOut {
  log(text: string): void
  error(text: string): void
}

const COMMANDS = `
  npm run team-server -- --data-dir DIR [--port 1234] [--host 0.0.0.0] [--database postgres://…] [--redis redis://…] [--cert FILE --key FILE]
  npm run team-server -- user add 姓名 --role 编辑|审阅|只读 --data-dir DIR [--database postgres://…]
  npm run team-server -- user list --data-dir DIR [--database …]
  npm run team-server -- user remove 姓名 --data-dir DIR [--database …]
  npm run team-server -- backup --data-dir DIR --out FILE [--database …]
  (--lang en: messages in English)`
const usage = (lang: Lang) => (lang === 'en' ? `usage:${COMMANDS}\nSee docs/team.md.` : `用法：${COMMANDS}\n详见 docs/team.md。`)

/** The language of what the command prints: Chinese unless `--lang en` (read before parsing, so a usage error is worded in it too). */
function langOf(argv: string[]): Lang {
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='))
  const arg = argv[at]
  const value = arg === undefined ? undefined : arg.includes('=') ? arg.split('=')[1] : argv[at + 1]
  return value === 'en' ? 'en' : 'zh-CN'
}

const OPTIONS = {
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  database: { type: 'string' },
  redis: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  'max-message-mb': { type: 'string' },
  name: { type: 'string' },
  role: { type: 'string' },
  out: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const

class UsageError extends Error {}

const toNumber = (text: string | undefined, option: string, lang: Lang): number | undefined => {
  if (text === undefined) return undefined
  const n = Number(text)
  if (!Number.isFinite(n)) throw new UsageError(lang === 'en' ? `--${option} needs a number: ${text}` : `--${option} 需要数字：${text}`)
  return n
}

async function openStore(dataDir: string, database: string | undefined): Promise<TeamStore> {
  return database ? openPostgresStore(database) : openSqliteStore(dataDir)
}

/**
 * Runs one command. `serve` resolves once the server listens, handing back the running server (the
 * entry point keeps the process alive and stops it on SIGINT/SIGTERM); the others resolve with
 * their exit code.
 */
export async function runTeamCli(argv: string[], out: TeamCliOut): Promise<{ code: number; server?: RunningTeamServer }> {
  const lang = langOf(argv)
  const say = (zh: string, en: string) => (lang === 'en' ? en : zh)
  try {
    const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
    if (values.help) {
      out.log(usage(lang))
      return { code: 0 }
    }
    const dataDir = values['data-dir']
    if (!dataDir) throw new UsageError(say('缺少 --data-dir', '--data-dir is required'))
    const [command, sub, ...rest] = positionals

    if (command === undefined) {
      const maxMb = toNumber(values['max-message-mb'], 'max-message-mb', lang)
      const server = await startTeamServer({
        dataDir,
        port: toNumber(values.port, 'port', lang),
        host: values.host,
        database: values.database,
        redis: values.redis,
        cert: values.cert,
        key: values.key,
        name: values.name,
        maxMessageBytes: maxMb === undefined ? undefined : Math.round(maxMb * 1024 * 1024),
      })
      const how = `${server.store.kind}${values.cert ? ', TLS' : ''}${values.redis ? ', Redis' : ''}`
      out.log(say(`团队服务器已启动：${server.url}（${how}；数据 ${dataDir}）`, `team server listening: ${server.url} (${how}; data ${dataDir})`))
      return { code: 0, server }
    }

    if (command === 'user') {
      const store = await openStore(dataDir, values.database)
      try {
        if (sub === 'add') {
          const name = rest[0]?.trim()
          if (!name) throw new UsageError(say('缺少成员姓名', 'the member’s name is missing'))
          const role = parseTeamRole(values.role ?? '')
          if (!role) throw new UsageError(say('--role 应为 编辑、审阅 或 只读', '--role must be 编辑 (writes), 审阅 (comments) or 只读 (reads)'))
          const token = newToken()
          await store.addMember(name, role, hashToken(token))
          out.log(
            say(
              `已添加 ${name}（${TEAM_ROLE_LABELS[role]}）。加入码只显示这一次，请当面或用可靠渠道交给本人：`,
              `Added ${name} (${TEAM_ROLE_LABELS[role]}). The join code is shown only this once; hand it over in person or by a trusted channel:`,
            ),
          )
          out.log(token)
          return { code: 0 }
        }
        if (sub === 'list') {
          const members = await store.listMembers()
          if (members.length === 0) out.log(say('还没有成员', 'no members yet'))
          for (const m of members) out.log(`${m.name}\t${TEAM_ROLE_LABELS[m.role]}\t${new Date(m.createdAt).toISOString().slice(0, 10)}`)
          return { code: 0 }
        }
        if (sub === 'remove') {
          const name = rest[0]?.trim()
          if (!name) throw new UsageError(say('缺少成员姓名', 'the member’s name is missing'))
          if (!(await store.removeMember(name))) {
            out.error(say(`没有这个成员：${name}`, `no such member: ${name}`))
            return { code: 1 }
          }
          out.log(say(`已移除 ${name}：其加入码从下一次连接起失效`, `removed ${name}: the join code stops working from the next connection`))
          return { code: 0 }
        }
        throw new UsageError(say(`未知的 user 子命令：${sub ?? ''}`, `unknown user command: ${sub ?? ''}`))
      } finally {
        await store.close()
      }
    }

    if (command === 'backup') {
      if (values.database) {
        for (const line of postgresBackupGuidance(values.database, lang)) out.log(line)
        return { code: 0 }
      }
      if (!values.out) throw new UsageError(say('缺少 --out FILE', '--out FILE is required'))
      const made = await backupSqlite(dataDir, values.out)
      const kb = Math.max(1, Math.round(made.bytes / 1024))
      out.log(say(`备份已写入：${made.file}（${made.documents} 篇文稿、${made.members} 名成员，${kb} KB）`, `backup written: ${made.file} (${made.documents} documents, ${made.members} members, ${kb} KB)`))
      return { code: 0 }
    }
    throw new UsageError(say(`未知命令：${command}`, `unknown command: ${command}`))
  } catch (err) {
    if (err instanceof UsageError || (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS'))) {
      out.error(err.message)
      out.error(usage(lang))
      return { code: 2 }
    }
    if (err instanceof ZodError) {
      out.error(err.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('\n'))
      return { code: 2 }
    }
    if (err instanceof MemberExistsError) {
      out.error(say(`已有成员 ${err.memberName}：先 user remove 再重新添加`, `${err.memberName} is already a member: user remove first to issue a new code`))
      return { code: 1 }
    }
    out.error(err instanceof Error ? err.message : String(err))
    return { code: 1 }
  }
}

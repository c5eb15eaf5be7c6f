/** `backup`, `backups`, `restore`, `salvage`: backups of the 文稿库 (docs/storage.md). */
import path from 'node:path'
import { formatMessage, messageText } from '../../shared/errors'
import { backupsOf } from '../services/backups/store'
import { listSnapshots } from '../services/library'
import { requireArg, t, type CliContext, type Command, type CommandGroup } from './command'

export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

const pad = (n: number) => String(n).padStart(2, '0')
export function localTime(time: number): string {
  const d = new Date(time)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
}

const backup: Command = {
  words: ['backup'],
  args: '[FILE]',
  summary: t('备份文稿库（默认存入文稿库旁的 backups 文件夹），备份经过检查才算数', 'back up the document library (by default into the backups folder beside it); a backup counts only once checked'),
  options: ['json'],
  async run(ctx, args) {
    const dest = args[0] ? path.resolve(args[0]) : undefined
    const made = await backupsOf(ctx.services.library).create(dest)
    if (ctx.values.json) return ctx.json(made)
    ctx.line(formatMessage('backup.written', { path: made.file, documents: made.documents, snippets: made.snippets, size: sizeText(made.bytes) }, ctx.lang))
  },
}

const list: Command = {
  words: ['backups'],
  summary: t('列出文稿库的备份：ID、时间、大小、文稿数、素材数', 'list the backups of the document library: id, time, size, documents, snippets'),
  options: ['json'],
  async run(ctx) {
    const listed = await ctx.call('backups.list', {})
    if (ctx.values.json) return ctx.json(listed)
    if (listed.backups.length === 0) return ctx.line(formatMessage('backup.none', { folder: listed.folder }, ctx.lang))
    for (const b of listed.backups) {
      const row = formatMessage('backup.row', { id: b.id, time: localTime(b.createdAt), size: sizeText(b.bytes), documents: b.documents, snippets: b.snippets }, ctx.lang)
      ctx.line(b.problem ? `${row}  (${messageText(b.problem, ctx.lang)})` : row)
    }
  },
}

/** A backup id from `backups` (a name in the backups folder), else a path. */
function sourceOf(ctx: CliContext, given: string): string {
  if (!given.includes('/') && !given.includes(path.sep)) {
    const listed = listSnapshots(ctx.services.library.path).find((s) => s.id === given)
    if (listed) return listed.file
  }
  return path.resolve(given)
}

const restore: Command = {
  words: ['restore'],
  args: 'FILE',
  summary: t('用备份（文件，或 backups 列出的 ID）替换文稿库：先检查备份，再备份当前文稿库', 'replace the document library with a backup (a file, or an id listed by backups): the backup is checked first, the current library backed up'),
  details: t('检查不通过的文件（不是稿台文稿库、已损坏、来自更新版本）会被拒绝，文稿库不动。稿台正在使用这个文稿库时也会拒绝。', 'A file that fails the checks (not a DraftDesk library, damaged, from a newer version) is refused and the library left as it is; so is a library in use by a running DraftDesk.'),
  options: ['json'],
  library: 'optional',
  async run(ctx, args) {
    const given = requireArg(restore, args, 0, t('restore 需要备份文件', 'restore needs a backup file'))
    const result = await backupsOf(ctx.services.library).restoreFile(sourceOf(ctx, given))
    if (ctx.values.json) return ctx.json(result)
    if (result.safety) ctx.note(formatMessage('backup.safetyCopy', { path: path.join(path.dirname(ctx.services.library.path), 'backups', result.safety.id) }, ctx.lang))
    if (result.keptAside) ctx.note(formatMessage('backup.damagedKept', { path: result.keptAside }, ctx.lang))
    ctx.line(formatMessage('backup.restored', { path: given, documents: result.restored.documents, snippets: result.restored.snippets }, ctx.lang))
  },
}

const salvage: Command = {
  words: ['salvage'],
  summary: t('文稿库损坏时：把读得出的文稿和素材抢救到旁边的新文稿库，损坏的文件原样保留', 'when the document library is damaged: copy every readable document and snippet into a new library beside it, leaving the damaged file as it is'),
  options: ['json'],
  library: 'optional',
  async run(ctx) {
    const result = await ctx.call('library.salvage', {})
    if (ctx.values.json) return ctx.json(result)
    ctx.line(formatMessage('backup.salvaged', { path: result.path, documents: result.documents, snippets: result.snippets, lost: result.lost }, ctx.lang))
  },
}

export const backupGroup: CommandGroup = {
  name: 'library',
  title: t('备份与恢复', 'backup and restore'),
  commands: [backup, list, restore, salvage],
}

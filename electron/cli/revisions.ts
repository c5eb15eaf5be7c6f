/** `revisions list|show|restore`: a document's 版本记录, through the API like the app. */
import type { RevisionSummary } from '../../shared/api'
import { revisionTime } from '../../shared/document/history'
import { documentPlainText } from '../../shared/document/text'
import { documentArg, documentListCommand, requireArg, t, type Command, type CommandGroup } from './command'
import type { Lang, Text } from './options'
import { usageError } from './print'


/** What kept a revision, as the app's 版本记录 names it. */
const REASONS: Record<string, Text> = {
  interval: t('自动保存', 'autosaved'),
  manual: t('手动保存', 'saved (Ctrl+S)'),
  import: t('导入', 'imported'),
  restore: t('恢复前', 'before a restore'),
  final: t('定稿', '定稿 (final)'),
  conflict: t('冲突保留', 'kept from a conflict'),
}

function reasonText(r: RevisionSummary, lang: Lang): string {
  const reason = REASONS[r.reason]?.[lang] ?? r.reason
  return r.name ? `${reason}${lang === 'en' ? ` “${r.name}”` : `「${r.name}」`}` : reason
}

const chars = (n: number) => t(`${n}字`, `${n} chars`)

/** A revision as a line: number, time, why it was kept, 字数. */
const revisionLine = (r: RevisionSummary, lang: Lang) => `${r.id}\t${revisionTime(r.createdAt, lang)}\t${reasonText(r, lang)}\t${chars(r.characters)[lang]}`

/** The revision number argument (after DOC): a positive integer. */
function revisionArg(command: Command, args: readonly string[]): number {
  const name = command.words.join(' ')
  const raw = requireArg(command, args, 1, t(`${name} 需要版本编号（见 revisions list）`, `${name} needs a version number (see revisions list)`))
  const n = Number(raw)
  if (!Number.isInteger(n) || n <= 0) throw usageError(t(`版本编号应是正整数：${raw}`, `a version number is a positive integer: ${raw}`))
  return n
}

const list = documentListCommand({
  words: ['revisions', 'list'],
  summary: t('列出文稿的版本：编号、时间、来由、字数', "list a document's versions: number, time, why it was kept, characters"),
  details: t(
    '来由：自动保存、手动保存（Ctrl+S）、导入、恢复前、定稿。加 --json 输出 [{ id, documentId, createdAt, reason, characters, name? }]',
    'why: autosaved, saved (Ctrl+S), imported, before a restore, 定稿. With --json: [{ id, documentId, createdAt, reason, characters, name? }]',
  ),
  list: (ctx, id) => ctx.call('revisions.list', { id }),
  line: revisionLine,
  none: t('（还没有版本）', '(no versions yet)'),
})

const show: Command = {
  words: ['revisions', 'show'],
  args: t('DOC 版本', 'DOC REV'),
  summary: t('打印一个版本的文字；加 --json 输出 { revision, model }', 'print the text of a version; with --json: { revision, model }'),
  options: ['json'],
  async run(ctx, args) {
    const { revision, model } = await ctx.call('revisions.get', { id: documentArg(show, args), revisionId: revisionArg(show, args) })
    if (ctx.values.json) ctx.json({ revision, model })
    else {
      ctx.note(revisionLine(revision, ctx.lang))
      ctx.line(documentPlainText(model))
    }
  },
}

const restore: Command = {
  words: ['revisions', 'restore'],
  args: t('DOC 版本', 'DOC REV'),
  summary: t('恢复到这个版本：当前文字先存为“恢复前”版本', 'restore this version: the current text is kept first as a “before a restore” version'),
  details: t('加 --json 输出 { document, kept, restored }（kept：恢复前的版本，文字未变时为 null）', 'with --json: { document, kept, restored } (kept: the version made before the restore, null when the text was already the same)'),
  options: ['json'],
  async run(ctx, args) {
    const result = await ctx.call('revisions.restore', { id: documentArg(restore, args), revisionId: revisionArg(restore, args) })
    if (ctx.values.json) {
      ctx.json(result)
      return
    }
    const { restored, kept } = result
    const when = revisionTime(restored.createdAt, ctx.lang)
    ctx.line(t(`已恢复到第 ${restored.id} 号版本（${when}，${reasonText(restored, 'zh-CN')}）`, `restored version ${restored.id} (${when}, ${reasonText(restored, 'en')})`)[ctx.lang])
    ctx.line(
      (kept
        ? t(`恢复前的文字已存为第 ${kept.id} 号版本`, `the text before the restore is kept as version ${kept.id}`)
        : t('当前文字与该版本相同，未另存版本', 'the current text was already this version; nothing else was kept'))[ctx.lang],
    )
  },
}

export const revisionsGroup: CommandGroup = {
  name: 'revisions',
  title: t('版本记录', 'versions (版本记录)'),
  commands: [list, show, restore],
}

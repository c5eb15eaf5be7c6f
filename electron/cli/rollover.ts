/** `rollover DOC --year 2025`: 新年度底稿, the new year's draft made from a stored summary. */
import { documentArg, t, usageOf, type Command, type CommandGroup } from './command'
import { usageError } from './print'

const rollover: Command = {
  words: ['rollover'],
  args: 'DOC',
  summary: t(
    '新年度底稿：年份进一年，数据值移作上年值并待填，落款日期清空；列出改动和新文稿 ID',
    'the new year’s draft: years advance by one, figure values become last year’s and wait to be refilled, the signature date is cleared; prints the changes and the new document id',
  ),
  details: t(
    '文稿的年份取落款日期的年份，没有时取标题中的年份，再没有时取正文中最常见的年份；只改这一年和下一年。\n加 --dry-run 只预览；加 --json 输出 { plan, record }',
    'The document’s year is its signature date’s, else the title’s, else the most frequent one in the text; only that year and the next change.\nWith --dry-run: preview only; with --json: { plan, record }',
  ),
  options: ['year', 'dry-run', 'json'],
  async run(ctx, args) {
    const id = documentArg(rollover, args)
    const yearText = ctx.values.year
    const toYear = yearText === undefined ? undefined : Number(yearText)
    if (toYear !== undefined && !(Number.isInteger(toYear) && toYear >= 1000 && toYear <= 9999))
      throw usageError(t(`--year 须是四位年份：${yearText}`, `--year must be a four-digit year: ${yearText}`), usageOf(rollover))
    const dryRun = ctx.values['dry-run'] ?? false
    const { plan, record } = await ctx.call('documents.rollover', { id, toYear, apply: !dryRun })
    if (ctx.values.json) return ctx.json({ plan, record })
    const L = ctx.lang
    const where = (w: (typeof plan.years)[number]['where']) =>
      w === 'title' ? t('标题', 'title')[L] : w === 'subtitle' ? t('副标题', 'subtitle')[L] : t(`第${w + 1}段`, `block ${w + 1}`)[L]
    ctx.line(plan.fromYear === null
      ? t(`文稿中没有年份，新年度为 ${plan.toYear}`, `the document names no year; the new year is ${plan.toYear}`)[L]
      : t(`${plan.fromYear} → ${plan.toYear}`, `${plan.fromYear} → ${plan.toYear}`)[L])
    ctx.line(t(`年份改动 ${plan.years.length} 处：`, `${plan.years.length} year ${plan.years.length === 1 ? 'change' : 'changes'}:`)[L])
    for (const c of plan.years) ctx.line(`  ${where(c.where)}\t${c.before} → ${c.after}\t${c.context}`)
    ctx.line(t(`待重新填写的数据 ${plan.figures.length} 项：`, `${plan.figures.length} ${plan.figures.length === 1 ? 'figure' : 'figures'} to refill:`)[L])
    for (const f of plan.figures)
      ctx.line(`  ${f.name}\t${t('上年', 'last year')[L]} ${f.lastYear ?? t('（无）', '(none)')[L]}${f.computed ? `\t${t('公式', 'formula')[L]}` : ''}`)
    if (plan.clearsDate) ctx.line(t('落款日期已清空', 'the signature date is cleared')[L])
    if (record) ctx.line(t(`已新建《${record.model.title}》：${record.id}`, `created “${record.model.title}”: ${record.id}`)[L])
    else ctx.line(t('（--dry-run：未保存）', '(--dry-run: not saved)')[L])
  },
}

export const rolloverGroup: CommandGroup = {
  name: 'rollover',
  title: t('新年度底稿', 'the new year’s draft (新年度底稿)'),
  commands: [rollover],
}

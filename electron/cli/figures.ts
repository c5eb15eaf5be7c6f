/** `figures list|set|import`: a stored document's figure table (数据表), through the API like the app. */
import { messageText } from '../../shared/errors'
import { documentArg, documentListCommand, requireArg, t, type Command, type CommandGroup } from './command'
import { readInputFile, SHEET_LIMIT } from './files'

const needsNameAndValue = t('figures set 需要名称和数值', 'figures set needs NAME and VALUE')
/** "（正文3处）": how often the text uses a figure */
const uses = (n: number) => t(`${n}处`, `${n} ${n === 1 ? 'use' : 'uses'}`)

const list = documentListCommand({
  words: ['figures', 'list'],
  summary: t('列出数据：名称、显示的数值、正文中的引用处数', 'list the figures: name, value as shown, uses in the text'),
  details: t(
    '加 --json 输出 [{ figure, text, unfilled, computed?, problem?, uses, comparison? }]',
    'with --json: [{ figure, text, unfilled, computed?, problem?, uses, comparison? }]',
  ),
  list: (ctx, id) => ctx.call('figures.list', { id }),
  line(item, lang) {
    const problem = item.problem ? t('错误：', 'error: ')[lang] + messageText(item.problem, lang) : ''
    const extra = [problem, item.comparison ?? '', item.figure.formula ? `= ${item.figure.formula}` : ''].filter(Boolean).join('  ')
    return `${item.figure.name}\t${item.text}\t${uses(item.uses)[lang]}${extra ? `\t${extra}` : ''}`
  },
  none: t('（没有数据）', '(no figures)'),
})

const set: Command = {
  words: ['figures', 'set'],
  args: t('DOC 名称 数值', 'DOC NAME VALUE'),
  summary: t('设置数据的数值，写法同数据表：3、1000余份、九、95%；"" 清空', 'set a figure as typed in the table: 3, 1000余份, 九, 95%; "" clears it'),
  options: ['create', 'json'],
  async run(ctx, args) {
    const id = documentArg(set, args)
    const name = requireArg(set, args, 1, needsNameAndValue)
    const value = requireArg(set, args, 2, needsNameAndValue)
    const { item, created } = await ctx.call('figures.set', { id, name, value, create: ctx.values.create ?? false })
    if (ctx.values.json) ctx.json(item)
    else {
      const { name: shown } = item.figure
      const n = item.uses
      ctx.line(
        (created
          ? t(`已新增「${shown}」：${item.text}（正文${n}处）`, `added “${shown}”: ${item.text} (${uses(n).en} in the text)`)
          : t(`已更新「${shown}」：${item.text}（正文${n}处）`, `updated “${shown}”: ${item.text} (${uses(n).en} in the text)`))[ctx.lang],
      )
    }
  },
}

const importSheet: Command = {
  words: ['figures', 'import'],
  args: 'DOC FILE',
  summary: t('从 .xlsx / .csv 按名称更新或新增数据：先列出预览，再保存', 'update or add figures by name from a .xlsx / .csv: prints the preview, then stores it'),
  options: ['dry-run', 'json'],
  async run(ctx, args) {
    const id = documentArg(importSheet, args)
    const file = readInputFile(requireArg(importSheet, args, 1, t('figures import 需要文件', 'figures import needs a FILE')), SHEET_LIMIT)
    const dryRun = ctx.values['dry-run'] ?? false
    const result = await ctx.call('figures.import', { id, name: file.name, dataBase64: file.base64(), apply: !dryRun })
    if (ctx.values.json) ctx.json(result)
    else {
      for (const m of result.messages) ctx.line(messageText(m, ctx.lang))
      if (result.applied) ctx.line(t('已导入', 'imported')[ctx.lang])
      else if (!result.fatal && dryRun) ctx.line(t('（--dry-run：未保存）', '(--dry-run: not saved)')[ctx.lang])
    }
    return result.fatal ? 1 : 0
  },
}

export const figuresGroup: CommandGroup = {
  name: 'figures',
  title: t('数据表', 'the figure table (数据表)'),
  commands: [list, set, importSheet],
}

/** `figures list|set|import`: a stored document's figure table (数据表), through the API like the app. */
import { SHEET_MAX_BYTES } from '../../shared/api'
import { requireArg, t, type Command, type CommandGroup } from './command'
import { readInputFile } from './files'

const needsDocument = (sub: string) => `figures ${sub} 需要文档 ID / figures ${sub} needs a document id`

const list: Command = {
  words: ['figures', 'list'],
  args: t('DOC', 'DOC'),
  summary: t('列出数据：名称、显示的数值、正文中的引用处数', 'list the figures: name, value as shown, uses in the text'),
  details: t(
    '加 --json 输出 [{ figure, text, unfilled, computed?, error?, uses, comparison? }]',
    'with --json: [{ figure, text, unfilled, computed?, error?, uses, comparison? }]',
  ),
  options: ['json'],
  async run(ctx, args) {
    const items = await ctx.call('figures.list', { id: requireArg(list, args, 0, needsDocument('list')) })
    if (ctx.values.json) ctx.json(items)
    else if (items.length === 0) ctx.line('（没有数据 / no figures）')
    else {
      for (const item of items) {
        const extra = [item.error ? `错误：${item.error}` : '', item.comparison ?? '', item.figure.formula ? `= ${item.figure.formula}` : ''].filter(Boolean).join('  ')
        ctx.line(`${item.figure.name}\t${item.text}\t${item.uses}处${extra ? `\t${extra}` : ''}`)
      }
    }
  },
}

const set: Command = {
  words: ['figures', 'set'],
  args: t('DOC 名称 数值', 'DOC NAME VALUE'),
  summary: t('设置数据的数值，写法同数据表：3、1000余份、九、95%；"" 清空', 'set a figure as typed in the table: 3, 1000余份, 九, 95%; "" clears it'),
  options: ['create', 'json'],
  async run(ctx, args) {
    const id = requireArg(set, args, 0, needsDocument('set'))
    const name = requireArg(set, args, 1, 'figures set 需要名称和数值 / figures set needs NAME and VALUE')
    const value = requireArg(set, args, 2, 'figures set 需要名称和数值 / figures set needs NAME and VALUE')
    const { item, created } = await ctx.call('figures.set', { id, name, value, create: ctx.values.create ?? false })
    if (ctx.values.json) ctx.json(item)
    else ctx.line(`${created ? '已新增' : '已更新'}「${item.figure.name}」：${item.text}（正文${item.uses}处）`)
  },
}

const importSheet: Command = {
  words: ['figures', 'import'],
  args: t('DOC FILE', 'DOC FILE'),
  summary: t('从 .xlsx / .csv 按名称更新或新增数据：先列出预览，再保存', 'update or add figures by name from a .xlsx / .csv: prints the preview, then stores it'),
  options: ['dry-run', 'json'],
  async run(ctx, args) {
    const id = requireArg(importSheet, args, 0, needsDocument('import'))
    const file = readInputFile(requireArg(importSheet, args, 1, 'figures import 需要文件 / figures import needs a FILE'), SHEET_MAX_BYTES)
    const dryRun = ctx.values['dry-run'] ?? false
    const result = await ctx.call('figures.import', { id, name: file.name, dataBase64: file.base64(), apply: !dryRun })
    if (ctx.values.json) ctx.json(result)
    else {
      for (const line of result.lines) ctx.line(line)
      if (result.applied) ctx.line('已导入 / imported')
      else if (!result.fatal && dryRun) ctx.line('（--dry-run：未保存 / not saved）')
    }
    return result.fatal ? 1 : 0
  },
}

export const figuresGroup: CommandGroup = {
  name: 'figures',
  title: t('数据表', 'the figure table (数据表)'),
  commands: [list, set, importSheet],
}

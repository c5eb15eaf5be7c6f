/** `snippets search|import|export|harvest`: the 素材库 (snippet library), through the API like the app. */
import fs from 'node:fs'
import path from 'node:path'
import { messageText } from '../../shared/errors'
import { bodyToText, categoryPaths } from '../../shared/snippets'
import { fileArg, t, usageOf, type CliContext, type Command, type CommandGroup } from './command'
import { readInputFile, SNIPPET_FILE_LIMIT } from './files'
import { CliError, usageError } from './print'

/** The id of a category named by its path (工作措施/组织领导) or its own name; null for none given. */
async function categoryIdFor(ctx: CliContext, name: string | undefined): Promise<number | null> {
  if (!name) return null
  const categories = await ctx.call('snippets.categories', {})
  const paths = categoryPaths(categories)
  const want = name.replace(/\s*[/／]\s*/g, '/')
  const found = categories.find((c) => paths.get(c.id) === want) ?? categories.find((c) => c.name === want)
  if (!found) {
    const all = [...paths.values()]
    throw new CliError(t(`没有这个分类：${name}（有：${all.join('、') || '无'}）`, `no such category: ${name} (there are: ${all.join(', ') || 'none'})`))
  }
  return found.id
}

const search: Command = {
  words: ['snippets', 'search'],
  args: t('查询词…', 'QUERY…'),
  summary: t('搜索素材（不给查询词时列出最常用的）', 'search the snippets (the most used without a query)'),
  options: ['category', 'limit', 'json'],
  async run(ctx, args) {
    const query = args.join(' ')
    const categoryId = await categoryIdFor(ctx, ctx.values.category)
    const limit = ctx.values.limit ? Math.max(1, Math.min(200, Number.parseInt(ctx.values.limit, 10) || 20)) : 20
    const result = await ctx.call('snippets.search', { query, categoryId, limit })
    const paths = categoryPaths(await ctx.call('snippets.categories', {}))
    const hits = result.hits.map((s) => ({ ...s, category: s.categoryId !== null ? (paths.get(s.categoryId) ?? null) : null, text: bodyToText(s.body) }))
    if (ctx.values.json) ctx.json({ query, total: result.total, more: result.more, hits })
    else {
      for (const s of hits) ctx.line(`${s.id}\t${s.category ?? '—'}\t${s.title}\t${s.text.replace(/\n/g, ' ').slice(0, 60)}`)
      const total = `${result.total}${result.more ? '+' : ''}`
      ctx.note(t(`${total} 条`, `${total} ${total === '1' ? 'match' : 'matches'}`)[ctx.lang])
    }
  },
}

const importFile: Command = {
  words: ['snippets', 'import'],
  args: 'FILE',
  summary: t('导入素材文件（.json 或 .csv）；有问题时什么也不导入', 'import a snippet file (.json or .csv); nothing is imported while it has problems'),
  options: ['skip-invalid', 'keep-duplicates', 'json'],
  async run(ctx, args) {
    const name = fileArg(importFile, args)
    const file = readInputFile(name, SNIPPET_FILE_LIMIT)
    const keepDuplicates = !!ctx.values['keep-duplicates']
    const report = await ctx.call('snippets.import', {
      name: file.name,
      dataBase64: file.base64(),
      commit: true,
      skipDuplicates: !keepDuplicates,
      acceptInvalid: !!ctx.values['skip-invalid'],
    })
    if (ctx.values.json) ctx.json(report)
    for (const p of report.problems) ctx.note(`${name}:${p.line}: ${messageText(p.problem, ctx.lang)}`)
    if (!report.committed) {
      const n = report.problems.length
      throw new CliError(
        t(
          `有 ${n} 处问题，没有导入任何素材；改正后重试，或加 --skip-invalid 只导入无误的 ${report.valid} 条`,
          `${n} ${n === 1 ? 'problem' : 'problems'}, nothing imported; fix the file and retry, or add --skip-invalid to import only the ${report.valid} without one`,
        ),
      )
    }
    for (const d of report.duplicates) {
      const what = d.inFile ? t(`与本文件中的“${d.existing}”重复`, `duplicates “${d.existing}” earlier in this file`) : t(`与已有素材“${d.existing}”重复`, `duplicates the snippet “${d.existing}”`)
      const done = keepDuplicates ? t('（仍已导入）', ' (imported all the same)') : t('，已跳过', ', skipped')
      ctx.note(`${name}:${d.line}: ${what[ctx.lang]}${done[ctx.lang]}`)
    }
    if (!ctx.values.json)
      ctx.line(
        t(
          `导入 ${report.imported} 条，跳过重复 ${report.skippedDuplicates} 条，新建分类 ${report.categoriesCreated} 个`,
          `imported ${report.imported}, skipped ${report.skippedDuplicates} duplicate(s), created ${report.categoriesCreated} categor${report.categoriesCreated === 1 ? 'y' : 'ies'}`,
        )[ctx.lang],
      )
  },
}

const exportFile: Command = {
  words: ['snippets', 'export'],
  args: 'FILE',
  summary: t('导出素材：.json 完整保留，.csv 便于用表格软件编辑', 'export the snippets: .json keeps everything, .csv opens in a spreadsheet'),
  options: ['category'],
  async run(ctx, args) {
    const file = fileArg(exportFile, args)
    const ext = path.extname(file).toLowerCase()
    if (ext !== '.json' && ext !== '.csv') throw usageError(t(`导出文件应为 .json 或 .csv：${file}`, `export to a .json or .csv file: ${file}`), usageOf(exportFile))
    const categoryId = await categoryIdFor(ctx, ctx.values.category)
    const result = await ctx.call('snippets.export', { format: ext === '.json' ? 'json' : 'csv', categoryId })
    fs.writeFileSync(file, result.text, 'utf8')
    ctx.line(t(`导出 ${result.count} 条到 ${file}`, `exported ${result.count} to ${file}`)[ctx.lang])
  },
}

const harvest: Command = {
  words: ['snippets', 'harvest'],
  args: 'FILE…',
  summary: t('收集素材：文件（和文稿库）中反复出现的段落，相近的归为一组', 'recurring paragraphs of files (and of the document library), near-duplicates grouped'),
  options: ['library', 'json'],
  async run(ctx, args) {
    const files = args.map((name) => readInputFile(name, SNIPPET_FILE_LIMIT)).map((f) => ({ name: f.name, dataBase64: f.base64() }))
    const documentIds = ctx.values.library ? (await ctx.call('documents.list', {})).filter((d) => !d.invalid).map((d) => d.id) : []
    if (files.length === 0 && documentIds.length === 0) throw usageError(t('snippets harvest 需要文件（或 --library）', 'snippets harvest needs files (or --library)'), usageOf(harvest))
    const result = await ctx.call('snippets.harvest', { documentIds, files })
    for (const p of result.problems) ctx.note(messageText(p, ctx.lang))
    if (ctx.values.json) ctx.json(result)
    else {
      const inLibrary = t('[已在素材库]', '[in the snippet library]')[ctx.lang]
      for (const g of result.groups) {
        const counts = t(`${g.documents} 篇 × ${g.members.length} 段`, `${g.documents} docs × ${g.members.length} paragraphs`)[ctx.lang]
        ctx.line(`${counts}\t${g.category}\t${g.title}${g.inLibrary ? `\t${inLibrary}` : ''}\n    ${g.text.slice(0, 80)}`)
      }
    }
  },
}

export const snippetsGroup: CommandGroup = {
  name: 'snippets',
  title: t('素材库', 'the snippet library (素材库)'),
  commands: [search, importFile, exportFile, harvest],
}

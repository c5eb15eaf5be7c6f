/**
 * `npm run cli -- snippets …`: the snippet library from the command line, through the API like
 * the app (honours --data-dir).
 *
 *   snippets search QUERY [--category 路径] [--limit N] [--json]
 *   snippets import FILE [--skip-invalid] [--keep-duplicates] [--json]
 *   snippets export FILE [--category 路径]            .json (lossless) or .csv, by the extension
 *   snippets harvest FILE… [--library] [--json]       near-duplicate groups of stock paragraphs
 */
import fs from 'node:fs'
import path from 'node:path'
import { callApi, type ApiHandlers } from '../handlers'
import { SNIPPET_FILE_MAX_BYTES } from '../../../shared/api'
import { bodyToText, categoryPaths } from '../../../shared/snippets'

export interface SnippetCliOptions {
  json?: boolean | undefined
  category?: string | undefined
  limit?: string | undefined
  'skip-invalid'?: boolean | undefined
  'keep-duplicates'?: boolean | undefined
  library?: boolean | undefined
}

type Out = { log: (s: string) => void; error: (s: string) => void }

export const SNIPPETS_USAGE = `  snippets search 查询词 [--category 分类] [--limit N] [--json]
  snippets import FILE [--skip-invalid] [--keep-duplicates] [--json]
  snippets export FILE [--category 分类]      (.json 完整保留 / .csv 表格)
  snippets harvest FILE… [--library] [--json]`

function readFile(file: string, out: Out): Buffer | null {
  const stat = fs.statSync(file, { throwIfNoEntry: false })
  if (!stat?.isFile()) {
    out.error(`找不到文件 / no such file: ${file}`)
    return null
  }
  if (stat.size > SNIPPET_FILE_MAX_BYTES) {
    out.error(`文件太大 / file too large: ${file}`)
    return null
  }
  return fs.readFileSync(file)
}

async function categoryIdFor(h: ApiHandlers, name: string | undefined, out: Out): Promise<number | null | undefined> {
  if (!name) return null
  const categories = await callApi(h, 'snippets.categories', {})
  const paths = categoryPaths(categories)
  const want = name.replace(/\s*[/／]\s*/g, '/')
  const found = categories.find((c) => paths.get(c.id) === want) ?? categories.find((c) => c.name === want)
  if (!found) {
    out.error(`没有这个分类 / no category: ${name}（有：${[...paths.values()].join('、')}）`)
    return undefined
  }
  return found.id
}

export async function runSnippetsCli(h: ApiHandlers, args: string[], values: SnippetCliOptions, out: Out): Promise<number> {
  const [sub, ...rest] = args
  switch (sub) {
    case 'search': {
      const query = rest.join(' ')
      const categoryId = await categoryIdFor(h, values.category, out)
      if (categoryId === undefined) return 1
      const limit = values.limit ? Math.max(1, Math.min(200, Number.parseInt(values.limit, 10) || 20)) : 20
      const result = await callApi(h, 'snippets.search', { query, categoryId, limit })
      const paths = categoryPaths(await callApi(h, 'snippets.categories', {}))
      const hits = result.hits.map((s) => ({ ...s, category: s.categoryId !== null ? (paths.get(s.categoryId) ?? null) : null, text: bodyToText(s.body) }))
      if (values.json) out.log(JSON.stringify({ query, total: result.total, more: result.more, hits }, null, 2))
      else {
        for (const s of hits) out.log(`${s.id}\t${s.category ?? '—'}\t${s.title}\t${s.text.replace(/\n/g, ' ').slice(0, 60)}`)
        out.error(`${result.total}${result.more ? '+' : ''} 条 / matches`)
      }
      return 0
    }
    case 'import': {
      const file = rest[0]
      if (!file) {
        out.error('snippets import 需要文件路径 / needs a file')
        return 2
      }
      const data = readFile(file, out)
      if (!data) return 1
      const report = await callApi(h, 'snippets.import', {
        name: path.basename(file),
        dataBase64: data.toString('base64'),
        commit: true,
        skipDuplicates: !values['keep-duplicates'],
        acceptInvalid: !!values['skip-invalid'],
      })
      if (values.json) out.log(JSON.stringify(report, null, 2))
      for (const p of report.problems) out.error(`${file}:${p.line}: ${p.message}`)
      if (!report.committed) {
        out.error(`有 ${report.problems.length} 处问题，没有导入任何素材；改正后重试，或加 --skip-invalid 只导入无误的 ${report.valid} 条 / nothing imported`)
        return 1
      }
      for (const d of report.duplicates) out.error(`${file}:${d.line}: 与已有素材“${d.existing}”重复${values['keep-duplicates'] ? '（仍已导入）' : '，已跳过'} / duplicate`)
      if (!values.json) out.log(`导入 ${report.imported} 条，跳过重复 ${report.skippedDuplicates} 条，新建分类 ${report.categoriesCreated} 个 / imported ${report.imported}`)
      return 0
    }
    case 'export': {
      const file = rest[0]
      if (!file) {
        out.error('snippets export 需要文件路径 / needs a file')
        return 2
      }
      const ext = path.extname(file).toLowerCase()
      if (ext !== '.json' && ext !== '.csv') {
        out.error('导出文件应为 .json 或 .csv / export to a .json or .csv file')
        return 2
      }
      const categoryId = await categoryIdFor(h, values.category, out)
      if (categoryId === undefined) return 1
      const result = await callApi(h, 'snippets.export', { format: ext === '.json' ? 'json' : 'csv', categoryId })
      fs.writeFileSync(file, result.text, 'utf8')
      out.log(`导出 ${result.count} 条到 ${file} / exported ${result.count}`)
      return 0
    }
    case 'harvest': {
      const files: { name: string; dataBase64: string }[] = []
      for (const file of rest) {
        const data = readFile(file, out)
        if (!data) return 1
        files.push({ name: path.basename(file), dataBase64: data.toString('base64') })
      }
      const documentIds = values.library ? (await callApi(h, 'documents.list', {})).filter((d) => !d.invalid).map((d) => d.id) : []
      if (files.length === 0 && documentIds.length === 0) {
        out.error('snippets harvest 需要文件（或 --library）/ needs files (or --library)')
        return 2
      }
      const result = await callApi(h, 'snippets.harvest', { documentIds, files })
      for (const w of result.warnings) out.error(w)
      if (values.json) out.log(JSON.stringify(result, null, 2))
      else
        for (const g of result.groups)
          out.log(`${g.documents} 篇 × ${g.members.length} 段\t${g.category}\t${g.title}${g.inLibrary ? '\t[已在素材库]' : ''}\n    ${g.text.slice(0, 80)}`)
      return 0
    }
    default:
      out.error(`snippets 的子命令：search / import / export / harvest\n${SNIPPETS_USAGE}`)
      return 2
  }
}

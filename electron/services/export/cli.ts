/**
 * The output commands of `npm run cli`:
 *   check DOC [--json] [--today yyyy-mm-dd]     出稿检查 (exit 0; the findings say what to fix)
 *   export DOC [--docx OUT] [--pdf OUT] [--txt OUT] [--md OUT] [--revision N]
 *   final DOC --name 名称 --by 定稿人 [--json]     定稿: freeze the current text
 *   finals DOC [--json]                           the document's 定稿
 *   verify FILE [--json]                          does a DOCX/PDF match a 定稿 in the library? (exit 0 only if so)
 *   asset add FILE --kind seal|signature [--name N] [--json] · asset list [--json]
 * DOC is a document id, or a .json file holding a document model.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ApiError } from '../../../shared/api'
import { describeSchemaError, SummaryDocumentSchema } from '../../../shared/document/model'
import { checkDocument, type Finding } from '../../../shared/output/check'
import type { ExportFormat } from '../../../shared/api'
import { AssetStore } from '../assets'
import type { Services } from '../index'
import { exportToFile, FinalStore, sourceFor, verifyFile, type ExportSource } from './index'
import { chromiumPrinter } from './pdf'

export const OUTPUT_USAGE = `  check DOC [--json] [--today yyyy-mm-dd]
  export DOC [--docx OUT] [--pdf OUT] [--txt OUT] [--md OUT] [--revision N]
  final DOC --name 名称 --by 定稿人 [--json]
  finals DOC [--json]
  verify FILE [--json]
  asset add FILE --kind seal|signature [--name 名称] [--json] | asset list [--json]
  (DOC: a document id, or a .json file with a document model)`

export const OUTPUT_OPTIONS = {
  docx: { type: 'string' },
  pdf: { type: 'string' },
  txt: { type: 'string' },
  md: { type: 'string' },
  revision: { type: 'string' },
  name: { type: 'string' },
  by: { type: 'string' },
  kind: { type: 'string' },
  today: { type: 'string' },
} as const

export interface OutputCliOptions {
  json?: boolean | undefined
  docx?: string | undefined
  pdf?: string | undefined
  txt?: string | undefined
  md?: string | undefined
  revision?: string | undefined
  name?: string | undefined
  by?: string | undefined
  kind?: string | undefined
  today?: string | undefined
}

type Out = { log: (s: string) => void; error: (s: string) => void }
export const OUTPUT_COMMANDS = new Set(['check', 'export', 'final', 'finals', 'verify', 'asset'])

function loadSource(services: Services, doc: string, revision?: string): ExportSource & { documentId?: string } {
  if (doc.endsWith('.json') && fs.existsSync(doc)) {
    let json: unknown
    try {
      json = JSON.parse(fs.readFileSync(doc, 'utf8'))
    } catch (err) {
      throw new ApiError('bad_request', `${doc} 不是有效的 JSON / not JSON: ${err instanceof Error ? err.message : String(err)}`)
    }
    const parsed = SummaryDocumentSchema.safeParse(json)
    if (!parsed.success) throw new ApiError('bad_request', `${doc} 不是稿台文档 / not a document model: ${describeSchemaError(parsed.error)}`)
    return { model: parsed.data, final: null }
  }
  const finals = new FinalStore(services.library.database(), services.library.documents())
  if (revision !== undefined) {
    const n = Number(revision)
    if (!Number.isInteger(n)) throw new ApiError('bad_request', '--revision 需要定稿编号 / --revision needs a number')
    return { ...sourceFor({} as never, [], finals.get(n)), documentId: doc }
  }
  const record = services.library.documents().get(doc)
  return { ...sourceFor(record.model, finals.list(doc)), documentId: doc }
}

function formatFinding(f: Finding): string {
  const where = f.location.part === 'block' ? `第 ${f.location.block! + 1} 段` : { title: '标题', subtitle: '副标题', signature: '落款', figures: '数据表', block: '' }[f.location.part]
  return `${f.severity === 'error' ? '✗' : '!'} [${where}] ${f.message}${f.excerpt ? `\u3000「${f.excerpt}」` : ''}`
}

export async function runOutputCli(services: Services, command: string, args: string[], values: OutputCliOptions, out: Out): Promise<number> {
  switch (command) {
    case 'check': {
      const doc = args[0]
      if (!doc) return (out.error('check 需要文档 ID / check needs a document'), 2)
      const { model } = loadSource(services, doc)
      const result = checkDocument(model, values.today ? { today: values.today } : {})
      if (values.json) out.log(JSON.stringify(result, null, 2))
      else {
        if (!result.findings.length) out.log('出稿检查：没有发现问题 / no findings')
        for (const f of result.findings) out.log(formatFinding(f))
        if (result.findings.length) out.log(`共 ${result.errors} 个错误、${result.warnings} 个提醒 / ${result.errors} errors, ${result.warnings} warnings`)
      }
      return 0
    }
    case 'export': {
      const doc = args[0]
      const targets = (['docx', 'pdf', 'txt', 'md'] as const).flatMap((f) => (values[f] ? [[f, values[f]!] as [ExportFormat, string]] : []))
      if (!doc || !targets.length) return (out.error('export 需要文档和至少一个 --docx/--pdf/--txt/--md 输出 / export needs a document and an output'), 2)
      const source = loadSource(services, doc, values.revision)
      const assets = new AssetStore(services.library.database())
      for (const [format, target] of targets) {
        const started = performance.now()
        await exportToFile(source, format, target, { assets, printer: () => chromiumPrinter() })
        out.log(`${format.toUpperCase()} → ${path.resolve(target)}（${Math.round(performance.now() - started)} ms）${source.final ? ` 定稿 ${source.final.short}` : ''}`)
      }
      return 0
    }
    case 'final': {
      const doc = args[0]
      if (!doc || !values.name?.trim() || !values.by?.trim()) return (out.error('final 需要文档、--name 和 --by / final needs a document, --name and --by'), 2)
      const final = new FinalStore(services.library.database(), services.library.documents()).create(doc, values.name, values.by)
      out.log(values.json ? JSON.stringify(final, null, 2) : `定稿「${final.name}」${final.short}（${final.author}）revision ${final.revisionId}\n${final.fingerprint}`)
      return 0
    }
    case 'finals': {
      const doc = args[0]
      if (!doc) return (out.error('finals 需要文档 ID / finals needs a document'), 2)
      const finals = new FinalStore(services.library.database(), services.library.documents()).list(doc)
      if (values.json) out.log(JSON.stringify(finals, null, 2))
      else for (const f of finals) out.log(`${f.revisionId}\t${new Date(f.createdAt).toISOString()}\t${f.short}\t${f.author}\t${f.name}`)
      return 0
    }
    case 'verify': {
      const file = args[0]
      if (!file) return (out.error('verify 需要文件路径 / verify needs a file'), 2)
      if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return (out.error(`找不到文件 / no such file: ${file}`), 1)
      const result = await verifyFile(new Uint8Array(fs.readFileSync(file)), new FinalStore(services.library.database(), services.library.documents()))
      if (values.json) out.log(JSON.stringify(result, null, 2))
      else {
        out.log(`${result.status === 'match' ? '✓' : '✗'} ${result.message}`)
        if (result.difference) out.log(`  定稿：…${result.difference.expected}…\n  文件：…${result.difference.found}…`)
      }
      return result.status === 'match' ? 0 : 1
    }
    case 'asset': {
      const [sub, file] = args
      const store = new AssetStore(services.library.database())
      if (sub === 'list') {
        const list = store.list()
        if (values.json) out.log(JSON.stringify(list, null, 2))
        else for (const a of list) out.log(`${a.id}\t${a.kind}\t${a.mime}\t${a.width}×${a.height}\t${a.name}`)
        return 0
      }
      if (sub !== 'add' || !file || (values.kind !== 'seal' && values.kind !== 'signature'))
        return (out.error('用法 / usage: asset add FILE --kind seal|signature [--name 名称]'), 2)
      if (!fs.statSync(file, { throwIfNoEntry: false })?.isFile()) return (out.error(`找不到文件 / no such file: ${file}`), 1)
      const asset = store.add(values.kind, values.name ?? path.basename(file), new Uint8Array(fs.readFileSync(file)))
      out.log(values.json ? JSON.stringify(asset, null, 2) : asset.id)
      return 0
    }
    default:
      return 2
  }
}

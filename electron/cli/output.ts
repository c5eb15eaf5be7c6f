/**
 * 出稿 from the command line: check, export, 定稿, verify, and the seal and signature images. DOC
 * is a document id, or a .json file holding a document model.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ApiError, type ExportFormat } from '../../shared/api'
import { SummaryDocumentSchema, type SummaryDocument } from '../../shared/document/model'
import { issueMessage, messageText, msg } from '../../shared/errors'
import { checkDocument, type Finding } from '../../shared/output/check'
import { sectionNames } from '../../shared/output/sections'
import { JsonSyntaxError, parseJsonWithLines } from '../../shared/snippets/jsonLines'
import { AssetStore } from '../services/assets/store'
import { exportToFile, sourceFor, verifyFile, type ExportSource } from '../services/output'
import { chromiumPrinter, type PdfPrinter } from '../services/output/pdf'
import { FinalStore } from '../services/output/store'
import type { Services } from '../services'
import { documentListCommand, fileArg, requireArg, t, usageOf, type CliContext, type Command, type CommandGroup } from './command'
import { readInputFile } from './files'
import type { Lang } from './options'
import { CliError, usageError } from './print'

const DOC = t('DOC', 'DOC')
const DOC_DETAILS = t('DOC：文档 ID，或存有文档模型的 .json 文件', 'DOC: a document id, or a .json file holding a document model')

function loadSource(services: Services, doc: string, revision?: string): ExportSource & { documentId?: string } {
  if (doc.endsWith('.json') && fs.existsSync(doc)) {
    let json: unknown
    try {
      // the line-aware parser, so that what is wrong is said in the writer's language
      json = parseJsonWithLines(readInputFile(doc).bytes.toString('utf8')).value
    } catch (err) {
      if (err instanceof JsonSyntaxError) throw new ApiError('documents.fileNotJson', { file: doc, line: err.line }, { reason: err.reason })
      throw err
    }
    const parsed = SummaryDocumentSchema.safeParse(json)
    if (!parsed.success) throw new ApiError('documents.fileNotModel', { file: doc }, { reason: issueMessage(parsed.error.issues[0]) })
    return { model: parsed.data, final: null }
  }
  const finals = finalStore(services)
  if (revision !== undefined) {
    const n = Number(revision)
    if (!Number.isInteger(n)) throw usageError(t(`--revision 需要定稿编号（见 finals）：${revision}`, `--revision needs the number of a final version (see finals): ${revision}`))
    return { ...sourceFor({} as never, [], finals.get(n)), documentId: doc }
  }
  const record = services.library.documents().get(doc)
  return { ...sourceFor(record.model, finals.list(doc)), documentId: doc }
}

const finalStore = (services: Services) => new FinalStore(services.library.database(), services.library.documents())

const PLACES = {
  title: t('标题', 'title'),
  subtitle: t('副标题', 'subtitle'),
  signature: t('落款', 'signature'),
  figures: t('数据表', 'figure table'),
} as const

/** `sections`: sectionNames(model), so a finding in the body says which section it is in too */
function formatFinding(f: Finding, lang: Lang, sections: readonly (string | null)[] = []): string {
  const { part, block = 0 } = f.location
  const section = sections[block]
  const where = part === 'block' ? t(`第 ${block + 1} 段${section ? ` · ${section}` : ''}`, `paragraph ${block + 1}${section ? ` · ${section}` : ''}`) : PLACES[part]
  const excerpt = f.excerpt ? t(`\u3000「${f.excerpt}」`, `  “${f.excerpt}”`)[lang] : ''
  return `${f.severity === 'error' ? '✗' : '!'} [${where[lang]}] ${messageText(f.problem, lang)}${excerpt}`
}

/**
 * 出稿检查 before export and 定稿, as the app asks before them: every finding on stderr (the result
 * on stdout stays clean for scripts); with --strict, an error-severity finding (unfilled figures,
 * placeholders left…) refuses the command before anything is written.
 */
function checkBeforeOutput(ctx: CliContext, model: SummaryDocument, action: 'export' | 'final'): void {
  const result = checkDocument(model, ctx.values.today ? { today: ctx.values.today } : {})
  if (!result.findings.length) return
  const what = action === 'export' ? t('导出', 'export') : t('定稿', 'the 定稿')
  ctx.note(t(`出稿检查（${what['zh-CN']}前）：`, `pre-export check (before ${what.en}):`)[ctx.lang])
  const sections = sectionNames(model)
  for (const f of result.findings) ctx.note(`  ${formatFinding(f, ctx.lang, sections)}`)
  ctx.note(t(`共 ${result.errors} 个错误、${result.warnings} 个提醒`, `${result.errors} error(s), ${result.warnings} warning(s)`)[ctx.lang])
  if (result.errors && ctx.values.strict)
    throw new CliError(
      action === 'export'
        ? t(`出稿检查有 ${result.errors} 个错误，按 --strict 未导出任何文件`, `the pre-export check found ${result.errors} error(s); with --strict nothing was exported`)
        : t(`出稿检查有 ${result.errors} 个错误，按 --strict 未定稿`, `the pre-export check found ${result.errors} error(s); with --strict nothing was frozen`),
      1,
    )
}

const check: Command = {
  words: ['check'],
  args: DOC,
  summary: t('出稿检查（总是以 0 退出，由检查结果说明要改什么）', 'the pre-export check (exits 0; the findings say what to fix)'),
  details: DOC_DETAILS,
  options: ['today', 'json'],
  run(ctx, args) {
    const { model } = loadSource(ctx.services, requireArg(check, args, 0, t('check 需要文档 ID 或 .json 文件', 'check needs a document id or a .json file')))
    const sections = sectionNames(model)
    const result = checkDocument(model, ctx.values.today ? { today: ctx.values.today } : {})
    if (ctx.values.json) ctx.json(result)
    else {
      if (!result.findings.length) ctx.line(t('出稿检查：没有发现问题', 'pre-export check: no findings')[ctx.lang])
      for (const f of result.findings) ctx.line(formatFinding(f, ctx.lang, sections))
      if (result.findings.length) ctx.line(t(`共 ${result.errors} 个错误、${result.warnings} 个提醒`, `${result.errors} error(s), ${result.warnings} warning(s)`)[ctx.lang])
    }
  },
}

const exportDocument: Command = {
  words: ['export'],
  args: DOC,
  summary: t('导出为 Word、PDF、纯文本或 Markdown 文件（至少给一个）', 'export to Word, PDF, text or Markdown files (at least one)'),
  details: DOC_DETAILS,
  options: ['docx', 'pdf', 'txt', 'md', 'revision', 'print-mark', 'strict', 'today'],
  async run(ctx, args) {
    const doc = args[0]
    const targets = (['docx', 'pdf', 'txt', 'md'] as const).flatMap((f) => (ctx.values[f] ? [[f, ctx.values[f]!] as [ExportFormat, string]] : []))
    if (!doc || !targets.length) throw usageError(t('export 需要文档和至少一个 --docx/--pdf/--txt/--md 输出', 'export needs a document and at least one of --docx/--pdf/--txt/--md'), usageOf(exportDocument))
    const source = loadSource(ctx.services, doc, ctx.values.revision)
    // 出稿检查 first: with --strict an error stops here, before anything is written or started
    checkBeforeOutput(ctx, source.model, 'export')
    // a PDF: Chromium starts while the document is read and prepared (it is most of the wait)
    const pdfPrinter = targets.some(([f]) => f === 'pdf') ? chromiumPrinter({ keepAlive: true }) : null
    pdfPrinter?.warm?.()
    try {
      await exportTargets(ctx, targets, source, pdfPrinter)
    } finally {
      await pdfPrinter?.close?.()
    }
  },
}

async function exportTargets(ctx: Parameters<Command['run']>[0], targets: [ExportFormat, string][], source: ExportSource, pdfPrinter: PdfPrinter | null): Promise<void> {
  const assets = new AssetStore(ctx.services.library.database())
  for (const [format, target] of targets) {
    const started = performance.now()
    await exportToFile(source, format, target, {
      assets,
      ...(pdfPrinter ? { printer: () => pdfPrinter } : {}),
      printMark: !!ctx.values['print-mark'],
      // pages where the pagination rules gave way: said beside the result, as 出稿检查 would
      onPages: ({ forced }) => forced.length && ctx.note(`! ${messageText(msg('check.pagesForced', { pages: forced.join('、'), count: forced.length }), ctx.lang)}`),
    })
    const ms = Math.round(performance.now() - started)
    const final = source.final ? t(` 定稿 ${source.final.short}`, ` final ${source.final.short}`)[ctx.lang] : ''
    ctx.line(`${format.toUpperCase()} → ${path.resolve(target)}${t(`（${ms} ms）`, ` (${ms} ms)`)[ctx.lang]}${final}`)
  }
}

const final: Command = {
  words: ['final'],
  args: DOC,
  summary: t('定稿：冻结文稿当前的文字，记下名称和定稿人', '定稿: freeze the current text under a name and who signed it off'),
  options: ['name', 'by', 'json', 'strict', 'today'],
  required: ['name', 'by'],
  run(ctx, args) {
    const doc = args[0]
    const { name, by } = ctx.values
    if (!doc || !name?.trim() || !by?.trim()) throw usageError(t('final 需要文档、--name 和 --by', 'final needs a document, --name and --by'), usageOf(final))
    checkBeforeOutput(ctx, ctx.services.library.documents().get(doc).model, 'final')
    const c = finalStore(ctx.services).create(doc, name, by)
    if (ctx.values.json) ctx.json(c)
    else ctx.line(`${t(`定稿「${c.name}」${c.short}（${c.author}）第 ${c.revisionId} 号`, `final “${c.name}” ${c.short} (${c.author}) number ${c.revisionId}`)[ctx.lang]}\n${c.fingerprint}`)
  },
}

const finals = documentListCommand({
  words: ['finals'],
  summary: t('列出文稿的定稿：编号、时间、指纹、定稿人、名称', "list a document's 定稿: number, time, fingerprint, author, name"),
  list: (ctx, id) => finalStore(ctx.services).list(id),
  line: (f) => `${f.revisionId}\t${new Date(f.createdAt).toISOString()}\t${f.short}\t${f.author}\t${f.name}`,
})

const verify: Command = {
  words: ['verify'],
  args: 'FILE',
  summary: t('DOCX/PDF 文件是否与文稿库中的某份定稿一致（一致才以 0 退出）', 'does a DOCX/PDF match a 定稿 in the document library? (exits 0 only if so)'),
  options: ['json'],
  async run(ctx, args) {
    const file = readInputFile(fileArg(verify, args))
    const result = await verifyFile(new Uint8Array(file.bytes), finalStore(ctx.services))
    if (ctx.values.json) ctx.json(result)
    else {
      ctx.line(`${result.status === 'match' ? '✓' : '✗'} ${messageText(result.note, ctx.lang)}`)
      if (result.difference) {
        const { expected, found } = result.difference
        ctx.line(t(`  定稿：…${expected}…\n  文件：…${found}…`, `  final: …${expected}…\n  file:  …${found}…`)[ctx.lang])
      }
    }
    return result.status === 'match' ? 0 : 1
  },
}

const assetAdd: Command = {
  words: ['asset', 'add'],
  args: 'FILE',
  summary: t('存入一张印章或签名图片（PNG/JPEG），打印其 ID', 'store a seal or signature image (PNG/JPEG) and print its id'),
  options: ['kind', 'name', 'json'],
  required: ['kind'],
  run(ctx, args) {
    const name = args[0]
    const kind = ctx.values.kind
    if (!name || (kind !== 'seal' && kind !== 'signature')) throw usageError(t('asset add 需要文件和 --kind seal|signature', 'asset add needs a FILE and --kind seal|signature'), usageOf(assetAdd))
    const file = readInputFile(name)
    const asset = new AssetStore(ctx.services.library.database()).add(kind, ctx.values.name ?? file.name, new Uint8Array(file.bytes))
    if (ctx.values.json) ctx.json(asset)
    else ctx.line(asset.id)
  },
}

const assetList: Command = {
  words: ['asset', 'list'],
  summary: t('列出印章和签名图片', 'list the seal and signature images'),
  options: ['json'],
  run(ctx) {
    const list = new AssetStore(ctx.services.library.database()).list()
    if (ctx.values.json) ctx.json(list)
    else for (const a of list) ctx.line(`${a.id}\t${a.kind}\t${a.mime}\t${a.width}×${a.height}\t${a.name}`)
  },
}

export const outputGroup: CommandGroup = {
  name: 'output',
  title: t('出稿', 'output (出稿)'),
  commands: [check, exportDocument, final, finals, verify, assetAdd, assetList],
}

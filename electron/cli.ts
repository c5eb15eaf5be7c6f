/**
 * `npm run cli -- <command>`: the library from the command line, through the same services and
 * API contract as the app. Every command honours --data-dir (and DRAFTDESK_DATA_DIR).
 *
 *   new --title T [--json]        create a document
 *   list [--trash] [--json]       list documents
 *   show ID --json                print the document model (the stored format)
 *   import FILE [--split] [--clean] [--save] [--json]
 *                                 .txt/.md/.docx → document model(s) (a JSON array with --split);
 *                                 the report goes to stderr with --json; --save also stores them
 *   check / export / final / finals / verify / asset   output (see services/export/cli.ts, docs/output.md)
 *   figures list|set|import DOC …  the figure table (see services/figures/cli.ts)
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { ApiError } from '../shared/api'
import { callApi, createServices, resolveDataDir, type Services } from './services'
import { checkImportSize } from './services/import'
import { formatImportReport, formatImportSummary } from './services/import/report'
import { runSnippetsCli, SNIPPETS_USAGE, type SnippetCliOptions } from './services/snippets/cli'
import { OUTPUT_COMMANDS, OUTPUT_OPTIONS, OUTPUT_USAGE, runOutputCli, type OutputCliOptions } from './services/export/cli'
import { chromiumPrinter } from './services/export/pdf'
import { FIGURES_OPTIONS, FIGURES_USAGE, runFiguresCli, type FigureCliOptions } from './services/figures/cli'

const USAGE = `用法 / usage: npm run cli -- <command> [options]
  new --title 标题 [--json]
  list [--trash] [--json]
  show ID --json
  import FILE [--split] [--clean] [--save] [--json]
${SNIPPETS_USAGE}
${OUTPUT_USAGE}
${FIGURES_USAGE}
options: --data-dir DIR (or DRAFTDESK_DATA_DIR)`

type Out = { log: (s: string) => void; error: (s: string) => void }

export async function runCli(argv: string[], out: Out = { log: (s) => console.log(s), error: (s) => console.error(s) }): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'data-dir': { type: 'string' },
        title: { type: 'string' },
        json: { type: 'boolean', default: false },
        trash: { type: 'boolean', default: false },
        split: { type: 'boolean', default: false },
        clean: { type: 'boolean', default: false },
        save: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        // snippets
        category: { type: 'string' },
        limit: { type: 'string' },
        'skip-invalid': { type: 'boolean', default: false },
        'keep-duplicates': { type: 'boolean', default: false },
        library: { type: 'boolean', default: false },
        // output (export, check, 定稿, verify)
        ...OUTPUT_OPTIONS,
        // figures
        ...FIGURES_OPTIONS,
      },
    })
  } catch (err) {
    out.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  const [command, ...rest] = positionals
  if (values.help || !command) {
    out.log(USAGE)
    return command || values.help ? 0 : 2
  }
  const services = createServices({
    dataDir: resolveDataDir({ argv: values['data-dir'] ? ['--data-dir', values['data-dir']] : [] }),
    // one Chromium per PDF, started and stopped with the command
    output: { printer: () => chromiumPrinter() },
  })
  try {
    const info = services.library.info()
    if (info.state === 'unavailable') {
      out.error(`素材库无法打开 / the library cannot be opened: ${info.path}: ${info.reason}`)
      return 1
    }
    return await runCommand(services, command, rest, values, out)
  } catch (err) {
    out.error(err instanceof ApiError || err instanceof Error ? err.message : String(err))
    return 1
  } finally {
    services.close()
  }
}

async function runCommand(
  services: Services,
  command: string,
  args: string[],
  values: {
    title?: string | undefined; json?: boolean | undefined; trash?: boolean | undefined
    split?: boolean | undefined; clean?: boolean | undefined; save?: boolean | undefined
  } & SnippetCliOptions & OutputCliOptions & FigureCliOptions,
  out: Out,
): Promise<number> {
  const h = services.handlers
  switch (command) {
    case 'new': {
      const record = await callApi(h, 'documents.create', { title: values.title ?? '' })
      out.log(values.json ? JSON.stringify({ id: record.id, title: record.model.title }) : record.id)
      return 0
    }
    case 'list': {
      const docs = await callApi(h, 'documents.list', { trash: values.trash ?? false })
      if (values.json) out.log(JSON.stringify(docs, null, 2))
      else for (const d of docs) out.log(`${d.id}\t${new Date(d.updatedAt).toISOString()}\t${d.characters}字\t${d.title}${d.invalid ? '\t[无法读取]' : ''}`)
      return 0
    }
    case 'show': {
      const id = args[0]
      if (!id) {
        out.error('show 需要文档 ID / show needs a document id')
        return 2
      }
      const record = await callApi(h, 'documents.get', { id })
      out.log(JSON.stringify(record.model, null, values.json ? 2 : 2))
      return 0
    }
    case 'import': {
      const file = args[0]
      if (!file) {
        out.error('import 需要文件路径 / import needs a file')
        return 2
      }
      const stat = fs.statSync(file, { throwIfNoEntry: false })
      if (!stat?.isFile()) {
        out.error(`找不到文件 / no such file: ${file}`)
        return 1
      }
      checkImportSize(stat.size) // before reading: a huge file is refused at once
      const name = path.basename(file)
      const result = await callApi(h, 'documents.import', {
        name,
        dataBase64: fs.readFileSync(file).toString('base64'),
        split: values.split ?? false,
        clean: values.clean ?? false,
        save: values.save ?? false,
      })
      if (values.json) {
        out.log(JSON.stringify(values.split ? result.documents : result.documents[0], null, 2))
        out.error(formatImportReport(name, result.report, result.saved))
      } else out.log(formatImportSummary(name, result.documents, result.report, result.saved))
      return 0
    }
    case 'snippets':
      return runSnippetsCli(h, args, values, out)
    case 'figures':
      return runFiguresCli(h, args, values, out)
    case 'check':
    case 'export':
    case 'final':
    case 'finals':
    case 'verify':
    case 'asset':
      return OUTPUT_COMMANDS.has(command) ? runOutputCli(services, command, args, values, out) : 2
    default:
      out.error(`未知命令 / unknown command: ${command}\n${USAGE}`)
      return 2
  }
}

// Run when executed directly (tsx electron/cli.ts, or the bundled dist/electron/cli.cjs).
const invokedDirectly = typeof process !== 'undefined' && /cli\.(ts|cjs|js)$/.test(process.argv[1] ?? '')
if (invokedDirectly) {
  void runCli(process.argv.slice(2)).then((code) => process.exit(code))
}

import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SummaryDocumentSchema, type SummaryDocument } from '../../shared/document/model'
import { COMMANDS, GROUPS } from '../../electron/cli'
import { callApi, createServices } from '../../electron/services'
import { readSheet } from '../../electron/services/figures/store'
import { SNIPPET_FILE_MAX_BYTES, SHEET_MAX_BYTES } from '../../shared/api'
import { messageText } from '../../shared/errors'
import { cli } from '../helpers/cli'
import { longDocument, sampleDocument } from '../helpers/documents'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()

describe('the CLI', () => {
  it('creates, lists and shows documents in the library named by --data-dir', async () => {
    const dir = tempDir()
    const created = await cli(['new', '--title', '2025年度工作总结', '--data-dir', dir])
    expect(created.code).toBe(0)
    const id = created.out.trim()
    const list = await cli(['list', '--json', '--data-dir', dir])
    expect(JSON.parse(list.out)).toMatchObject([{ id, title: '2025年度工作总结' }])
    const shown = await cli(['show', id, '--json', '--data-dir', dir])
    const model = SummaryDocumentSchema.parse(JSON.parse(shown.out))
    expect(model.title).toBe('2025年度工作总结')
  })

  it('says what is wrong for an unknown command, a missing id and an unknown document', async () => {
    const dir = tempDir()
    expect(await cli(['frobnicate', '--data-dir', dir])).toMatchObject({ code: 2, err: expect.stringContaining('未知命令') })
    expect(await cli(['show', '--data-dir', dir])).toMatchObject({ code: 2 })
    expect(await cli(['show', 'no-such-document', '--data-dir', dir])).toMatchObject({ code: 1, err: expect.stringContaining('没有这篇文档') })
  })

  it('runs as `npm run cli` and honours DRAFTDESK_DATA_DIR', () => {
    const dir = tempDir()
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
    const env = { ...process.env, DRAFTDESK_DATA_DIR: dir }
    const id = execFileSync('npx', ['tsx', 'electron/cli/main.ts', 'new', '--title', '半年工作总结'], { cwd: root, env, encoding: 'utf8' }).trim()
    const listed = execFileSync('npx', ['tsx', 'electron/cli/main.ts', 'list', '--json'], { cwd: root, env, encoding: 'utf8' })
    expect(JSON.parse(listed)).toMatchObject([{ id, title: '半年工作总结' }])
  })

  it('runs as `npm run serve` with the same options: --help, and a refusal of what it does not take', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
    const serve = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'electron/server/serve.ts', ...args], { cwd: root, encoding: 'utf8' })
    const help = serve(['--help', '--lang', 'en'])
    expect(help.status).toBe(0)
    expect(help.stdout).toMatch(/usage: npm run serve/)
    expect(help.stdout).toMatch(/--port N/)
    const refused = serve(['--title', 'x'])
    expect(refused.status).toBe(2)
    expect(refused.stderr).toMatch(/serve 不接受 --title/)
  })
})

describe('the CLI through a pipe', () => {
  it('writes a large --json result whole before it exits (not cut at 64 KB)', async () => {
    const dir = tempDir()
    const services = createServices({ dataDir: dir })
    const doc = await callApi(services.handlers, 'documents.create', { title: '', model: longDocument(120_000, 60) })
    services.close()
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
    // stdout is a pipe to this process, as in `cli show ID --json | jq`
    const shown = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli/main.ts', 'show', doc.id, '--json', '--data-dir', dir], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    expect(shown.status).toBe(0)
    expect(Buffer.byteLength(shown.stdout)).toBeGreaterThan(256 * 1024)
    const model = SummaryDocumentSchema.parse(JSON.parse(shown.stdout))
    expect(model.blocks.length).toBe(longDocument(120_000, 60).blocks.length)
  }, 60_000)
})

describe('出稿检查 before export and 定稿 from the CLI', () => {
  /** a document with a placeholder left and an unfilled figure */
  async function unfinished() {
    const dir = tempDir()
    const services = createServices({ dataDir: dir })
    const model = sampleDocument()
    model.blocks.push({ type: 'paragraph', children: [{ type: 'text', text: '全年共召开会议x次，' }, { type: 'figure', figureId: 'f2' }] })
    model.figures.push({ id: 'f2', name: '重点任务数', value: null, unit: '项' })
    const doc = await callApi(services.handlers, 'documents.create', { title: '', model })
    services.close()
    return { dir, id: doc.id }
  }

  it('export prints the findings on stderr and writes the file; --strict writes nothing and exits 1', async () => {
    const { dir, id } = await unfinished()
    const target = path.join(dir, 'out.txt')
    const warned = await cli(['export', id, '--txt', target, '--data-dir', dir, '--today', '2026-01-10'])
    expect(warned.code).toBe(0)
    expect(warned.err).toContain('出稿检查')
    expect(warned.err).toMatch(/✗ \[第 \d+ 段 · 二、存在的问题\].*重点任务数/)
    expect(warned.err).toMatch(/「x」|x次/)
    expect(warned.out).not.toContain('出稿检查')
    expect(fs.existsSync(target)).toBe(true)
    fs.rmSync(target)
    const strict = await cli(['export', id, '--txt', target, '--strict', '--data-dir', dir, '--today', '2026-01-10'])
    expect(strict.code).toBe(1)
    expect(strict.err).toMatch(/--strict 未导出/)
    expect(fs.existsSync(target)).toBe(false)
    expect(fs.readdirSync(dir).filter((f) => f.startsWith('out'))).toEqual([])
  })

  it('final with --strict freezes nothing when the check finds errors, and says why in English with --lang en', async () => {
    const { dir, id } = await unfinished()
    const strict = await cli(['final', id, '--name', '报送稿', '--by', '王', '--strict', '--lang', 'en', '--data-dir', dir, '--today', '2026-01-10'])
    expect(strict.code).toBe(1)
    expect(strict.err).toMatch(/with --strict nothing was frozen/)
    expect(JSON.parse((await cli(['finals', id, '--json', '--data-dir', dir])).out)).toEqual([])
    const done = await cli(['final', id, '--name', '报送稿', '--by', '王', '--data-dir', dir, '--today', '2026-01-10'])
    expect(done.code).toBe(0)
    expect(done.err).toContain('重点任务数')
    expect(JSON.parse((await cli(['finals', id, '--json', '--data-dir', dir])).out)).toHaveLength(1)
  })

  it('a document without errors exports with --strict', async () => {
    const dir = tempDir()
    const services = createServices({ dataDir: dir })
    const doc = await callApi(services.handlers, 'documents.create', { title: '', model: sampleDocument() })
    services.close()
    const target = path.join(dir, 'ok.txt')
    expect(await cli(['export', doc.id, '--txt', target, '--strict', '--data-dir', dir, '--today', '2026-01-10'])).toMatchObject({ code: 0 })
    expect(fs.existsSync(target)).toBe(true)
  })
})

describe('the CLI’s help', () => {
  it('lists every group and command, and opens no library to do so', async () => {
    const dir = tempDir()
    const help = await cli(['--help', '--data-dir', dir])
    expect(help.code).toBe(0)
    for (const group of GROUPS) expect(help.out).toContain(group.title['zh-CN'])
    for (const command of COMMANDS) expect(help.out).toContain(`  ${command.words.join(' ')}`)
    expect(help.out).toMatch(/--data-dir DIR/)
    expect(help.out).toMatch(/--lang zh-CN\|en/)
    expect(await cli(['help'])).toEqual(help)
    expect(fs.readdirSync(dir)).toEqual([])
  })

  it('has --help for every group', async () => {
    for (const group of GROUPS) {
      const help = await cli([group.name, '--help'])
      expect(help, group.name).toMatchObject({ code: 0, err: '' })
      for (const command of group.commands) expect(help.out).toContain(command.words.join(' '))
      expect(await cli(['help', group.name]), group.name).toEqual(help)
    }
    // the words that begin several commands are a group too
    const asset = await cli(['asset', '--help'])
    expect(asset.code).toBe(0)
    expect(asset.out).toMatch(/asset add FILE --kind seal\|signature/)
    expect(asset.out).toContain('asset list')
  })

  it('has --help for every command: usage, what it does, each option', async () => {
    for (const command of COMMANDS) {
      const name = command.words.join(' ')
      const help = await cli([...command.words, '--help'])
      expect(help, name).toMatchObject({ code: 0, err: '' })
      expect(help.out).toContain(`用法：npm run cli -- ${name}`)
      expect(help.out).toContain(command.summary['zh-CN'])
      for (const option of [...command.options, 'data-dir', 'lang', 'help']) expect(help.out, `${name} --${option}`).toContain(`--${option}`)
      expect((await cli(['-h', ...command.words])).out).toBe(help.out)
    }
  })

  it('answers a wrong command line with the message, the usage and exit code 2', async () => {
    expect(await cli([])).toMatchObject({ code: 2, out: '', err: expect.stringContaining('用法：npm run cli --') })
    expect(await cli(['figures'])).toMatchObject({ code: 2, err: expect.stringMatching(/figures 需要子命令[^]*figures set DOC 名称 数值/) })
    expect(await cli(['figures', 'frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('未知的子命令') })
    expect(await cli(['documents'])).toMatchObject({ code: 2, err: expect.stringMatching(/documents 是一组命令[^]*list \[--trash\]/) })
    expect(await cli(['list', '--title', 'x'])).toMatchObject({ code: 2, err: expect.stringContaining('list 不接受 --title') })
    expect(await cli(['list', '--nonsense'])).toMatchObject({ code: 2, err: expect.stringContaining('--nonsense') })
    expect(await cli(['show', '--data-dir', tempDir()])).toMatchObject({ code: 2, err: expect.stringMatching(/show 需要文档 ID[^]*用法：npm run cli -- show ID/) })
  })
})

describe('the CLI’s --lang', () => {
  it('is zh-CN unless told otherwise', async () => {
    const zh = await cli(['--help'])
    expect(zh.out).toMatch(/^用法：/)
    expect(await cli(['--help', '--lang', 'zh-CN'])).toEqual(zh)
  })

  it('gives the help in English with --lang en, wherever it stands', async () => {
    const en = await cli(['--lang', 'en', '--help'])
    expect(en.code).toBe(0)
    expect(en.out).toMatch(/^usage: npm run cli -- <command> \[options\]/)
    expect(en.out).toContain('figures set DOC NAME VALUE [--create] [--json]')
    expect(en.out).not.toMatch(/用法|选项/)
    expect(await cli(['--help', '--lang=en'])).toEqual(en)
    const figures = await cli(['figures', 'set', '--help', '--lang', 'en'])
    expect(figures.out).toContain('usage: npm run cli -- figures set DOC NAME VALUE')
    expect(figures.out).toContain('create the figure when there is none of that name')
  })

  it('follows the usage of a wrong command line', async () => {
    expect(await cli(['frobnicate', '--lang', 'en'])).toMatchObject({ code: 2, err: expect.stringMatching(/unknown command: frobnicate\nusage: npm run cli --/) })
  })

  it('takes only zh-CN or en', async () => {
    expect(await cli(['list', '--lang', 'fr'])).toMatchObject({ code: 2, err: expect.stringContaining('--lang 只能是 zh-CN 或 en') })
    expect(await cli(['list', '--lang'])).toMatchObject({ code: 2 })
  })

  it('is taken by every command, with --data-dir', async () => {
    const dir = tempDir()
    const created = await cli(['new', '--title', '季度总结', '--lang', 'en', '--data-dir', dir])
    expect(created.code).toBe(0)
    expect(JSON.parse((await cli(['list', '--json', '--lang', 'en', '--data-dir', dir])).out)).toMatchObject([{ id: created.out, title: '季度总结' }])
  })
})

describe('the CLI speaks one language at a time', () => {
  const HAN = /\p{Script=Han}/u
  // the old way of saying everything twice: "找不到文件 / no such file"
  const BILINGUAL = / \/ [A-Za-z]/

  /** Data the commands name (documents, figures, files, snippets) in plain ASCII, so that any Han character in English output is a word of ours. */
  async function fixtures() {
    const dir = tempDir()
    const model: SummaryDocument = {
      version: 1,
      title: 'Report 20xx',
      blocks: [{ type: 'paragraph', children: [{ type: 'text', text: 'We held ' }, { type: 'figure', figureId: 'm' }, { type: 'text', text: ' meetings.' }] }],
      figures: [
        { id: 'm', name: 'meetings', value: 3 },
        { id: 'z', name: 'zero', value: 0 },
        { id: 'r', name: 'ratio', value: null, formula: 'meetings/zero' },
      ],
    }
    const services = createServices({ dataDir: dir })
    const { id } = await callApi(services.handlers, 'documents.create', { title: model.title, model })
    services.close()
    const file = (name: string, text: string) => (fs.writeFileSync(path.join(dir, name), text), path.join(dir, name))
    const broken = tempDir()
    fs.writeFileSync(path.join(broken, 'library.sqlite'), 'not a library at all, just some bytes')
    return {
      dir,
      id,
      model: file('model.json', JSON.stringify(model)),
      notJson: file('broken.json', '{ "title": "x", }'),
      badCsv: file('bad.csv', 'title,category,tags,body\nok,,,fine text\nbad,,,a,b\n'),
      sheet: file('sheet.csv', 'name,value\nmeetings,5\nvisits,7\n'),
      text: file('notes.txt', 'plain words, nothing more\n'),
      broken,
    }
  }

  /** Each command line, with what it says first (the line an English reader must be able to read). */
  async function cases() {
    const f = await fixtures()
    const d = ['--data-dir', f.dir]
    return [
      { args: ['frobnicate', ...d], en: 'unknown command: frobnicate', zh: '未知命令：frobnicate' },
      { args: ['show', ...d], en: 'show needs a document id', zh: 'show 需要文档 ID' },
      { args: ['list', '--nonsense', ...d], en: 'no such option: --nonsense', zh: '没有这个选项：--nonsense' },
      { args: ['import', path.join(f.dir, 'nope.txt'), ...d], en: `no such file: ${path.join(f.dir, 'nope.txt')}`, zh: `找不到文件：${path.join(f.dir, 'nope.txt')}` },
      { args: ['list', '--data-dir', f.broken], en: `the document library ${path.join(f.broken, 'library.sqlite')} cannot be opened`, zh: `文稿库无法打开（${path.join(f.broken, 'library.sqlite')}）` },
      { args: ['check', f.notJson, ...d], en: `${f.notJson} is not valid JSON: line 1`, zh: `${f.notJson} 不是有效的 JSON：第 1 行` },
      { args: ['export', f.id, '--txt', path.join(f.dir, 'a.txt'), '--revision', 'x', ...d], en: '--revision needs the number of a final version', zh: '--revision 需要定稿编号' },
      { args: ['check', f.model, '--today', '2026-01-05', ...d], en: '✗ [title] the title has a placeholder to fill: “20xx”', zh: '✗ [标题] 标题中有待填内容「20xx」' },
      { args: ['list', ...d], en: `${f.id}\t`, zh: `${f.id}\t` },
      { args: ['figures', 'list', f.id, ...d], en: 'meetings\t3\t1 use', zh: 'meetings\t3\t1处' },
      { args: ['figures', 'set', f.id, 'visits', '4', '--create', ...d], en: 'added “visits”: 4 (0 uses in the text)', zh: '已新增「visits」：4（正文0处）' },
      { args: ['figures', 'import', f.id, f.sheet, '--dry-run', ...d], en: 'update “meetings”: 3 → 5', zh: '更新 「meetings」：3 → 5' },
      { args: ['snippets', 'import', f.badCsv, ...d], en: `${f.badCsv}:3: line 3 has 5 cells but the header only 4`, zh: `${f.badCsv}:3: 第 3 行有 5 列，表头只有 4 列` },
      { args: ['snippets', 'search', '--category', 'nowhere', ...d], en: 'no such category: nowhere', zh: '没有这个分类：nowhere' },
      { args: ['verify', f.text, ...d], en: '✗ only DOCX and PDF files can be verified', zh: '✗ 只能核对 DOCX 或 PDF 文件' },
      { args: ['import', f.text, '--json', ...d], en: '{', zh: '{' },
    ]
  }

  /** What a command printed, less the data it was given (the document's text, category names of the starter 素材库) and the help after a usage error. */
  const said = (r: { out: string; err: string }) =>
    [...r.out.split('\n'), ...r.err.split(/\n(?:usage|用法)[:：]/)[0]!.split('\n')].filter((line) => !line.startsWith('{') && !line.startsWith(' ') && !line.startsWith('}') && !line.startsWith('"'))

  it('prints English only with --lang en: refusals, reports and results', async () => {
    for (const c of await cases()) {
      const r = await cli([...c.args, '--lang', 'en'])
      const first = (r.err && !r.out ? r.err : r.out || r.err).split('\n')[0]!
      expect(first, c.args.join(' ')).toContain(c.en)
      const lines = c.args.includes('--category') ? [first.replace(/\(there are: .*\)$/, '')] : said(r)
      for (const line of lines) expect(line, c.args.join(' ')).not.toMatch(HAN)
    }
  })

  it('prints Chinese only by default, never a "中文 / English" pair', async () => {
    for (const c of await cases()) {
      const r = await cli(c.args)
      const first = (r.err && !r.out ? r.err : r.out || r.err).split('\n')[0]!
      expect(first, c.args.join(' ')).toContain(c.zh)
      expect(`${r.out}\n${r.err}`, c.args.join(' ')).not.toMatch(BILINGUAL)
      expect(`${r.out}\n${r.err}`, c.args.join(' ')).not.toMatch(/\b(?:needs?|cannot|unknown|imported|problems?|matches|error)\b/)
    }
  })

  it('refuses a file over the limit before reading it, in the words the app uses for it', async () => {
    const { dir, id } = await fixtures()
    const sparse = (name: string, size: number) => {
      const file = path.join(dir, name)
      fs.writeFileSync(file, '')
      fs.truncateSync(file, size)
      return file
    }
    const sheet = sparse('big.csv', SHEET_MAX_BYTES + 1)
    const fromApp = await readSheet('big.csv', new Uint8Array(SHEET_MAX_BYTES + 1)).then(
      () => 'accepted',
      (err: unknown) => (err as Error).message,
    )
    expect(await cli(['figures', 'import', id, sheet, '--data-dir', dir])).toMatchObject({ code: 1, err: fromApp })
    const services = createServices({ dataDir: dir })
    const refused = await services.dispatch('snippets.import', { name: 'big.json', dataBase64: 'A'.repeat(Math.ceil(((SNIPPET_FILE_MAX_BYTES + 3) / 3) * 4)), commit: false })
    services.close()
    expect(refused.ok).toBe(false)
    const snippets = sparse('big.json', SNIPPET_FILE_MAX_BYTES + 1)
    for (const lang of ['zh-CN', 'en'] as const)
      expect(await cli(['snippets', 'import', snippets, '--lang', lang, '--data-dir', dir])).toMatchObject({ code: 1, err: !refused.ok && messageText(refused.error, lang) })
  })

  it('words the import report in the language asked for', async () => {
    const { text, dir } = await fixtures()
    const en = await cli(['import', text, '--json', '--lang', 'en', '--data-dir', dir])
    expect(en.err).toMatch(/^import: notes\.txt — plain text/)
    expect(en.err).not.toMatch(HAN)
    const zh = await cli(['import', text, '--json', '--data-dir', dir])
    expect(zh.err).toMatch(/^导入：notes\.txt — 纯文本/)
  })
})

import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SummaryDocumentSchema } from '../../shared/document/model'
import { COMMANDS, GROUPS, runCli } from '../../electron/cli'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()

async function cli(args: string[]) {
  const lines: string[] = []
  const errors: string[] = []
  const code = await runCli(args, { log: (s) => lines.push(s), error: (s) => errors.push(s) })
  return { code, out: lines.join('\n'), err: errors.join('\n') }
}

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

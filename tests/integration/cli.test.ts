import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { SummaryDocumentSchema } from '../../shared/document/model'
import { runCli } from '../../electron/cli'
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
})

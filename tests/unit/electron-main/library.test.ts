/**
 * 文件 › 打开库… against the real services and real SQLite files in temp folders. Only the dialogs and
 * the renderer are stand-ins: the file the writer picks, the error box, the commands sent.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openLibraryInteractive } from '../../../electron/main/library'
import type { AppCommand } from '../../../electron/main/commands'
import { callApi, createServices, libraryPathIn, type Services } from '../../../electron/services'
import { sampleDocument } from '../../helpers/documents'
import { useTempDirs } from '../../helpers/tempDir'

const tempDir = useTempDirs()
const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

/** A library folder holding documents with these titles. */
async function libraryWith(...titles: string[]): Promise<string> {
  const dir = tempDir()
  const services = createServices({ dataDir: dir })
  for (const title of titles) await callApi(services.handlers, 'documents.create', { title, model: sampleDocument(title) })
  services.close()
  return libraryPathIn(dir)
}

/** The app's services on a library, and 打开库… wired to them as main.ts wires it. */
async function app(...titles: string[]) {
  const file = await libraryWith(...titles)
  const services: Services = createServices({ dataDir: path.dirname(file) })
  const sent: AppCommand[] = []
  const errors: { title: string; message: string }[] = []
  const openLibrary = (chosen: string | undefined) =>
    openLibraryInteractive({
      chooseFile: async () => chosen,
      open: (file) => services.library.open(file, false),
      send: (command) => sent.push(command),
      showError: (title, message) => errors.push({ title, message }),
    })
  const listed = async () => (await callApi(services.handlers, 'documents.list', {})).map((d) => d.title).sort()
  return { file, services, sent, errors, openLibrary, titles: listed, info: () => callApi(services.handlers, 'library.info', {}) }
}

describe('文件 › 打开库…', () => {
  it('switches to the chosen library: its documents are listed, the old file keeps its own, the renderer is told', async () => {
    const a = await app('原来的总结')
    const other = await libraryWith('乙镇总结', '丙村总结')
    try {
      expect(await a.openLibrary(other)).toBe(true)
      expect(a.sent).toEqual(['library.changed'])
      expect(a.errors).toEqual([])
      expect(await a.info()).toEqual({ state: 'open', path: other, documents: 2 })
      expect(await a.titles()).toEqual(['丙村总结', '乙镇总结'])
      // a document written now goes into the chosen file
      await callApi(a.services.handlers, 'documents.create', { title: '新写的', model: sampleDocument('新写的') })
      // and back again: the first library is as it was
      expect(await a.openLibrary(a.file)).toBe(true)
      expect(await a.titles()).toEqual(['原来的总结'])
      expect(await a.openLibrary(other)).toBe(true)
      expect(await a.titles()).toEqual(['丙村总结', '乙镇总结', '新写的'])
    } finally {
      a.services.close()
    }
  })

  it('does nothing when the dialog is cancelled', async () => {
    const a = await app('原来的总结')
    try {
      expect(await a.openLibrary(undefined)).toBe(false)
      expect(a.sent).toEqual([])
      expect(a.errors).toEqual([])
      expect(await a.info()).toEqual({ state: 'open', path: a.file, documents: 1 })
    } finally {
      a.services.close()
    }
  })

  it('a file that is no library: says why, leaves the file untouched, and keeps the open library', async () => {
    const a = await app('原来的总结')
    const notes = path.join(tempDir(), '会议记录.sqlite')
    fs.writeFileSync(notes, Buffer.from('这不是数据库 — just some bytes\u0000\u0001'.repeat(300)))
    const before = sha(notes)
    try {
      expect(await a.openLibrary(notes)).toBe(false)
      expect(a.errors).toHaveLength(1)
      expect(a.errors[0]!.title).toBe('无法打开库')
      expect(a.errors[0]!.message).toContain(notes)
      expect(a.errors[0]!.message).toContain('不是稿台文稿库文件')
      // the new file is opened before the old one is closed: the writer keeps working where they were
      expect(a.sent).toEqual([])
      expect(await a.info()).toEqual({ state: 'open', path: a.file, documents: 1 })
      expect(await a.titles()).toEqual(['原来的总结'])
      expect(sha(notes)).toBe(before)
      expect(fs.readdirSync(path.dirname(notes))).toEqual(['会议记录.sqlite']) // no -wal / -shm beside it
    } finally {
      a.services.close()
    }
  })

  it('a file gone by the time it is opened: says so and keeps the open library', async () => {
    const a = await app('原来的总结')
    const gone = path.join(tempDir(), 'moved-away.sqlite')
    try {
      expect(await a.openLibrary(gone)).toBe(false)
      expect(a.errors).toEqual([{ title: '无法打开库', message: expect.stringContaining('找不到文件') }])
      expect(a.errors[0]!.message).toContain(gone)
      expect(a.sent).toEqual([])
      expect(await a.info()).toEqual({ state: 'open', path: a.file, documents: 1 })
      expect(await a.titles()).toEqual(['原来的总结'])
      expect(fs.existsSync(gone)).toBe(false) // opening never creates a library
    } finally {
      a.services.close()
    }
  })
})

/**
 * The team server on loopback, in this process: members and their rights, two writers converging,
 * offline edits merging, and the bad input an open network brings (wrong tokens, a read-only
 * member's edits, damaged and oversized messages). Clients are the engine's own provider + Yjs.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { runTeamCli } from '../../electron/team/cli'
import { readTeamLog } from '../../electron/team/log'
import { foldUpdates } from '../../electron/team/store/fold'
import { addMember, useTeam, waitFor } from '../helpers/team'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()
const { server, client, oneEditor, memberTriesToEdit } = useTeam(tempDir)

/** The document as stored on the server's disk (snapshot and log folded), read with a separate connection. */
function storedText(dataDir: string, name: string): string {
  const db = new Database(path.join(dataDir, 'team.sqlite'), { readonly: true })
  try {
    const snapshot = (db.prepare('SELECT state FROM team_documents WHERE name = ?').get(name) as { state: Buffer } | undefined)?.state
    const rows = (db.prepare('SELECT data FROM team_updates WHERE name = ? ORDER BY id').all(name) as { data: Buffer }[]).map((r) => r.data)
    const doc = new Y.Doc()
    Y.applyUpdate(doc, foldUpdates([snapshot, ...rows]).state)
    return doc.get('root', Y.XmlText).toString()
  } finally {
    db.close()
  }
}

/** A raw client speaking the engine's wire format: authenticate for `name`, then send `messages`. */
function rawMessage(name: string, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, name)
  write(e)
  return encoding.toUint8Array(e)
}
const authMessage = (name: string, token: string) =>
  rawMessage(name, (e) => {
    encoding.writeVarUint(e, 2) // Auth
    encoding.writeVarUint(e, 0) // Token
    encoding.writeVarString(e, token)
  })
const updateMessage = (name: string, update: Uint8Array) =>
  rawMessage(name, (e) => {
    encoding.writeVarUint(e, 0) // Sync
    encoding.writeVarUint(e, 2) // Update
    encoding.writeVarUint8Array(e, update)
  })

describe('team server: two writers, one document', () => {
  it('concurrent edits in one paragraph converge in both clients and on the server’s disk', async () => {
    const dir = tempDir()
    const zhang = await addMember(dir, '张三', '编辑')
    const li = await addMember(dir, '李四', 'editor')
    const s = await server(dir)
    const a = client(s.url, '年度总结', zhang)
    const b = client(s.url, '年度总结', li)
    await a.acknowledged()
    await b.acknowledged()
    a.root.insert(0, '全年完成任务。')
    await waitFor(() => b.text() === '全年完成任务。', 10_000, 'the first edit to reach the second writer')
    // both type into the same sentence at once, neither seeing the other's change yet
    a.root.insert(2, '共')
    b.root.insert(6, '，成效明显')
    a.root.format(0, 2, { bold: true })
    await a.acknowledged()
    await b.acknowledged()
    await waitFor(() => a.text() === b.text() && a.text().includes('共') && a.text().includes('成效明显'), 10_000, 'both writers to converge')
    expect(a.root.toDelta()).toEqual(b.root.toDelta())
    // acknowledged means stored: the disk holds it without waiting for the engine's debounce
    expect(storedText(dir, '年度总结')).toBe(a.text())
  })
})

describe('team server: members and rights', () => {
  it('a 只读 member’s edits are refused by the server, reach no one, and are logged', async () => {
    const dir = tempDir()
    const editor = await addMember(dir, '张三', '编辑')
    const reader = await addMember(dir, '王五', '只读')
    const s = await server(dir)
    const { writer: a, member: r } = await memberTriesToEdit(s.url, { writer: editor, member: reader }, '原文。', '篡改')
    expect(r.notices[0]).toEqual({ kind: 'refused', code: 'team.readOnly', role: 'reader' })
    // the reader's change is never acknowledged; the editor goes on and never sees it
    expect(r.provider.unsyncedChanges).toBeGreaterThan(0)
    a.root.insert(3, '续写。')
    await a.acknowledged()
    await waitFor(() => r.text().includes('续写。'), 10_000, 'the reader to keep receiving')
    expect(a.text()).toBe('原文。续写。')
    expect(storedText(dir, '总结')).toBe('原文。续写。')
    const violations = readTeamLog(dir).filter((e) => e.event === 'role-violation')
    expect(violations).toHaveLength(1)
    expect(violations[0]).toMatchObject({ member: '王五', role: '只读', document: '总结' })
  })

  it('a 审阅 member reads the content but writes only the document’s comments', async () => {
    const dir = tempDir()
    const editor = await addMember(dir, '张三', '编辑')
    const reviewer = await addMember(dir, '赵六', '审阅')
    const s = await server(dir)
    const { writer: a, member: rv } = await memberTriesToEdit(s.url, { writer: editor, member: reviewer }, '正文。', '改')
    expect(rv.notices[0]?.code).toBe('team.readOnly')
    const comments = client(s.url, '总结#comments', reviewer)
    comments.doc.getMap('comments').set('c1', '这里的数字需要核对')
    await comments.acknowledged()
    const seen = client(s.url, '总结#comments', editor)
    await waitFor(() => seen.doc.getMap('comments').get('c1') === '这里的数字需要核对', 10_000, 'the comment to reach the editor')
    expect(a.text()).toBe('正文。')
  })

  it('a wrong or removed token is refused with a clear reason, logged without the token', async () => {
    const { dir, token, s } = await oneEditor()
    const wrong = 'ddt_' + 'A'.repeat(43)
    const c = client(s.url, '总结', wrong)
    await waitFor(() => c.failures.length > 0, 10_000, 'the refusal')
    expect(c.failures[0]).toBe('team.badToken')

    const lines: string[] = []
    expect((await runTeamCli(['user', 'list', '--data-dir', dir], { log: (l) => lines.push(l), error: () => {} })).code).toBe(0)
    expect(lines).toEqual([expect.stringMatching(/^张三\t编辑\t/)])
    expect((await runTeamCli(['user', 'remove', '张三', '--data-dir', dir], { log: () => {}, error: () => {} })).code).toBe(0)
    const removed = client(s.url, '总结', token)
    await waitFor(() => removed.failures.length > 0, 10_000, 'the removed member’s refusal')
    expect(removed.failures[0]).toBe('team.badToken')

    const refused = readTeamLog(dir).filter((e) => e.event === 'refused-token')
    expect(refused).toHaveLength(2)
    const log = fs.readFileSync(path.join(dir, 'team-server.log'), 'utf8')
    expect(log).not.toContain(token)
    expect(log).not.toContain(wrong)
    // the token is stored only as its hash
    const db = new Database(path.join(dir, 'team.sqlite'), { readonly: true })
    expect(JSON.stringify(db.prepare('SELECT * FROM team_members').all())).not.toContain(token.slice(4))
    db.close()
  })

  it('user add refuses an unknown role and a name already taken', async () => {
    const dir = tempDir()
    await addMember(dir, '张三', '编辑')
    const errors: string[] = []
    const out = { log: () => {}, error: (s: string) => errors.push(s) }
    expect((await runTeamCli(['user', 'add', '李四', '--role', '管理员', '--data-dir', dir], out)).code).toBe(2)
    expect(errors.join('\n')).toMatch(/--role/)
    expect((await runTeamCli(['user', 'add', '张三', '--role', '只读', '--data-dir', dir], out)).code).toBe(1)
    expect(errors.join('\n')).toMatch(/张三/)
  })

  it('the server refuses settings that cannot work, before it listens', async () => {
    const dir = tempDir()
    const errors: string[] = []
    const out = { log: () => {}, error: (s: string) => errors.push(s) }
    expect((await runTeamCli(['--data-dir', dir, '--cert', 'cert.pem'], out)).code).toBe(2)
    expect(errors.join('\n')).toMatch(/--cert and --key go together/)
    expect((await runTeamCli(['--data-dir', dir, '--database', 'mysql://x'], out)).code).toBe(2)
    expect((await runTeamCli(['--data-dir', dir, '--port', '70000'], out)).code).toBe(2)
    expect((await runTeamCli(['--port', '1234'], out)).code).toBe(2)
    expect(errors.join('\n')).toMatch(/--data-dir/)
    // a port already taken: a clear failure, and the store let go
    const first = await server(dir)
    errors.length = 0
    expect((await runTeamCli(['--data-dir', dir, '--port', String(first.port), '--host', '127.0.0.1'], out)).code).toBe(1)
    expect(errors.join('\n')).toMatch(/EADDRINUSE/)
  })
})

describe('team server: bad input', () => {
  it('a damaged update is refused, the sender cut off from the document, the others unharmed', async () => {
    const { dir, token, s } = await oneEditor()
    const a = client(s.url, '总结', token)
    a.root.insert(0, '完好的文字。')
    await a.acknowledged()

    const ws = new WebSocket(s.url)
    await new Promise((r) => ws.once('open', r))
    const received: Buffer[] = []
    ws.on('message', (d: Buffer) => received.push(d))
    ws.send(authMessage('总结', token))
    await waitFor(() => received.length > 0)
    // a struct list that claims far more than it carries
    ws.send(updateMessage('总结', new Uint8Array([5, 200, 1, 7, 0, 255, 255, 3])))
    await waitFor(() => readTeamLog(dir).some((e) => e.event === 'malformed-update'), 10_000, 'the refusal in the log')
    await waitFor(() => received.some((m) => Buffer.from(m).includes(Buffer.from('team.malformedUpdate'))), 10_000, 'the refusal notice')
    ws.close()

    a.root.insert(6, '继续。')
    await a.acknowledged()
    const b = client(s.url, '总结', token)
    await waitFor(() => b.text() === '完好的文字。继续。', 10_000, 'a new client to get the intact text')
    expect(storedText(dir, '总结')).toBe('完好的文字。继续。')
  })

  it('a message over the size limit closes that connection (1009); the server goes on', async () => {
    const { dir, token, s } = await oneEditor({ maxMessageBytes: 64 * 1024 })
    const a = client(s.url, '总结', token)
    a.root.insert(0, '正常。')
    await a.acknowledged()
    const ws = new WebSocket(s.url)
    await new Promise((r) => ws.once('open', r))
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)))
    ws.send(authMessage('总结', token))
    ws.send(updateMessage('总结', new Uint8Array(200 * 1024)))
    expect(await closed).toBe(1009)
    await waitFor(() => readTeamLog(dir).some((e) => e.event === 'too-large'))
    a.root.insert(3, '照常。')
    await a.acknowledged()
    expect(storedText(dir, '总结')).toBe('正常。照常。')
  })

  it('a client that stops reading is cut off instead of the server buffering for it without end', async () => {
    const { dir, token, s } = await oneEditor({ maxBufferedBytes: 256 * 1024 })
    const stalled = new WebSocket(s.url)
    await new Promise((r) => stalled.once('open', r))
    const closed = new Promise<void>((resolve) => stalled.once('close', () => resolve()))
    stalled.send(authMessage('总结', token))
    await new Promise((r) => setTimeout(r, 200))
    // the stalled client's machine stops reading from the network
    ;(stalled as unknown as { _socket: { pause(): void } })._socket.pause()
    const a = client(s.url, '总结', token)
    await a.acknowledged()
    const chunk = '甲'.repeat(100_000)
    for (let i = 0; i < 80 && !readTeamLog(dir).some((e) => e.event === 'slow-client'); i++) {
      a.root.insert(0, chunk)
      await a.acknowledged()
    }
    await waitFor(() => readTeamLog(dir).some((e) => e.event === 'slow-client'), 10_000, 'the stalled client to be cut off')
    ;(stalled as unknown as { _socket: { resume(): void } })._socket.resume()
    await closed
    // the writer was never held up
    a.root.insert(0, '还在。')
    await a.acknowledged()
  })

  it('a bad document name is refused before anything is opened', async () => {
    const { token, s } = await oneEditor()
    const c = client(s.url, 'x\u0000../../etc', token)
    await waitFor(() => c.failures.length > 0)
    expect(c.failures[0]).toBe('team.badDocumentName')
  })
})

describe('team server: offline and reconnect', () => {
  it('a writer who edits offline merges on reconnect, with what others wrote meanwhile', async () => {
    const { dir, token, s } = await oneEditor()
    const a = client(s.url, '总结', token)
    const b = client(s.url, '总结', token)
    a.root.insert(0, '第一段。')
    await a.acknowledged()
    await waitFor(() => b.text() === '第一段。')
    // on the train: the laptop loses the network
    a.socket.disconnect()
    a.root.insert(4, '火车上写的。')
    b.root.insert(0, '办公室写的。')
    await b.acknowledged()
    expect(a.text()).toBe('第一段。火车上写的。')
    await a.socket.connect()
    await a.acknowledged()
    await waitFor(() => a.text() === b.text() && a.text().length === '办公室写的。第一段。火车上写的。'.length, 10_000, 'the offline edits to merge')
    expect(a.text()).toBe('办公室写的。第一段。火车上写的。')
    expect(storedText(dir, '总结')).toBe(a.text())
  })
})

describe('team server: TLS and backups', () => {
  const openssl = spawnSync('openssl', ['version']).status === 0
  it.skipIf(!openssl)('serves wss:// with the certificate it is given', async () => {
    const dir = tempDir()
    const cert = path.join(dir, 'cert.pem')
    const key = path.join(dir, 'key.pem')
    const made = spawnSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1'])
    expect(made.status).toBe(0)
    const token = await addMember(dir, '张三', '编辑')
    const s = await server(dir, { cert, key })
    expect(s.url).toMatch(/^wss:\/\//)
    const ca = fs.readFileSync(cert)
    // the office's own certificate authority, as the app will be told to trust it
    class TrustingWebSocket extends WebSocket {
      constructor(address: string) {
        super(address, { ca })
      }
    }
    const c = client(s.url, '总结', token, { WebSocketPolyfill: TrustingWebSocket })
    c.root.insert(0, '加密连接。')
    await c.acknowledged()
    expect(storedText(dir, '总结')).toBe('加密连接。')
    // a client that does not trust the certificate cannot connect
    const plain = new WebSocket(s.url)
    const failed = await new Promise<string>((resolve) => plain.once('error', (e) => resolve(String((e as Error & { code?: string }).code ?? e.message))))
    expect(failed).toMatch(/SELF_SIGNED|UNABLE_TO_VERIFY|CERT/)
  })

  it('team-server backup copies the live store (online backup) into one checked file', async () => {
    const { dir, token, s } = await oneEditor()
    const a = client(s.url, '总结', token)
    a.root.insert(0, '要备份的文字。')
    await a.acknowledged()
    const out = path.join(tempDir(), 'backups', 'team.sqlite')
    const lines: string[] = []
    const result = await runTeamCli(['backup', '--data-dir', dir, '--out', out], { log: (l) => lines.push(l), error: (l) => lines.push(l) })
    expect(result.code).toBe(0)
    expect(lines.join('\n')).toMatch(/1 篇文稿、1 名成员/)
    const english: string[] = []
    expect((await runTeamCli(['backup', '--data-dir', dir, '--out', out + '.en', '--lang', 'en'], { log: (l) => english.push(l), error: (l) => english.push(l) })).code).toBe(0)
    expect(english.join('\n')).toMatch(/^backup written: .*1 documents, 1 members/)
    expect(english.join('\n')).not.toMatch(/[\u4e00-\u9fff]/)
    // the backup is a data folder of its own: a server started on it has the text
    const restored = tempDir()
    fs.copyFileSync(out, path.join(restored, 'team.sqlite'))
    expect(storedText(restored, '总结')).toBe('要备份的文字。')
    const pg: string[] = []
    expect((await runTeamCli(['backup', '--data-dir', dir, '--database', 'postgres://team:secret@db.example/team'], { log: (l) => pg.push(l), error: () => {} })).code).toBe(0)
    expect(pg.join('\n')).toMatch(/pg_dump --format=custom/)
    expect(pg.join('\n')).not.toContain('secret')
  })
})

/**
 * The team server as separate processes, as an office runs it: kill -9 and restart, two processes
 * sharing documents through Redis (Debian's redis-server, started here), and PostgreSQL as the
 * second storage profile (Debian's postgresql, a cluster of its own in a temp folder).
 */
import pgClient from 'pg'
import { describe, expect, it } from 'vitest'
import type { RunningTeamServer } from '../../electron/team/server'
import { addMember, freePort, useTeam, waitFor } from '../helpers/team'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()
const team = useTeam(tempDir)
const { client, spawned } = team

describe('team server process: nothing acknowledged is lost', () => {
  it('kill -9 after acknowledged edits: restarted, everything is there, and a writer who went on typing merges', async () => {
    const dir = tempDir()
    const token = await addMember(dir, '张三', '编辑')
    const port = await freePort()
    // a long debounce: only the log written before each acknowledgement can save these edits
    const args = ['--data-dir', dir, '--port', String(port), '--host', '127.0.0.1']
    const first = await spawned(args)
    const a = client(first.url, '总结', token)
    for (const [i, piece] of ['一、总体情况。', '二、主要做法。', '三、存在问题。'].entries()) {
      a.root.insert(a.root.length, piece)
      if (i === 1) a.root.format(0, 3, { bold: true })
    }
    await a.acknowledged()
    const acknowledged = a.text()
    await first.kill('SIGKILL')

    // the server vanished mid-edit: the writer goes on typing (its provider keeps trying to reach
    // the server), then the laptop goes offline altogether
    a.root.insert(a.root.length, '四、下步打算。')
    await new Promise((r) => setTimeout(r, 300))
    a.socket.disconnect()
    const second = await spawned(args)
    const b = client(second.url, '总结', token)
    // from the disk alone (the only client that had the text is offline): everything acknowledged
    await b.acknowledged(15_000)
    expect(b.text()).toBe(acknowledged)
    // the writer comes back and what was typed while the server was gone merges
    await a.socket.connect()
    await a.acknowledged(15_000)
    await waitFor(() => b.text() === a.text(), 15_000, 'both to converge')
    expect(b.text()).toBe('<bold>一、总</bold>体情况。二、主要做法。三、存在问题。四、下步打算。')
    expect(b.root.toDelta()).toEqual(a.root.toDelta())
  })
})

describe('team server processes: scale-out through Redis', () => {
  it('clients on two server processes converge', async (ctx) => {
    const redis = await team.redis(ctx)
    const dir = tempDir()
    const token = await addMember(dir, '张三', '编辑')
    // two processes on one machine share the SQLite data folder (WAL); Redis carries the live updates
    const one = await spawned(['--data-dir', dir, '--port', '0', '--host', '127.0.0.1', '--redis', redis.url, '--name', 'one'])
    const two = await spawned(['--data-dir', dir, '--port', '0', '--host', '127.0.0.1', '--redis', redis.url, '--name', 'two'])
    const a = client(one.url, '总结', token)
    const b = client(two.url, '总结', token)
    await a.acknowledged()
    await b.acknowledged()
    a.root.insert(0, '甲写的。')
    b.root.insert(0, '乙写的。')
    await a.acknowledged()
    await b.acknowledged()
    await waitFor(() => a.text() === b.text() && a.text().length === 8, 15_000, 'the two processes’ clients to converge')
    a.root.insert(a.text().length, '甲又写。')
    await waitFor(() => b.text().endsWith('甲又写。'), 15_000, 'a later edit to cross processes')
    expect(b.root.toDelta()).toEqual(a.root.toDelta())
  })
})

describe('team server: PostgreSQL storage', () => {
  it('stores members and documents in PostgreSQL: acknowledged edits survive a restart of the server', async (ctx) => {
    const pg = await team.postgres(ctx)
    const dir = tempDir()
    const token = await addMember(dir, '张三', '编辑', pg.url)
    const reader = await addMember(dir, '王五', '只读', pg.url)
    const start = () => team.server(dir, { database: pg.url })
    let server: RunningTeamServer = await start()
    expect(server.store.kind).toBe('postgres')
    const { writer: a, member: r } = await team.memberTriesToEdit(server.url, { writer: token, member: reader }, '存在数据库里。', '改')
    // the engine has not stored the document yet (long debounce, the writers still connected: the
    // last one leaving would store it): the log appended before each acknowledgement alone holds
    // the edit
    const db = new pgClient.Client(pg.url)
    await db.connect()
    const count = async (table: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n)
    expect(await count('team_documents')).toBe(0)
    expect(await count('team_updates')).toBeGreaterThan(0)
    expect(await count('team_members')).toBe(2)
    await db.end()
    a.destroy()
    r.destroy()
    await server.close()
    server = await start()
    const b = client(server.url, '总结', token)
    await waitFor(() => b.text() === '存在数据库里。', 15_000, 'the text from PostgreSQL')
    b.root.insert(7, '再改。')
    await b.acknowledged()
    expect(b.text()).toBe('存在数据库里。再改。')
  })
})

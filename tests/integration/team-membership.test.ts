/**
 * 团队 in the app's back end: joining a real team server on loopback (the code checked by the
 * server, who we are kept), a wrong code or address refused with a clear message and nothing kept,
 * the team's members listed, links from local documents to team documents, leaving.
 */
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { startTeamServer } from '../../electron/team/server'
import { ApiError } from '../../shared/api'
import { teamDocumentName } from '../../shared/team/protocol'
import { sampleDocument } from '../helpers/documents'
import { addMember, useTeamApp } from '../helpers/team'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()
const open = useTeamApp()

async function setup() {
  const serverDir = tempDir()
  const server = await startTeamServer({ dataDir: serverDir, port: 0, host: '127.0.0.1' })
  open.servers.push(server)
  const services = createServices({ dataDir: tempDir() })
  open.services.push(services)
  return { server, serverDir, services, h: services.handlers }
}

const refusal = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  )
  expect(err).toBeInstanceOf(ApiError)
  return (err as ApiError).code
}

describe('joining a team', () => {
  it('keeps the membership the server confirms, lists members, links documents and leaves', async () => {
    const { server, serverDir, h } = await setup()
    const code = await addMember(serverDir, '张三', 'editor')
    await addMember(serverDir, '李处长', 'reviewer')
    expect(await callApi(h, 'team.status', {})).toEqual({ membership: null, links: [] })
    expect(await refusal(callApi(h, 'team.connection', {}))).toBe('team.notJoined')

    const joined = await callApi(h, 'team.join', { serverUrl: server.url, code: `  ${code}\n` })
    expect(joined).toMatchObject({ serverUrl: server.url, name: '张三', role: 'editor' })
    expect((await callApi(h, 'team.connection', {})).token).toBe(code)
    expect((await callApi(h, 'team.members', {})).map((m) => `${m.name}:${m.role}`).sort()).toEqual(['张三:editor', '李处长:reviewer'].sort())

    const doc = await callApi(h, 'documents.create', { title: '年度总结', model: sampleDocument() })
    const link = await callApi(h, 'team.link', { documentId: doc.id, teamName: teamDocumentName(doc.id) })
    expect((await callApi(h, 'team.status', {})).links).toEqual([link])
    const other = await callApi(h, 'documents.create', { title: '年度总结', model: sampleDocument() })
    expect(await refusal(callApi(h, 'team.link', { documentId: other.id, teamName: link.teamName }))).toBe('team.linkTaken')

    await callApi(h, 'team.leave', {})
    expect(await callApi(h, 'team.status', {})).toEqual({ membership: null, links: [] })
    // the local copy stays a local document
    expect((await callApi(h, 'documents.get', { id: doc.id })).id).toBe(doc.id)
  })

  it('refuses a wrong code, an unreachable address and a server that is not one, keeping nothing', async () => {
    const { server, serverDir, h } = await setup()
    await addMember(serverDir, '张三', 'editor')
    const wrong = `ddt_${'A'.repeat(43)}`
    expect(await refusal(callApi(h, 'team.join', { serverUrl: server.url, code: wrong }))).toBe('team.badToken')
    expect(await refusal(callApi(h, 'team.join', { serverUrl: 'ws://127.0.0.1:9', code: wrong }))).toBe('team.unreachable')
    expect(await refusal(callApi(h, 'team.join', { serverUrl: 'http://127.0.0.1:1234', code: wrong }))).toBe('request.invalidInput')
    expect(await refusal(callApi(h, 'team.join', { serverUrl: server.url, code: '123456' }))).toBe('request.invalidInput')
    expect((await callApi(h, 'team.status', {})).membership).toBeNull()
  })
})

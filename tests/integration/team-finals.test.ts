/**
 * A 定稿 made by one member, used by another: 张三 freezes the team document in his app and keeps
 * it on the team (the team document's Y.Map "finals", on a real team server on loopback); 李四's app
 * reads it from the server and takes it into its own library (team.adoptFinal). The fingerprint
 * computed from the text in 李四's library is exactly the one 张三 froze, and a file 张三 exported
 * from his 定稿 verifies against 李四's library — only once the 定稿 is there. An entry whose text
 * does not match its fingerprint is refused.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../electron/cli'
import { callApi, createServices } from '../../electron/services'
import { startTeamServer } from '../../electron/team/server'
import { ApiError } from '../../shared/api'
import { fingerprintOf } from '../../shared/output/canonical'
import { canonicalModel } from '../../shared/output/canonical'
import { readTeamFinals, recordTeamFinal } from '../../shared/team/documents'
import { teamDocumentName } from '../../shared/team/protocol'
import { sampleDocument } from '../helpers/documents'
import { addMember, connectClient, useTeamApp, waitFor } from '../helpers/team'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()
const open = useTeamApp()

async function verify(file: string, dataDir: string): Promise<{ code: number; out: string }> {
  const out: string[] = []
  const code = await runCli(['verify', file, '--data-dir', dataDir], { log: (s) => out.push(s), error: (s) => out.push(s) })
  return { code, out: out.join('\n') }
}

describe('a team document’s 定稿 across members', () => {
  it('another member takes a 定稿 kept on the team into their library: same fingerprint, exports verify there', async () => {
    const serverDir = tempDir()
    const server = await startTeamServer({ dataDir: serverDir, port: 0, host: '127.0.0.1' })
    open.servers.push(server)
    const zhangCode = await addMember(serverDir, '张三', 'editor')
    const liCode = await addMember(serverDir, '李四', 'reader')

    // 张三 freezes his copy and keeps the 定稿 on the team, as the 出稿 dialog does
    const zhangDir = tempDir()
    const zhang = createServices({ dataDir: zhangDir })
    open.services.push(zhang)
    const doc = await callApi(zhang.handlers, 'documents.create', { title: '团队总结', model: sampleDocument('团队总结') })
    const teamName = teamDocumentName(doc.id)
    const final = await callApi(zhang.handlers, 'finals.create', { id: doc.id, name: '报送稿', author: '张三' })
    const { model } = await callApi(zhang.handlers, 'finals.get', { revisionId: final.revisionId })
    const zhangClient = connectClient(server.url, teamName, zhangCode)
    open.clients.push(zhangClient)
    await zhangClient.acknowledged()
    recordTeamFinal(zhangClient.doc, { name: final.name, by: final.author, at: final.createdAt, fingerprint: final.fingerprint, model: canonicalModel(model) })
    await zhangClient.acknowledged()
    const exported = await callApi(zhang.handlers, 'export.render', { id: doc.id, format: 'docx', revisionId: final.revisionId })
    const file = path.join(tempDir(), '团队总结-报送稿.docx')
    fs.writeFileSync(file, Buffer.from(exported.dataBase64, 'base64'))

    // 李四's app: a local copy linked to the team document, the 定稿 read from the server
    const liDir = tempDir()
    const li = createServices({ dataDir: liDir })
    open.services.push(li)
    await callApi(li.handlers, 'team.join', { serverUrl: server.url, code: liCode })
    const copy = await callApi(li.handlers, 'documents.create', { title: '团队总结', model: sampleDocument('团队总结') })
    await callApi(li.handlers, 'team.link', { documentId: copy.id, teamName })
    const liClient = connectClient(server.url, teamName, liCode)
    open.clients.push(liClient)
    await waitFor(() => readTeamFinals(liClient.doc).length === 1, 10_000, 'the team’s 定稿 to reach 李四')
    const [onTeam] = readTeamFinals(liClient.doc)
    expect(onTeam).toMatchObject({ name: '报送稿', by: '张三', at: final.createdAt, fingerprint: final.fingerprint })

    // not in 李四's library yet: 张三's file does not verify there
    expect((await callApi(li.handlers, 'finals.list', { id: copy.id })).finals).toEqual([])
    li.close()
    expect((await verify(file, liDir)).code).toBe(1)
    const li2 = createServices({ dataDir: liDir })
    open.services.push(li2)

    // 取到本机: a 定稿 of 李四's copy, who froze it and when kept; the fingerprint computed here is 张三's
    const adopted = await callApi(li2.handlers, 'team.adoptFinal', { documentId: copy.id, final: onTeam! })
    expect(adopted).toMatchObject({ documentId: copy.id, name: '报送稿', author: '张三', createdAt: final.createdAt, fingerprint: final.fingerprint, short: final.short })
    const here = await callApi(li2.handlers, 'finals.get', { revisionId: adopted.revisionId })
    expect(fingerprintOf(here.model)).toBe(final.fingerprint)
    expect(here.model).toEqual(model)
    // twice is once
    expect((await callApi(li2.handlers, 'team.adoptFinal', { documentId: copy.id, final: onTeam! })).revisionId).toBe(adopted.revisionId)
    expect((await callApi(li2.handlers, 'finals.list', { id: copy.id })).finals.map((f) => f.revisionId)).toEqual([adopted.revisionId])

    // 李四 exports it; both his file and 张三's verify against his library
    const liExport = await callApi(li2.handlers, 'export.render', { id: copy.id, format: 'docx', revisionId: adopted.revisionId })
    const liFile = path.join(tempDir(), 'li.docx')
    fs.writeFileSync(liFile, Buffer.from(liExport.dataBase64, 'base64'))
    li2.close()
    for (const f of [file, liFile]) {
      const result = await verify(f, liDir)
      expect(result.code).toBe(0)
      expect(result.out).toContain('✓')
    }

    // an entry whose text is not what its fingerprint says is refused, nothing kept
    const li3 = createServices({ dataDir: liDir })
    open.services.push(li3)
    const changed = JSON.parse(onTeam!.model) as { title: string }
    changed.title = '被改过的标题'
    const refused = await callApi(li3.handlers, 'team.adoptFinal', { documentId: copy.id, final: { ...onTeam!, name: '改过的', model: JSON.stringify(changed) } }).then(
      () => 'adopted',
      (e: unknown) => (e instanceof ApiError ? e.code : String(e)),
    )
    expect(refused).toBe('team.finalMismatch')
    expect((await callApi(li3.handlers, 'team.adoptFinal', { documentId: copy.id, final: { ...onTeam!, model: '{not json' } }).catch((e: unknown) => (e as ApiError).code))).toBe('team.finalMismatch')
    expect((await callApi(li3.handlers, 'finals.list', { id: copy.id })).finals).toHaveLength(1)
  })
})

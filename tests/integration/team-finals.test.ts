/**
 * 定稿 of a team document, kept on the team server: the local 定稿 (who froze it, its fingerprint)
 * goes into the team document's "finals" through the open document's session (here provided as the
 * co-editing binding provides it: a Y.Doc synced by the engine's provider), and another member
 * reads the same frozen text and fingerprint from the server. A 只读 member's session keeps it
 * locally only (the server would refuse the write).
 */
import { describe, expect, it } from 'vitest'
import { callApi } from '../../electron/services'
import { keepFinalOnTeam } from '../../renderer/features/team/finals'
import type { TeamDocSession } from '../../renderer/features/team/session'
import { SummaryDocumentSchema } from '../../shared/document/model'
import { fingerprintOf } from '../../shared/output/canonical'
import { readTeamFinals } from '../../shared/team/documents'
import { teamDocumentName, type TeamRole } from '../../shared/team/protocol'
import { sampleDocument } from '../helpers/documents'
import { connectClient, serverWithEditorAndReader, useTeamApp, waitFor, type TeamClient } from '../helpers/team'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()
const open = useTeamApp()

function session(client: TeamClient, teamName: string, documentId: string, name: string, role: TeamRole): TeamDocSession {
  return { teamName, documentId, doc: client.doc, provider: client.provider, me: { name, role, color: '#c0392b' } }
}

describe('定稿 of a team document', () => {
  it('is signed with the member’s name and kept on the server, where another member reads the same text and fingerprint', async () => {
    const { server, editorCode: zhangCode, readerCode, services } = await serverWithEditorAndReader(tempDir, open)
    const h = services.handlers

    const membership = await callApi(h, 'team.join', { serverUrl: server.url, code: zhangCode })
    const doc = await callApi(h, 'documents.create', { title: '年度总结', model: sampleDocument('年度总结') })
    const teamName = teamDocumentName(doc.id)
    await callApi(h, 'team.link', { documentId: doc.id, teamName })

    // 定稿 as the output dialog makes it for a team document: the member's name as who froze it
    const final = await callApi(h, 'finals.create', { id: doc.id, name: '报送稿', author: membership.name })
    const { model } = await callApi(h, 'finals.get', { revisionId: final.revisionId })

    const zhang = connectClient(server.url, teamName, zhangCode)
    open.clients.push(zhang)
    await zhang.acknowledged()
    expect(keepFinalOnTeam(session(zhang, teamName, doc.id, '张三', 'editor'), final, model)).toBe(true)
    await zhang.acknowledged()

    const reader = connectClient(server.url, teamName, readerCode)
    open.clients.push(reader)
    await waitFor(() => readTeamFinals(reader.doc).length === 1, 10_000, 'the 定稿 to reach another member')
    const [kept] = readTeamFinals(reader.doc)
    expect(kept).toMatchObject({ name: '报送稿', by: '张三', fingerprint: final.fingerprint, at: final.createdAt })
    // the frozen text itself, the same to the last character: its fingerprint is the 定稿's
    expect(fingerprintOf(SummaryDocumentSchema.parse(JSON.parse(kept!.model)))).toBe(final.fingerprint)

    // a 只读 member's 定稿 stays local (the server takes no writes from it)
    expect(keepFinalOnTeam(session(reader, teamName, doc.id, '王五', 'reader'), { ...final, fingerprint: `sha256:${'e'.repeat(64)}` }, model)).toBe(false)
    expect(readTeamFinals(reader.doc)).toHaveLength(1)
    // and no session (a local document): nothing goes anywhere
    expect(keepFinalOnTeam(null, final, model)).toBe(false)
  })
})

/**
 * A team document in the app, for end-to-end tests: a team server on loopback, the sharer's
 * document linked to it (as 共享到团队 leaves it: the team's list names the sharer), and members
 * each with a library of their own — joined and linked through the API as 团队 > 加入团队 would —
 * whose browser shell opens the document.
 */
import type { Page } from 'playwright-core'
import { afterEach } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { startTeamServer, type RunningTeamServer } from '../../electron/team/server'
import type { SummaryDocument } from '../../shared/document/model'
import { TEAM_INDEX, teamDocumentName } from '../../shared/team/protocol'
import type { E2E } from './e2e'
import { addMember, connectClient, type TeamClient } from './team'

const TIMEOUT = { timeout: 15_000 }

/** What a test file's team tests start: servers and Node clients, closed after each test. */
export interface OpenTeam {
  servers: RunningTeamServer[]
  clients: TeamClient[]
}

export function useOpenTeam(): OpenTeam {
  const open: OpenTeam = { servers: [], clients: [] }
  afterEach(async () => {
    for (const c of open.clients.splice(0)) c.destroy()
    for (const s of open.servers.splice(0)) await s.close()
  })
  return open
}

export interface SharedTeamDocument {
  server: RunningTeamServer
  serverDir: string
  /** the team document's name, `doc:<the sharer's document id>` */
  teamName: string
  /** the first member's code (the sharer's), for Node clients that read the server */
  anyToken: string
  sharerDir: string
  sharerPage: Page
  /** a member's own library, joined and the document linked (`serverUrl`: through a relay) */
  prepare(name: string, role: string, local: SummaryDocument, serverUrl?: string): Promise<string>
  /** the app on that library, the document open and its team connection shown */
  openDocument(dataDir: string): Promise<Page>
}

export async function sharedTeamDocument(e2e: E2E, open: { servers: RunningTeamServer[]; clients: TeamClient[] }, sharer: string, model: SummaryDocument): Promise<SharedTeamDocument> {
  const serverDir = e2e.tempDir()
  const server = await startTeamServer({ dataDir: serverDir, port: 0, host: '127.0.0.1' })
  open.servers.push(server)
  let teamName = ''
  let anyToken = ''
  const prepare = async (name: string, role: string, local: SummaryDocument, serverUrl = server.url): Promise<string> => {
    const code = await addMember(serverDir, name, role)
    anyToken ||= code
    const dataDir = e2e.tempDir()
    const services = createServices({ dataDir })
    try {
      await callApi(services.handlers, 'team.join', { serverUrl, code })
      const created = await callApi(services.handlers, 'documents.create', { title: local.title, model: local })
      teamName ||= teamDocumentName(created.id)
      await callApi(services.handlers, 'team.link', { documentId: created.id, teamName })
    } finally {
      services.close()
    }
    return dataDir
  }
  const openDocument = async (dataDir: string): Promise<Page> => {
    const { page } = await e2e.openApp(dataDir)
    await page.click('.doc-open')
    await page.locator('.document-body').waitFor()
    await page.locator('[data-testid=team-sync]').waitFor(TIMEOUT)
    return page
  }
  const sharerDir = await prepare(sharer, 'editor', model)
  // the team's list names the sharer (what 共享到团队 writes): only the sharer fills the server's copy
  const index = connectClient(server.url, TEAM_INDEX, anyToken)
  open.clients.push(index)
  await index.acknowledged()
  index.doc.getMap('documents').set(teamName, { title: model.title, sharedBy: sharer, sharedAt: Date.now() })
  await index.acknowledged()
  const sharerPage = await openDocument(sharerDir)
  return { server, serverDir, teamName, anyToken, sharerDir, sharerPage, prepare, openDocument }
}

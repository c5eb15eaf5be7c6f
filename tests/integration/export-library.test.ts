/** Migration 0003 on a library made before it: revisions keep their rows and ids; assets and 定稿 work after. */
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { callApi, createServices } from '../../electron/services'
import { migrations } from '../../electron/services/library/migrations'
import { sampleDocument } from '../helpers/documents'
import { libraryAtSchema } from '../helpers/oldLibrary'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()

describe('migration 0003-output', () => {
  it('is registered after 0002, in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
    expect(migrations.find((m) => m.version === 3)?.name).toBe('output')
  })

  it('upgrades a version-2 library keeping revisions', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'library.sqlite')
    const db = libraryAtSchema(file, 2)
    const json = JSON.stringify(sampleDocument())
    db.prepare("INSERT INTO documents (id, title, model_json, body_text, characters, created_at, updated_at) VALUES ('doc000001', 't', ?, '', 0, 1, 1)").run(json)
    db.prepare("INSERT INTO revisions (id, document_id, created_at, reason, model_json, characters) VALUES (7, 'doc000001', 5, 'manual', ?, 3)").run(json)
    db.close()

    const services = createServices({ dataDir: dir })
    const h = services.handlers
    expect((await callApi(h, 'revisions.list', { id: 'doc000001' })).map((r) => [r.id, r.reason])).toEqual([[7, 'manual']])
    const final = await callApi(h, 'finals.create', { id: 'doc000001', name: '报送稿', author: '李四' })
    expect((await callApi(h, 'revisions.list', { id: 'doc000001' })).map((r) => r.reason)).toEqual(['final', 'manual'])
    expect(services.library.database().pragma('user_version', { simple: true })).toBe(migrations[migrations.length - 1]!.version)
    // purging the document removes its revisions but keeps its 定稿 (migration 0005)
    await callApi(h, 'documents.trash', { id: 'doc000001' })
    await callApi(h, 'documents.purge', { id: 'doc000001' })
    expect(services.library.database().prepare('SELECT id FROM revisions').all()).toEqual([{ id: final.revisionId }])
    services.close()
  })
})

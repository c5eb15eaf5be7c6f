/** The snippet library on real SQLite in temp folders: store, API, files, starter set, CLI. */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { callApi, createServices, type Services } from '../../electron/services'
import { openLibraryDatabase } from '../../electron/services/library'
import { SnippetStore, starterSnippets } from '../../electron/services/snippets'
import { bodyFromText, bodyToText, DEFAULT_CATEGORIES, type SnippetDraft } from '../../shared/snippets'
import { cli } from '../helpers/cli'
import { sampleDocument } from '../helpers/documents'
import { libraryAtSchema } from '../helpers/oldLibrary'
import { useTempDirs } from '../helpers/tempDir'

const tempDir = useTempDirs()

function services(dir = tempDir()): Services & { dir: string } {
  return Object.assign(createServices({ dataDir: dir }), { dir })
}

/** A bare store (no starter set) with a clock. */
function bareStore() {
  const db = openLibraryDatabase(path.join(tempDir(), 'library.sqlite'))
  let now = 1_700_000_000_000
  const store = new SnippetStore(db, () => (now += 1000))
  return { db, store }
}

const draft = (title: string, text: string, extra: Partial<SnippetDraft> = {}): SnippetDraft => ({ title, categoryId: null, tags: [], body: bodyFromText(text), ...extra })
const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

describe('the starter library', () => {
  it('fills a new library once with at least 150 snippets across every default category', async () => {
    const s = services()
    const categories = await callApi(s.handlers, 'snippets.categories', {})
    expect(categories.map((c) => c.name)).toEqual([...DEFAULT_CATEGORIES])
    for (const c of categories) expect(c.count).toBeGreaterThanOrEqual(15)
    const total = categories.reduce((n, c) => n + c.count, 0)
    expect(total).toBe(starterSnippets().items.length)
    expect(total).toBeGreaterThanOrEqual(150)
    s.close()
  })

  it('does not put back snippets the writer removed when the library opens again, until asked', async () => {
    const s = services()
    const { hits } = await callApi(s.handlers, 'snippets.search', { query: '总结如下', limit: 200 })
    expect(hits.length).toBeGreaterThan(5)
    await callApi(s.handlers, 'snippets.delete', { ids: hits.map((h) => h.id) })
    s.close()
    const again = services(s.dir)
    expect((await callApi(again.handlers, 'snippets.search', { query: '总结如下' })).hits).toEqual([])
    const { added } = await callApi(again.handlers, 'snippets.restoreStarter', {})
    expect(added).toBe(hits.length)
    expect((await callApi(again.handlers, 'snippets.search', { query: '总结如下', limit: 200 })).hits).toHaveLength(hits.length)
    again.close()
  })

  it('comes to a library made before snippets existed (schema 1), documents untouched', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'library.sqlite')
    const old = libraryAtSchema(file, 1)
    old.close()
    const s = services(dir)
    const doc = await callApi(s.handlers, 'documents.create', { title: '旧库文稿', model: sampleDocument('旧库文稿') })
    expect((await callApi(s.handlers, 'snippets.search', { query: '领导小组' })).hits.length).toBeGreaterThan(0)
    expect((await callApi(s.handlers, 'documents.get', { id: doc.id })).model.title).toBe('旧库文稿')
    s.close()
  })
})

describe('search', () => {
  it('finds one-, two-, three- and longer-character substrings in titles, tags and bodies', () => {
    const { store } = bareStore()
    const a = store.create(draft('领导重视', '成立了以镇长为组长的领导小组。', { tags: ['组织'] }))
    const b = store.create(draft('宣传发动', '发放宣传单300余份，悬挂横幅20条。'))
    const c = store.create(draft('结尾', '特此报告。'))
    expect(store.search('镇').hits.map((h) => h.id)).toEqual([a.id])
    expect(store.search('横幅').hits.map((h) => h.id)).toEqual([b.id])
    expect(store.search('宣传单').hits.map((h) => h.id)).toEqual([b.id])
    expect(store.search('特此报告。').hits.map((h) => h.id)).toEqual([c.id])
    expect(store.search('组织').hits.map((h) => h.id)).toEqual([a.id]) // a tag
    expect(store.search('300').hits.map((h) => h.id)).toEqual([b.id])
    expect(store.search('３００').hits.map((h) => h.id)).toEqual([b.id]) // full-width digits
    expect(store.search('报').hits.map((h) => h.id)).toEqual([c.id])
    expect(store.search('没有的词').hits).toEqual([])
  })

  it('needs every term, mixing short and long terms', () => {
    const { store } = bareStore()
    const a = store.create(draft('一', '召开专题会议研究部署安全生产'))
    store.create(draft('二', '召开专题会议研究部署文明创建'))
    expect(store.search('专题会议 安全').hits.map((h) => h.id)).toEqual([a.id])
    expect(store.search('会 安').hits.map((h) => h.id)).toEqual([a.id])
    expect(store.search('安全生产 部署').hits.map((h) => h.id)).toEqual([a.id])
  })

  it('ranks title matches first, then the snippets used most and last', () => {
    const { store } = bareStore()
    const body = store.create(draft('工作措施', '加强宣传，营造氛围'))
    const used = store.create(draft('其他做法', '广泛宣传政策'))
    const title = store.create(draft('宣传发动', '多种形式'))
    expect(store.search('宣传').hits.map((h) => h.id)).toEqual([title.id, used.id, body.id])
    store.use(body.id)
    store.use(body.id)
    store.use(used.id)
    expect(store.search('宣传').hits.map((h) => h.id)).toEqual([title.id, body.id, used.id])
    expect(store.search('宣传').hits[0]!.matched).toBe('title')
    expect(store.get(body.id)).toMatchObject({ useCount: 2, lastUsedAt: expect.any(Number) })
  })

  it('never fails on FTS syntax, emoji or broken text, and finds what a person means', () => {
    const { store } = bareStore()
    const a = store.create(draft('领导小组', '成立“领导小组”(一)：统筹推进 AND 协调 👍'))
    const queries = ['"领导小组"', '领导 AND 小组', 'OR', 'NOT 领导', 'NEAR(领导 小组)', '领导*', '^领导', '(一)', '（一）', 'title:领导', '统筹:推进', '👍', '\uD83D', '领\uDC00导', '"', '*', ')(', '{', 'AND OR NOT', '"""', "'", '\u0000']
    for (const q of queries) expect(() => store.search(q), q).not.toThrow()
    for (const q of ['"领导小组"', '领导 AND 小组', 'NEAR(领导 小组)', '领导*', '^领导', '(一)', '（一）', 'title:领导', '👍', '统筹']) expect(store.search(q).hits.map((h) => h.id), q).toEqual([a.id])
  })

  it('filters by a category and the categories under it', () => {
    const { store } = bareStore()
    const top = store.createCategory('工作措施', null)
    const sub = store.createCategory('安全生产', top.id)
    const other = store.createCategory('结尾', null)
    const inSub = store.create(draft('排查', '隐患排查整改', { categoryId: sub.id }))
    const inTop = store.create(draft('台账', '建立隐患台账', { categoryId: top.id }))
    store.create(draft('结', '隐患清零', { categoryId: other.id }))
    expect(store.search('隐患', { categoryId: top.id }).hits.map((h) => h.id).sort()).toEqual([inSub.id, inTop.id].sort())
    expect(store.search('隐患', { categoryId: sub.id }).hits.map((h) => h.id)).toEqual([inSub.id])
    expect(store.search('', { categoryId: sub.id }).hits.map((h) => h.id)).toEqual([inSub.id])
  })

  it('follows edits and deletions', () => {
    const { store } = bareStore()
    const s = store.create(draft('旧标题', '原来的说法'))
    store.update(s.id, draft('新标题', '改过的说法'))
    expect(store.search('原来').hits).toEqual([])
    expect(store.search('改过的').hits.map((h) => h.id)).toEqual([s.id])
    expect(store.search('新').hits.map((h) => h.id)).toEqual([s.id])
    store.delete([s.id])
    expect(store.search('改过的').hits).toEqual([])
    expect(store.search('改').hits).toEqual([])
  })

  it('reads a capped number of matches for a query that matches nearly everything, and still ranks used and title matches first', () => {
    const { db, store } = bareStore()
    db.transaction(() => {
      for (let i = 0; i < 1200; i++) store.create(draft(`第${i}条`, `各项工作稳步推进，第${i}项任务按期完成。`))
    })()
    const old = store.create(draft('推进', '较早的一条'))
    const favourite = store.get(1)
    for (let i = 0; i < 3; i++) store.use(favourite.id)
    const result = store.search('推')
    expect(result.more).toBe(true)
    expect(result.hits[0]!.id).toBe(old.id) // the title match
    expect(result.hits[1]!.id).toBe(favourite.id) // read beyond the newest matches because it is used
  })
})

describe('snippets through the API', () => {
  it('keeps an unclosed {{ as literal text, and fields as fields', async () => {
    const s = services()
    const created = await callApi(s.handlers, 'snippets.create', { title: '半截', categoryId: null, tags: [], body: bodyFromText('{{单位名称}}召开会议{{会议次数次') })
    expect(bodyToText((await callApi(s.handlers, 'snippets.get', { id: created.id })).body)).toBe('{{单位名称}}召开会议{{会议次数次')
    expect(created.body[0]![0]).toEqual({ type: 'field', name: '单位名称' })
    s.close()
  })

  it('refuses an empty body and unknown ids with typed errors', async () => {
    const s = services()
    expect(await s.dispatch('snippets.create', { title: 'x', categoryId: null, tags: [], body: [] })).toEqual({ ok: false, error: { code: 'snippets.emptyBody', params: {} } })
    expect(await s.dispatch('snippets.get', { id: 999_999 })).toEqual({ ok: false, error: { code: 'snippets.notFound', params: { id: 999_999 } } })
    expect(await s.dispatch('snippets.search', { query: 'x'.repeat(201) })).toMatchObject({ ok: false, error: { code: 'request.invalidInput', params: { field: 'query' } } })
    s.close()
  })

  it('edits the category tree: create, rename, move (not under itself), delete moving snippets up', async () => {
    const s = services()
    const h = s.handlers
    const cats = await callApi(h, 'snippets.categories', {})
    const measures = cats.find((c) => c.name === '工作措施')!
    const safety = await callApi(h, 'snippets.category.create', { name: '安全生产', parentId: measures.id })
    const fire = await callApi(h, 'snippets.category.create', { name: '消防', parentId: safety.id })
    expect((await s.dispatch('snippets.category.create', { name: '安全生产', parentId: measures.id })).ok).toBe(false)
    expect((await s.dispatch('snippets.category.move', { id: measures.id, parentId: fire.id })).ok).toBe(false)
    await callApi(h, 'snippets.category.rename', { id: fire.id, name: '消防安全' })
    const snippet = await callApi(h, 'snippets.create', { title: '消防检查', categoryId: fire.id, tags: [], body: bodyFromText('检查消防通道') })
    // move to the top level, first
    const moved = await callApi(h, 'snippets.category.move', { id: fire.id, parentId: null, beforeId: cats[0]!.id })
    expect(moved.filter((c) => c.parentId === null).sort((a, b) => a.position - b.position)[0]!.name).toBe('消防安全')
    await callApi(h, 'snippets.category.move', { id: fire.id, parentId: safety.id })
    await callApi(h, 'snippets.category.delete', { id: safety.id })
    expect((await callApi(h, 'snippets.get', { id: snippet.id })).categoryId).toBe(measures.id)
    expect((await callApi(h, 'snippets.categories', {})).some((c) => c.name === '消防安全')).toBe(false)
    s.close()
  })
})

describe('import and export', () => {
  it('exports JSON that another library imports losslessly, and finds the duplicates on a second import', async () => {
    const from = services()
    const cat = (await callApi(from.handlers, 'snippets.categories', {})).find((c) => c.name === '工作措施')!
    const sub = await callApi(from.handlers, 'snippets.category.create', { name: '空的子分类', parentId: cat.id })
    const mine = await callApi(from.handlers, 'snippets.create', {
      title: '带格式',
      categoryId: cat.id,
      tags: ['自己写的'],
      body: [[{ type: 'text', text: '重点', bold: true }, { type: 'text', text: '抓好' }, { type: 'field', name: '重点任务' }], [{ type: 'text', text: '第二段', underline: true, italic: true }]],
      source: { title: '某文稿', documentId: 'abcdefgh12' },
    })
    await callApi(from.handlers, 'snippets.use', { id: mine.id })
    const exported = await callApi(from.handlers, 'snippets.export', { format: 'json' })
    expect(exported.count).toBe(starterSnippets().items.length + 1)

    const to = services()
    await callApi(to.handlers, 'snippets.delete', { ids: (await callApi(to.handlers, 'snippets.search', { query: '', limit: 200 })).hits.map((h) => h.id) })
    const checked = await callApi(to.handlers, 'snippets.import', { name: 'lib.json', dataBase64: b64(exported.text), commit: false })
    expect(checked).toMatchObject({ format: 'json', valid: exported.count, problems: [], committed: false, imported: 0 })
    const done = await callApi(to.handlers, 'snippets.import', { name: 'lib.json', dataBase64: b64(exported.text), commit: true })
    expect(done).toMatchObject({ committed: true, imported: exported.count, skippedDuplicates: 0 })
    const copy = (await callApi(to.handlers, 'snippets.search', { query: '带格式' })).hits[0]!
    const original = await callApi(from.handlers, 'snippets.get', { id: mine.id })
    const { id: _a, categoryId: _b, ...rest } = original
    expect(copy).toMatchObject(rest)
    expect((await callApi(to.handlers, 'snippets.categories', {})).some((c) => c.name === sub.name)).toBe(true)
    // again: everything is a duplicate, nothing is added
    const again = await callApi(to.handlers, 'snippets.import', { name: 'lib.json', dataBase64: b64(exported.text), commit: true })
    expect(again).toMatchObject({ imported: 0, skippedDuplicates: exported.count })
    expect(again.duplicates).toHaveLength(exported.count)
    from.close()
    to.close()
  })

  it('imports a CSV (Chinese headers, UTF-8 with BOM as Excel’s “CSV UTF-8” saves it), creating categories', async () => {
    const s = services()
    const csv = '标题,分类,标签,正文\r\n消防演练,工作措施/消防,消防;安全,"组织消防演练{{演练次数}}次。\n全员参与。"\r\n'
    const r1 = await callApi(s.handlers, 'snippets.import', { name: 'a.csv', dataBase64: b64('\uFEFF' + csv), commit: true })
    expect(r1).toMatchObject({ committed: true, imported: 1, categoriesCreated: 1 })
    const hit = (await callApi(s.handlers, 'snippets.search', { query: '消防演练' })).hits[0]!
    expect(hit.tags).toEqual(['消防', '安全'])
    expect(bodyToText(hit.body)).toBe('组织消防演练{{演练次数}}次。\n全员参与。')
    s.close()
  })

  it('imports nothing from a malformed CSV, names the line, and imports the good rows only when confirmed', async () => {
    const s = services()
    const before = (await callApi(s.handlers, 'snippets.search', { query: '' })).total
    const csv = 'title,category,tags,body\n好一,开头,,第一条好的素材\n坏的,开头,,正文,多一列\n好二,结尾,,第二条好的素材\n'
    const refused = await callApi(s.handlers, 'snippets.import', { name: 'x.csv', dataBase64: b64(csv), commit: true })
    expect(refused).toMatchObject({ committed: false, imported: 0, valid: 2, problems: [{ line: 3, problem: { code: 'snippetFile.tooManyCells', params: { line: 3, cells: 5, columns: 4 } } }] })
    expect((await callApi(s.handlers, 'snippets.search', { query: '' })).total).toBe(before)
    const partly = await callApi(s.handlers, 'snippets.import', { name: 'x.csv', dataBase64: b64(csv), commit: true, acceptInvalid: true })
    expect(partly).toMatchObject({ committed: true, imported: 2 })
    s.close()
  })

  it('names the line of a broken JSON file and imports nothing', async () => {
    const s = services()
    const json = '{\n"format": "draftdesk-snippets",\n"version": 1,\n"snippets": [\n{"title": "甲", "body": "甲的正文"},\n{"title": "乙", "body": "乙的正文",}\n]\n}'
    const r = await callApi(s.handlers, 'snippets.import', { name: 'x.json', dataBase64: b64(json), commit: true })
    expect(r).toMatchObject({ committed: false, imported: 0, problems: [{ line: 6 }] })
    s.close()
  })
})

describe('harvest', () => {
  it('groups recurring paragraphs of library documents and says which are already in the library', async () => {
    const s = services()
    const para = (text: string) => ({ type: 'paragraph' as const, children: [{ type: 'text' as const, text }] })
    const ids: string[] = []
    for (const [town, n] of [['东山镇', 3], ['西岭镇', 5], ['北坡乡', 2]] as const) {
      const model = {
        version: 1 as const,
        title: `${town}工作总结`,
        blocks: [
          para(`${town}高度重视此项工作，先后召开党委会、专题会议${n}次，研究部署具体任务，及时解决推进中遇到的困难和问题。`),
          para(`${town}今年的特色做法是把调解室设在集市边上，赶集的群众随时可以来反映问题。`),
        ],
        figures: [],
      }
      ids.push((await callApi(s.handlers, 'documents.create', { title: model.title, model })).id)
    }
    const result = await callApi(s.handlers, 'snippets.harvest', { documentIds: ids, files: [] })
    expect(result.sources).toHaveLength(3)
    const top = result.groups[0]!
    expect(top).toMatchObject({ documents: 3, category: '领导重视' })
    expect(top.members).toHaveLength(3)
    s.close()
  })
})

describe('the CLI', () => {
  it('searches, exports and imports in the library named by --data-dir', async () => {
    const dir = tempDir()
    const found = await cli(['snippets', 'search', '领导小组', '--json', '--data-dir', dir])
    expect(found.code).toBe(0)
    const parsed = JSON.parse(found.out) as { hits: { title: string; category: string; text: string }[] }
    expect(parsed.hits[0]).toMatchObject({ title: '成立领导小组', category: '领导重视', text: expect.stringContaining('{{组长职务}}') })
    // FTS syntax on the command line too
    expect((await cli(['snippets', 'search', '"领导 AND', '--json', '--data-dir', dir])).code).toBe(0)

    const file = path.join(tempDir(), 'out.csv')
    const exported = await cli(['snippets', 'export', file, '--category', '结尾', '--data-dir', dir])
    expect(exported.code).toBe(0)
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^\uFEFFtitle,category,tags,body/)

    const other = tempDir()
    const bad = path.join(tempDir(), 'bad.csv')
    fs.writeFileSync(bad, 'title,body\n甲,"没有闭合\n')
    const refused = await cli(['snippets', 'import', bad, '--data-dir', other])
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('bad.csv:2') })
    const imported = await cli(['snippets', 'import', file, '--data-dir', other])
    expect(imported.code).toBe(0)
    expect(imported.err).toMatch(/重复/) // the starter set of the other library holds them already
  })

  it('harvests files given on the command line as JSON', async () => {
    const dir = tempDir()
    const files = ['东山', '西岭'].map((town, i) => {
      const f = path.join(tempDir(), `${town}.txt`)
      fs.writeFileSync(f, `${town}镇${2025}年工作总结\n\n${town}镇高度重视安全生产工作，成立了以镇长为组长的安全生产工作领导小组，全年召开专题会议${i + 3}次，研究解决重点难点问题。\n\n${town}镇的其他工作情况另行报告，这里不再赘述。\n`)
      return f
    })
    const r = await cli(['snippets', 'harvest', ...files, '--json', '--data-dir', dir])
    expect(r.code).toBe(0)
    const result = JSON.parse(r.out) as { sources: unknown[]; groups: { documents: number; text: string }[] }
    expect(result.sources).toHaveLength(2)
    expect(result.groups[0]).toMatchObject({ documents: 2, text: expect.stringContaining('领导小组') })
  })
})

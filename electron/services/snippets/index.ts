/**
 * The snippet service (素材库): the store inside the 文稿库 file's database, file
 * import/export and harvest. No Electron here: the app, the browser shell and the CLI share it.
 */
import path from 'node:path'
import { ApiError, type ApiOutput } from '../../../shared/api'
import { msg, type Message } from '../../../shared/errors'
import type { SummaryDocument } from '../../../shared/document/model'
import { harvest, parseSnippetFile, snippetsToCsv, snippetsToJson, type HarvestSource } from '../../../shared/snippets'
import { importFile } from '../import/store'
import { decodeText } from '../import/decode'
import type { SqliteDatabase } from '../library/database'
import type { LibraryHost } from '../library/store'
import { bodyKey, SnippetStore } from './store'
import { starterSnippets } from './starter'

export { SnippetStore, bodyKey, CANDIDATE_CAP } from './store'
export { starterSnippets } from './starter'

const stores = new WeakMap<SqliteDatabase, SnippetStore>()

/** The snippet store of the open 文稿库 file (seeded with the starter snippets the first time). */
export function snippetStore(host: LibraryHost): SnippetStore {
  const db = host.database()
  let store = stores.get(db)
  if (!store) {
    store = new SnippetStore(db)
    // a read-only library is shown as it is
    if (!host.isReadOnly) store.seedOnce(starterSnippets())
    stores.set(db, store)
  }
  return store
}

/** Text of an imported snippet file: UTF-8 (with or without BOM), UTF-16, or GB18030 as Chinese Excel saves CSV. */
export function decodeSnippetFile(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new ApiError('snippets.emptyFile')
  return decodeText(bytes).text
}

export function importSnippetFile(
  store: SnippetStore,
  input: { name: string; bytes: Uint8Array; commit: boolean; skipDuplicates?: boolean; acceptInvalid?: boolean },
): ApiOutput<'snippets.import'> {
  const parsed = parseSnippetFile(input.name, decodeSnippetFile(input.bytes))
  const duplicates = store.findDuplicates(parsed.items)
  const report: ApiOutput<'snippets.import'> = {
    format: parsed.format,
    valid: parsed.items.length,
    problems: parsed.problems,
    duplicates: [...duplicates].map(([item, d]) => ({ line: item.line, title: item.title, ...d })),
    committed: false,
    imported: 0,
    skippedDuplicates: 0,
    categoriesCreated: 0,
  }
  if (!input.commit) return report
  if (parsed.problems.length > 0 && !input.acceptInvalid) return report // nothing imported until the writer confirms
  const outcome = store.importItems(parsed.items, parsed.categories, { skipDuplicates: input.skipDuplicates ?? true })
  return { ...report, committed: true, imported: outcome.imported, skippedDuplicates: outcome.skippedDuplicates, categoriesCreated: outcome.categoriesCreated }
}

export function exportSnippets(store: SnippetStore, format: 'json' | 'csv', categoryId?: number | null): ApiOutput<'snippets.export'> {
  const snippets = store.all(categoryId ?? null)
  const categories = store.categories()
  const text = format === 'json' ? snippetsToJson(snippets, categories) : snippetsToCsv(snippets, categories)
  const day = new Date().toISOString().slice(0, 10)
  return { name: `素材库-${day}.${format}`, text, count: snippets.length }
}

/** Why a source could not be read: its refusal, or the fault as it was raised. */
function reasonOf(err: unknown): Message {
  return err instanceof ApiError ? err.toMessage() : msg('internal.app', { detail: err instanceof Error ? err.message : String(err) })
}

/** Harvest over documents of the 文稿库 and files (files go through the same import as documents.import). */
export async function harvestSnippets(
  store: SnippetStore,
  documents: { get(id: string): { model: SummaryDocument } } | null,
  input: { documentIds: readonly string[]; files: readonly { name: string; bytes: Uint8Array }[] },
): Promise<ApiOutput<'snippets.harvest'>> {
  const sources: HarvestSource[] = []
  const problems: Message[] = []
  for (const id of input.documentIds) {
    if (!documents) break
    try {
      const { model } = documents.get(id)
      sources.push({ documentId: id, title: model.title || '未命名文稿', doc: model })
    } catch (err) {
      problems.push(msg('harvest.documentFailed', { id }, { reason: reasonOf(err) }))
    }
  }
  for (const file of input.files) {
    try {
      // several summaries in one file count as several documents
      const result = await importFile({ name: file.name, bytes: file.bytes }, { clean: true, split: true })
      result.documents.forEach((doc, i) =>
        sources.push({ title: doc.title || (result.documents.length > 1 ? `${path.basename(file.name)}（第${i + 1}篇）` : path.basename(file.name)), doc }),
      )
    } catch (err) {
      problems.push(msg('harvest.fileFailed', { name: file.name }, { reason: reasonOf(err) }))
    }
  }
  const groups = harvest(sources)
  const paragraphs = groups.reduce((n, g) => n + g.members.length, 0)
  return {
    sources: sources.map((s) => (s.documentId ? { title: s.title, documentId: s.documentId } : { title: s.title })),
    paragraphs,
    groups: groups.map((g) => ({ ...g, inLibrary: store.hasBodyKey(bodyKey(g.body)) })),
    problems,
  }
}

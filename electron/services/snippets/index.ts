/**
 * The snippet service (素材库): the store inside the 文稿库 file's database, file
 * import/export and harvest. No Electron here: the app, the browser shell and the CLI share it.
 */
import { ApiError, type ApiOutput } from '../../../shared/api'
import { msg, type Message } from '../../../shared/errors'
import type { SummaryDocument } from '../../../shared/document/model'
import { snippetsToCsv, snippetsToJson, type HarvestSource, type ParsedImport } from '../../../shared/snippets'
import type { SqliteDatabase } from '../library/database'
import { runInWorker } from '../worker/run'
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

/**
 * A snippet file (JSON or CSV; UTF-8 with or without BOM, UTF-16, or GB18030 as Chinese Excel saves
 * CSV), as a worker thread parsed it, checked against the 素材库 and, with `commit`, added.
 */
export function importSnippetFile(
  store: SnippetStore,
  parsed: ParsedImport,
  input: { commit: boolean; skipDuplicates?: boolean; acceptInvalid?: boolean },
): ApiOutput<'snippets.import'> {
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

/**
 * Harvest over documents of the 文稿库 and files. The files were imported (the same import as
 * documents.import) in a worker thread (`files`); the paragraphs are compared in another; here the
 * documents are read and the groups already in the 素材库 marked.
 */
export async function harvestSnippets(
  store: SnippetStore,
  documents: { get(id: string): { model: SummaryDocument } } | null,
  documentIds: readonly string[],
  files: { sources: HarvestSource[]; problems: Message[] },
): Promise<ApiOutput<'snippets.harvest'>> {
  const sources: HarvestSource[] = []
  const problems: Message[] = []
  for (const id of documentIds) {
    if (!documents) break
    try {
      const { model } = documents.get(id)
      sources.push({ documentId: id, title: model.title || '未命名文稿', doc: model })
    } catch (err) {
      problems.push(msg('harvest.documentFailed', { id }, { reason: reasonOf(err) }))
    }
  }
  sources.push(...files.sources)
  problems.push(...files.problems)
  const { groups, paragraphs } = await runInWorker('harvest', { sources })
  return {
    sources: sources.map((s) => (s.documentId ? { title: s.title, documentId: s.documentId } : { title: s.title })),
    paragraphs,
    groups: groups.map((g) => ({ ...g, inLibrary: store.hasBodyKey(bodyKey(g.body)) })),
    problems,
  }
}

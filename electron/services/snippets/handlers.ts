/** The snippet methods of the API (see shared/snippets/api.ts), spread into createApiHandlers. */
import type { snippetsContract } from '../../../shared/api'
import type { ApiHandlers } from '../handlers'
import type { LibraryHost } from '../libraryHost'
import { exportSnippets, harvestSnippets, importSnippetFile, snippetStore } from './index'
import { starterSnippets } from './starter'

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'))

export function snippetHandlers(host: LibraryHost): Pick<ApiHandlers, keyof typeof snippetsContract> {
  const store = () => snippetStore(host)
  return {
    'snippets.search': ({ query, categoryId, limit }) => store().search(query, { categoryId: categoryId ?? null, ...(limit ? { limit } : {}) }),
    'snippets.get': ({ id }) => store().get(id),
    'snippets.create': (draft) => store().create(draft),
    'snippets.update': ({ id, draft }) => store().update(id, draft),
    'snippets.delete': ({ ids }) => ({ deleted: store().delete(ids) }),
    'snippets.use': ({ id }) => store().use(id),
    'snippets.categories': () => store().categories(),
    'snippets.category.create': ({ name, parentId }) => store().createCategory(name, parentId),
    'snippets.category.rename': ({ id, name }) => store().renameCategory(id, name),
    'snippets.category.move': ({ id, parentId, beforeId }) => store().moveCategory(id, parentId, beforeId ?? null),
    'snippets.category.delete': ({ id }) => (store().deleteCategory(id), { ok: true as const }),
    'snippets.import': ({ name, dataBase64, commit, skipDuplicates, acceptInvalid }) =>
      importSnippetFile(store(), { name, bytes: bytes(dataBase64), commit, ...(skipDuplicates !== undefined ? { skipDuplicates } : {}), ...(acceptInvalid !== undefined ? { acceptInvalid } : {}) }),
    'snippets.export': ({ format, categoryId }) => exportSnippets(store(), format, categoryId ?? null),
    'snippets.harvest': ({ documentIds, files }) =>
      harvestSnippets(store(), host.documents(), { documentIds, files: files.map((f) => ({ name: f.name, bytes: bytes(f.dataBase64) })) }),
    'snippets.restoreStarter': () => ({ added: store().restoreStarter(starterSnippets()) }),
  }
}

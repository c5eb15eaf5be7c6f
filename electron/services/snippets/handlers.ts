/** The 素材库 methods of the API, onto the SnippetStore and the snippet files (index.ts). */
import type { snippetsContract } from '../../../shared/api'
import type { Handlers } from '../handlers'
import type { LibraryHost } from '../library/store'
import { exportSnippets, harvestSnippets, importSnippetFile, snippetStore } from './index'
import { starterSnippets } from './starter'
import { fileTask } from '../worker/fileMethods'

export function createSnippetsHandlers(host: LibraryHost): Handlers<typeof snippetsContract> {
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
    'snippets.import': async (input, prepared) => {
      const { commit, skipDuplicates, acceptInvalid } = input
      const parsed = await fileTask('snippets.import', input, prepared)
      return importSnippetFile(store(), parsed, { commit, ...(skipDuplicates !== undefined ? { skipDuplicates } : {}), ...(acceptInvalid !== undefined ? { acceptInvalid } : {}) })
    },
    'snippets.export': ({ format, categoryId }) => exportSnippets(store(), format, categoryId ?? null),
    'snippets.harvest': async (input, prepared) => harvestSnippets(store(), host.documents(), input.documentIds, await fileTask('snippets.harvest', input, prepared)),
    'snippets.teamSync': ({ upserts, removals, full }) => store().team.sync({ upserts, removals, ...(full !== undefined ? { full } : {}) }),
    'snippets.restoreStarter': () => ({ added: store().restoreStarter(starterSnippets()) }),
  }
}

/** The document methods of the API, onto the DocumentStore of the open 文稿库. */
import type { documentsContract } from '../../../shared/api'
import type { Handlers } from '../handlers'
import type { LibraryHost } from '../library/store'

export function createDocumentsHandlers(host: LibraryHost): Handlers<typeof documentsContract> {
  const docs = () => host.documents()
  return {
    'documents.list': ({ trash }) => docs().list(trash ?? false),
    'documents.create': ({ title, model }) => docs().create(title, model),
    'documents.get': ({ id }) => docs().get(id),
    'documents.save': ({ id, model, baseVersion, keepCurrent }) => docs().save(id, model, baseVersion, { keepCurrent: keepCurrent ?? false }),
    'documents.snapshot': ({ id, reason }) => docs().snapshot(id, reason),
    'documents.rename': ({ id, title }) => docs().rename(id, title),
    'documents.duplicate': ({ id, title }) => docs().duplicate(id, title),
    'documents.rollover': ({ id, toYear, apply }) => docs().rollover(id, toYear, apply),
    'documents.trash': ({ id }) => (docs().trash(id), { ok: true as const }),
    'documents.restore': ({ id }) => (docs().restore(id), { ok: true as const }),
    'documents.purge': ({ id }) => (docs().purge(id), { ok: true as const }),
    'documents.search': ({ query }) => docs().search(query),
    'revisions.list': ({ id }) => docs().revisions(id),
  }
}

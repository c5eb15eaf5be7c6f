/** The document methods of the API, onto the DocumentStore of the open 文稿库. */
import type { documentsContract, revisionsContract } from '../../../shared/api'
import type { Handlers } from '../handlers'
import type { LibraryHost } from '../library/store'
import { storedColumns } from '../worker/documentBodies'

export function createDocumentsHandlers(host: LibraryHost): Handlers<typeof documentsContract> {
  const docs = () => host.documents()
  return {
    'documents.list': ({ trash }) => docs().list(trash ?? false),
    // `prepared`: a large body's columns, made in a worker thread (worker/documentBodies.ts)
    'documents.create': ({ title, model, reuseUntouched }, prepared) => {
      if (prepared !== undefined) return docs().createStored(storedColumns(model, prepared))
      return (reuseUntouched && !title && !model ? docs().reuseUntouched() : null) ?? docs().create(title, model)
    },
    'documents.get': ({ id }) => docs().get(id),
    'documents.save': ({ id, model, baseVersion, keepCurrent }, prepared) => docs().saveStored(id, storedColumns(model, prepared), baseVersion, { keepCurrent: keepCurrent ?? false }),
    'documents.snapshot': ({ id, reason }) => docs().snapshot(id, reason),
    'documents.rename': ({ id, title }) => docs().rename(id, title),
    'documents.duplicate': ({ id, title }) => docs().duplicate(id, title),
    'documents.rollover': ({ id, toYear, apply }) => docs().rollover(id, toYear, apply),
    'documents.trash': ({ id }) => (docs().trash(id), { ok: true as const }),
    'documents.restore': ({ id }) => (docs().restore(id), { ok: true as const }),
    'documents.purge': ({ id, deleteFinals, confirmName }) => ({ ok: true as const, ...docs().purge(id, { deleteFinals, confirmName }) }),
    'documents.search': ({ query }) => docs().search(query),
    'revisions.list': ({ id }) => docs().revisions(id),
  }
}

/** 版本记录: one revision's text, and restoring it (the current text kept first). */
export function createRevisionsHandlers(host: LibraryHost): Handlers<typeof revisionsContract> {
  const docs = () => host.documents()
  return {
    'revisions.get': ({ id, revisionId }) => docs().revision(id, revisionId),
    'revisions.restore': ({ id, revisionId }) => docs().restoreRevision(id, revisionId),
  }
}

/** The import method of the API: a file's bytes → document models, saved in the 文稿库 on request. */
import type { importContract } from '../../../shared/api'
import type { Handlers } from '../handlers'
import type { LibraryHost } from '../library/store'
import { importDocuments } from './store'

export function createImportHandlers(host: LibraryHost): Handlers<typeof importContract> {
  return {
    'documents.import': ({ save, ...input }) => importDocuments(input, save ? host.documents() : null),
  }
}

/** The import method of the API: a file's bytes → document models, saved in the 文稿库 on request. */
import type { ApiOutput, importContract } from '../../../shared/api'
import type { Handlers } from '../handlers'
import type { LibraryHost } from '../library/store'
import { fileTask } from '../worker/fileMethods'
import { RawJson } from '../worker/rawJson'

export function createImportHandlers(host: LibraryHost): Handlers<typeof importContract> {
  return {
    /**
     * The file is decoded and recognized in a worker thread, which also serializes the result and,
     * with `save`, the stored columns: the main thread only inserts the rows. A document without a
     * title is saved under the file's name (the returned model keeps its '').
     */
    'documents.import': async (input, prepared) => {
      const store = input.save ? host.documents() : null
      const out = await fileTask('documents.import', input, prepared)
      const saved = store && out.stored ? store.createManyStored(out.stored) : []
      return new RawJson<Omit<ApiOutput<'documents.import'>, 'saved'>>([out.json]).with({ saved })
    },
  }
}

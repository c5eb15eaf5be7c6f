/** The 文稿库 methods of the API: which file is open, and opening another. */
import type { libraryContract } from '../../../shared/api'
import type { Handlers } from '../handlers'
import type { LibraryHost } from './store'

export function createLibraryHandlers(host: LibraryHost): Handlers<typeof libraryContract> {
  return {
    'library.info': () => host.info(),
    'library.open': ({ path, create }) => host.open(path, create),
  }
}

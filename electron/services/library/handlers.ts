/** The 文稿库 methods of the API: which file is open, and opening another chosen in the host's dialog. */
import { ApiError, type libraryContract } from '../../../shared/api'
import type { Handlers } from '../handlers'
import type { LibraryHost } from './store'

/** What the host offers for choosing a library file (the Electron main process: its file dialogs). */
export interface LibraryHooks {
  /** Shows an open dialog (`create`: a save dialog for a new file); undefined when cancelled. */
  chooseFile?: (create: boolean) => Promise<string | undefined>
}

export function createLibraryHandlers(host: LibraryHost, hooks: LibraryHooks = {}): Handlers<typeof libraryContract> {
  return {
    'library.info': () => host.info(),
    'library.choose': async ({ create }) => {
      if (!hooks.chooseFile) throw new ApiError('library.noDialog')
      const file = await hooks.chooseFile(create)
      return file ? host.open(file, create) : null
    },
  }
}

/** The back end's front door: both shells (Electron main, browser shell) and the CLI start here. */
import type { ApiResponse } from '../../shared/api'
import { libraryPathIn } from './dataDir'
import { createApiHandlers, dispatch, type ApiHandlers } from './handlers'
import { LibraryHost } from './libraryHost'

export interface Services {
  readonly dataDir: string
  readonly handlers: ApiHandlers
  readonly library: LibraryHost
  dispatch(method: string, input: unknown): Promise<ApiResponse>
  close(): void
}

export function createServices(opts: { dataDir: string; nativeBinding?: string }): Services {
  const library = new LibraryHost(libraryPathIn(opts.dataDir), opts.nativeBinding)
  const handlers = createApiHandlers(library)
  return {
    dataDir: opts.dataDir,
    handlers,
    library,
    dispatch: (method, input) => dispatch(handlers, method, input),
    close: () => library.close(),
  }
}

export { callApi } from './handlers'
export { resolveDataDir, libraryPathIn } from './dataDir'

/**
 * The back end's front door: both shells (Electron main, browser shell) and the CLI start here.
 *
 * One folder per feature, each with the same two files: store.ts, the feature's logic and storage
 * (no API plumbing), and handlers.ts, the feature's part of the API contract mapped onto it, typed
 * from the contract (shared/api/<feature>.ts). handlers.ts here assembles them; library/ holds the
 * 文稿库 file they all share.
 */
import type { ApiResponse } from '../../shared/api'
import { libraryPathIn } from './dataDir'
import { createApiHandlers, dispatch, dispatchBody, type ApiHandlers } from './handlers'
import { LibraryHost } from './library/store'
import type { LibraryHooks } from './library/handlers'
import type { OutputHooks } from './output/handlers'
import { chromiumPrinter, type PdfPrinter } from './output/pdf'

export interface Services {
  readonly dataDir: string
  readonly handlers: ApiHandlers
  readonly library: LibraryHost
  dispatch(method: string, input: unknown): Promise<ApiResponse>
  /**
   * A request body as JSON bytes (the browser shell): a large one of a method that takes a file is
   * parsed and read in a worker thread; a result a worker serialized (RawJson) is left as bytes.
   */
  dispatchBody(method: string, body: Uint8Array): Promise<ApiResponse>
  close(): void
}

export function createServices(opts: { dataDir: string; nativeBinding?: string; output?: OutputHooks; library?: LibraryHooks }): Services {
  const library = new LibraryHost(libraryPathIn(opts.dataDir), opts.nativeBinding)
  // PDF: the host's printer (Electron), else one headless Chromium kept for the session, started on first use
  let kept: PdfPrinter | null = null
  const printer = opts.output?.printer ?? (() => (kept ??= chromiumPrinter({ keepAlive: true })))
  const handlers = createApiHandlers(library, { ...opts.output, printer }, opts.library)
  return {
    dataDir: opts.dataDir,
    handlers,
    library,
    dispatch: (method, input) => dispatch(handlers, method, input),
    dispatchBody: (method, body) => dispatchBody(handlers, method, body, { raw: true }),
    close: () => {
      library.close()
      void kept?.close?.()
      kept = null
    },
  }
}

export { callApi } from './handlers'
export { resolveDataDir, libraryPathIn } from './dataDir'

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

export interface ServicesOptions {
  dataDir: string
  nativeBinding?: string
  output?: OutputHooks
  /** the host's file dialogs, for library.choose (the Electron main process; absent: refused) */
  library?: LibraryHooks
  /**
   * Hold the library's one-app lock (the browser shell, the desktop app): a second app on the same
   * library is refused with library.inUse. The CLI leaves it out and may run beside the app.
   */
  exclusive?: boolean
  /** the library's quiet time before a checkpoint and the daily backup (ms; tests shorten it) */
  quietMs?: number
}

export function createServices(opts: ServicesOptions): Services {
  const library = new LibraryHost(libraryPathIn(opts.dataDir), {
    background: true,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    ...(opts.exclusive ? { exclusive: true } : {}),
    ...(opts.quietMs !== undefined ? { quietMs: opts.quietMs } : {}),
  })
  // PDF: the host's printer (Electron), else one headless Chromium kept for the session, started on first use
  let kept: PdfPrinter | null = null
  const printer = opts.output?.printer ?? (() => (kept ??= chromiumPrinter({ keepAlive: true })))
  const handlers = createApiHandlers(library, { ...opts.output, printer }, opts.library)
  return {
    dataDir: opts.dataDir,
    handlers,
    library,
    dispatch: async (method, input) => {
      try {
        return await dispatch(handlers, method, input)
      } finally {
        // did it write? (checkpoint and daily backup once writes go quiet)
        library.noteActivity()
      }
    },
    dispatchBody: async (method, body) => {
      try {
        return await dispatchBody(handlers, method, body, { raw: true })
      } finally {
        library.noteActivity()
      }
    },
    close: () => {
      library.close()
      void kept?.close?.()
      kept = null
    },
  }
}

export { callApi } from './handlers'
export { resolveDataDir, libraryPathIn } from './dataDir'

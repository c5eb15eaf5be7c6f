/** The back end's front door: both shells (Electron main, browser shell) and the CLI start here. */
import type { ApiResponse } from '../../shared/api'
import { libraryPathIn } from './dataDir'
import { createApiHandlers, dispatch, type ApiHandlers } from './handlers'
import { LibraryHost } from './libraryHost'
import type { OutputHooks } from './export/handlers'
import { chromiumPrinter, type PdfPrinter } from './export/pdf'

export interface Services {
  readonly dataDir: string
  readonly handlers: ApiHandlers
  readonly library: LibraryHost
  dispatch(method: string, input: unknown): Promise<ApiResponse>
  close(): void
}

export function createServices(opts: { dataDir: string; nativeBinding?: string; output?: OutputHooks }): Services {
  const library = new LibraryHost(libraryPathIn(opts.dataDir), opts.nativeBinding)
  // PDF: the host's printer (Electron), else one headless Chromium kept for the session, started on first use
  let kept: PdfPrinter | null = null
  const printer = opts.output?.printer ?? (() => (kept ??= chromiumPrinter({ keepAlive: true })))
  const handlers = createApiHandlers(library, { ...opts.output, printer })
  return {
    dataDir: opts.dataDir,
    handlers,
    library,
    dispatch: (method, input) => dispatch(handlers, method, input),
    close: () => {
      library.close()
      void kept?.close?.()
      kept = null
    },
  }
}

export { callApi } from './handlers'
export { resolveDataDir, libraryPathIn } from './dataDir'

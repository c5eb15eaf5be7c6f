/**
 * Importing in integration tests: files written to a test's temp folders, imported through the API
 * of services of their own (as the app imports them), and the documents read back as words.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { ApiInput, ApiOutput } from '../../shared/api'
import type { Inline, SummaryDocument } from '../../shared/document/model'
import { callApi, createServices, type Services } from '../../electron/services'

export type ImportOutput = ApiOutput<'documents.import'>
type ImportOptions = Omit<ApiInput<'documents.import'>, 'name' | 'dataBase64'>

const input = (file: string) => ({ name: path.basename(file), dataBase64: fs.readFileSync(file).toString('base64') })

export function importThroughApi(services: Services, file: string, opts: ImportOptions = {}): Promise<ImportOutput> {
  return callApi(services.handlers, 'documents.import', { ...input(file), ...opts })
}

/** The error a saving import of `file` answers with (the test fails when it is imported). */
export async function importError(services: Services, file: string) {
  const response = await services.dispatch('documents.import', { ...input(file), save: true })
  if (response.ok) throw new Error(`${file} was imported`)
  return response.error
}

/** Files and services in the test's temp folders (`tempDir` from useTempDirs). */
export function importFixtures(tempDir: () => string) {
  return {
    writeFile(name: string, bytes: Uint8Array | Buffer | string): string {
      const file = path.join(tempDir(), name)
      fs.writeFileSync(file, bytes)
      return file
    },
    /** services on a library of their own, closed when `fn` is done */
    withServices<T>(fn: (services: Services) => Promise<T>): Promise<T> {
      const services = createServices({ dataDir: tempDir() })
      return fn(services).finally(() => services.close())
    },
  }
}

/** Inlines as text, a figure as `{id}`. */
export const text = (inlines: readonly Inline[] | undefined) => (inlines ?? []).map((i) => (i.type === 'text' ? i.text : `{${i.figureId}}`)).join('')
/** The headings as `level title`: `1 主要工作`. */
export const outline = (doc: SummaryDocument) => doc.blocks.flatMap((b) => (b.type === 'heading' ? [`${b.level} ${text(b.title)}`] : []))

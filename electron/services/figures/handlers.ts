/** The 数据表 methods of the API, onto the figure logic (store.ts) and the spreadsheet files (sheets.ts). */
import type { ApiOutput, figuresContract } from '../../../shared/api'
import type { Handlers } from '../handlers'
import type { LibraryHost } from '../library/store'
import { fileTask } from '../worker/fileMethods'
import { RawJson } from '../worker/rawJson'
import { writeSheet } from './sheets'
import { importFigureSheet, listItems, setStoredFigure } from './store'

type Rows = RawJson<ApiOutput<'figures.readSheet'>>

export function createFiguresHandlers(host: LibraryHost): Handlers<typeof figuresContract> {
  return {
    'figures.list': ({ id }) => listItems(host.documents().get(id).model),
    'figures.set': ({ id, name, value, create }) => setStoredFigure(host.documents(), id, name, value, create ?? false),
    // the spreadsheet is read in a worker thread, which also serializes its rows
    'figures.import': async (input, prepared) => {
      host.documents().get(input.id) // a missing document is said before the file is read
      const rows: Rows = new RawJson([(await fileTask('figures.import', input, prepared)).json])
      return importFigureSheet(host.documents(), input.id, rows.parse().rows, input.apply)
    },
    'figures.readSheet': async (input, prepared): Promise<Rows> => new RawJson([(await fileTask('figures.readSheet', input, prepared)).json]),
    'figures.exportSheet': async ({ figures, uses, format, title }) => {
      const file = await writeSheet(figures, new Map(Object.entries(uses ?? {})), format, title)
      return { fileName: file.fileName, mime: file.mime, dataBase64: Buffer.from(file.bytes).toString('base64') }
    },
  }
}

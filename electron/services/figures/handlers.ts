/** The 数据表 methods of the API, onto the figure logic (store.ts) and the spreadsheet files (sheets.ts). */
import type { figuresContract } from '../../../shared/api'
import type { Handlers } from '../handlers'
import type { LibraryHost } from '../library/store'
import { readSheet, writeSheet } from './sheets'
import { importFigureSheet, listItems, setStoredFigure } from './store'

const bytes = (base64: string) => new Uint8Array(Buffer.from(base64, 'base64'))

export function createFiguresHandlers(host: LibraryHost): Handlers<typeof figuresContract> {
  return {
    'figures.list': ({ id }) => listItems(host.documents().get(id).model),
    'figures.set': ({ id, name, value, create }) => setStoredFigure(host.documents(), id, name, value, create ?? false),
    'figures.import': ({ id, name, dataBase64, apply }) => importFigureSheet(host.documents(), id, { name, bytes: bytes(dataBase64) }, apply),
    'figures.readSheet': async ({ name, dataBase64 }) => ({
      rows: (await readSheet(name, bytes(dataBase64))).map((r) => r.map((c) => (c === undefined ? null : c))),
    }),
    'figures.exportSheet': async ({ figures, uses, format, title }) => {
      const file = await writeSheet(figures, new Map(Object.entries(uses ?? {})), format, title)
      return { fileName: file.fileName, mime: file.mime, dataBase64: Buffer.from(file.bytes).toString('base64') }
    },
  }
}

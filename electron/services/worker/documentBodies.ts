/**
 * documents.create and documents.save carry a whole document model as JSON. A large body of one
 * (the browser shell) is parsed, checked against the contract and turned into the columns stored
 * (model JSON, search text, 字数) in a worker thread: for a 10 MB model that is hundreds of ms that
 * would otherwise stall the thread answering every request. The handler then only writes the
 * columns. Small bodies (the 60,000-character summary's is about 0.25 MB) are read on the main
 * thread, where they take a few ms and need no worker's round trip.
 */
import type { ApiMethod } from '../../../shared/api'
import type { SummaryDocument } from '../../../shared/document/model'
import { columnsFor, type StoredColumns } from '../documents/store'

/** A documents.create / documents.save body above this is read in a worker thread. */
export const LARGE_DOCUMENT_BODY_BYTES = 1024 * 1024

const DOCUMENT_METHODS = ['documents.create', 'documents.save'] as const
export type DocumentMethod = (typeof DOCUMENT_METHODS)[number]

export function isDocumentMethod(method: ApiMethod): method is DocumentMethod {
  return (DOCUMENT_METHODS as readonly string[]).includes(method)
}

/** What a worker made of a large body: the input without its model, and the columns to store. */
export interface PreparedDocument {
  input: unknown
  columns: StoredColumns
}

/** The columns to store: as the worker made them (`prepared`), or made now from the model. */
export function storedColumns(model: SummaryDocument | undefined, prepared: unknown): StoredColumns {
  if (prepared !== undefined) return prepared as StoredColumns
  if (!model) throw new Error('a document model or its prepared columns are needed')
  return columnsFor(model)
}

/**
 * 另存为… while the library cannot take the text: a Word file of the text as the editor holds it
 * (the back end renders it, as 出稿 does), or, when the back end cannot be reached at all, plain
 * text built here in the page.
 */
import type { ApiClient } from '../../../shared/api'
import type { SummaryDocument } from '../../../shared/document/model'
import { renderText } from '../../../shared/output/plain'
import { prepareOutput } from '../../../shared/output/prepare'
import { saveBase64, saveText } from '../../ui/files'

export function plainFileName(model: SummaryDocument, ext: string): string {
  const base = (model.title.replace(/[\\/:*?"<>|\r\n\t]+/g, ' ').trim() || '未命名文稿').slice(0, 80)
  return `${base}.${ext}`
}

/** Saves the text as a file; answers which kind it became and its name. */
export async function saveUnsavedAs(api: ApiClient, documentId: string, model: SummaryDocument): Promise<{ kind: 'docx' | 'txt'; name: string }> {
  try {
    const file = await api.call('export.render', { id: documentId, format: 'docx', model })
    saveBase64(file.fileName, file.mime, file.dataBase64)
    return { kind: 'docx', name: file.fileName }
  } catch {
    const name = plainFileName(model, 'txt')
    // the same text as 出稿's TXT (byte-order mark and CRLF included)
    saveText(name, renderText(prepareOutput(model)), 'text/plain;charset=utf-8')
    return { kind: 'txt', name }
  }
}

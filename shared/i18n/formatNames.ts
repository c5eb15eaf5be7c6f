/**
 * File formats by their own names, written alike in every language; both findings catalogues take
 * them from here (web page and plain text are translated there).
 */
import type { FindingCode } from '../errors/codes'

export const FORMAT_NAMES = {
  'report.format.md': 'Markdown',
  'report.format.docx': 'Word',
  'report.format.pdf': 'PDF',
  'report.format.doc': 'Word 97–2003',
  'report.format.wps': 'WPS',
  'report.format.rtf': 'RTF',
} as const satisfies Partial<Record<FindingCode, string>>

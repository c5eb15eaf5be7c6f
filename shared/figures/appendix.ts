/**
 * The figure appendix (附表：数据表) as rows of text: what the editor's 附表 block shows and what
 * exports print, from one function so the two never disagree.
 */
import type { Figure } from '../document/model'
import { figureFormatter, formatValue } from './format'

export const APPENDIX_CAPTION = '附表：数据表'
export const APPENDIX_HEADER = ['序号', '项目', '数值', '上年', '说明'] as const

export function figureAppendixTable(figures: readonly Figure[]): { caption: string; header: string[]; rows: string[][] } {
  const format = figureFormatter(figures)
  const rows = figures.map((f, i) => [
    String(i + 1),
    f.name.trim() || '（未命名）',
    format(f.id).text,
    f.lastYear === undefined ? '' : formatValue({ ...f, qualifier: undefined }, f.lastYear).text,
    f.note ?? '',
  ])
  return { caption: APPENDIX_CAPTION, header: [...APPENDIX_HEADER], rows }
}

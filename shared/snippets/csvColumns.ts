/** The CSV header of a snippet file: which column is which (English or Chinese names). */

export interface CsvColumns {
  title?: number
  category?: number
  tags?: number
  body: number
}

const NAMES: Record<keyof CsvColumns, string[]> = {
  title: ['title', '标题', '名称'],
  category: ['category', '分类', '类别'],
  tags: ['tags', 'tag', '标签'],
  body: ['body', 'text', '正文', '内容'],
}

/** The columns, or null when the header line has no body column. */
export function csvHeaderProblem(cells: readonly string[]): CsvColumns | null {
  const found: Partial<CsvColumns> = {}
  cells.forEach((cell, i) => {
    const name = cell.trim().toLowerCase()
    for (const key of Object.keys(NAMES) as (keyof CsvColumns)[]) if (NAMES[key].includes(name) && found[key] === undefined) found[key] = i
  })
  if (found.body === undefined) return null
  return found as CsvColumns
}

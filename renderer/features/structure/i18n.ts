/** The `structure` namespace: block kinds and heading levels, the subtitle, run-in headings, tables, page breaks. */
export const structureZh = {
  blockKind: '段落样式',
  body: '正文',
  headingLevel: { 1: '一级标题', 2: '二级标题', 3: '三级标题', 4: '四级标题' },
  addSubtitle: '加副标题',
  runIn: '与正文同段',
  runInHint: '标题与正文在同一段（如“（一）加强领导。成立……”），再点一次分为两段',
  table: '表格',
  insertTable: '插入 3×3 表格',
  addRow: '+行',
  addColumn: '+列',
  deleteRow: '−行',
  deleteColumn: '−列',
  pageBreak: '插入分页符',
  pageBreakShort: '分页',
  /** what a page break shows in the text */
  pageBreakLabel: '分页符',
}

export const structureEn: typeof structureZh = {
  blockKind: 'Paragraph style',
  body: 'Body text',
  headingLevel: { 1: 'Heading 1', 2: 'Heading 2', 3: 'Heading 3', 4: 'Heading 4' },
  addSubtitle: 'Add subtitle',
  runIn: 'Run-in',
  runInHint: 'Heading and body text in one paragraph; click again to split them',
  table: 'Table',
  insertTable: 'Insert a 3×3 table',
  addRow: '+Row',
  addColumn: '+Col',
  deleteRow: '−Row',
  deleteColumn: '−Col',
  pageBreak: 'Insert a page break',
  pageBreakShort: 'Page break',
  pageBreakLabel: 'Page break',
}

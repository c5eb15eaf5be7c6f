/** The `import` namespace: importing .txt / .md / .docx files as documents. */
export const importZh = {
  title: '导入',
  titleFile: '导入：{{name}}',
  clean: '去掉网页杂项（来源、免责声明、网址等）',
  split: '一个文件里有多篇时分开',
  empty: '文件是空的，没有可导入的内容。',
  found: '识别出 {{documents}} 篇，标题 {{headings}} 个（其中与正文同段 {{runIn}} 个）',
  encoding: '编码 {{encoding}}',
  joined: '接上被折断的行 {{count}} 处',
  placeholders: '待填内容（xx、____ 等）{{count}} 处，已设为数据',
  junk: '去掉网页杂项 {{count}} 行',
  gaps: '原文编号有跳号或重复 {{count}} 处（已按层级重新编号）',
  insert: '插入当前文稿',
  saveNew: '导入为新文稿（{{count}} 篇）',
}

export const importEn: typeof importZh = {
  title: 'Import',
  titleFile: 'Import: {{name}}',
  clean: 'Remove web junk (sources, disclaimers, URLs…)',
  split: 'Split a file holding several summaries',
  empty: 'The file is empty: nothing to import.',
  found: '{{documents}} document(s), {{headings}} headings ({{runIn}} run-in)',
  encoding: 'encoding {{encoding}}',
  joined: '{{count}} broken lines joined',
  placeholders: '{{count}} placeholders (xx, ____ …) made into figures',
  junk: '{{count}} junk lines removed',
  gaps: '{{count}} gaps or repeats in the original numbering (renumbered by level)',
  insert: 'Insert into the open document',
  saveNew: 'Import as new ({{count}})',
}

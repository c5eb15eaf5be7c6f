/** The `cleanup` namespace: 整理, each change previewed, applied as one undo step. */
export const cleanupZh = {
  menu: '整理',
  punctuation: '半角标点改为全角',
  listMarkers: '“1、”改为“1.”',
  t2s: '繁体转简体',
  s2t: '简体转繁体',
  spaces: '删除汉字间多余空格',
  levels: '规范层级（补齐跳过的标题级别，序号恢复国标样式）',
  numberingStyle: '序号样式…',
  nothing: '没有需要改动的地方。',
  count: '共 {{count}} 处改动，确认后一次完成，可用 Ctrl+Z 撤销：',
  more: '另有 {{count}} 处未列出',
  apply: '全部应用',
}

export const cleanupEn: typeof cleanupZh = {
  menu: 'Tidy',
  punctuation: 'Half-width punctuation to full width',
  listMarkers: '“1、” to “1.”',
  t2s: 'Traditional to Simplified',
  s2t: 'Simplified to Traditional',
  spaces: 'Remove stray spaces between Chinese characters',
  levels: 'Close skipped heading levels (GB/T order and numbers)',
  numberingStyle: 'Numbering style…',
  nothing: 'Nothing to change.',
  count: '{{count}} changes, applied at once (Ctrl+Z undoes them):',
  more: '{{count}} more not listed',
  apply: 'Apply all',
}

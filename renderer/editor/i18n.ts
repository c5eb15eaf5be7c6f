/** The `editor` namespace: the editor shell's own words (the page, undo and redo, keeping a version). */
export const editorZh = {
  bodyPlaceholder: '在这里写正文…',
  undo: '撤销',
  redo: '重做',
  snapshot: '已保存版本',
  snapshotSame: '内容与上一版本相同',
  insertMenu: '插入',
  figuresMenu: '数据',
  outputMenu: '出稿',
  docList: '文稿列表',
  docListHint: '显示或收起左侧的文稿列表',
  sidePanel: '侧栏',
  sidePanelHint: '显示或收起右侧的大纲与素材',
}

export const editorEn: typeof editorZh = {
  bodyPlaceholder: 'Write here…',
  undo: 'Undo',
  redo: 'Redo',
  snapshot: 'Version saved',
  snapshotSame: 'Same as the last version',
  insertMenu: 'Insert',
  figuresMenu: 'Figures',
  outputMenu: 'Output',
  docList: 'Documents',
  docListHint: 'Show or hide the document list',
  sidePanel: 'Side panel',
  sidePanelHint: 'Show or hide the outline and snippets',
}

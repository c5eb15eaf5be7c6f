/** The `editor` namespace: the editor shell's own words (the page, undo and redo, keeping a version). */
export const editorZh = {
  bodyPlaceholder: '在这里写正文…',
  undo: '撤销',
  redo: '重做',
  snapshot: '已保存版本',
  snapshotSame: '内容与上一版本相同',
}

export const editorEn: typeof editorZh = {
  bodyPlaceholder: 'Write here…',
  undo: 'Undo',
  redo: 'Redo',
  snapshot: 'Version saved',
  snapshotSame: 'Same as the last version',
}

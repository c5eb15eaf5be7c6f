/** The `context-menu` namespace: the editor's right-click menu. */
export const contextMenuZh = {
  label: '编辑菜单',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  bold: '加粗',
  makeFigure: '设为数据',
  makeFigureOf: '设为数据（{{text}}）',
  saveSnippet: '存为素材',
  insertSnippet: '插入素材…',
  /** paste through the menu when the browser will not let the page read the clipboard */
  pasteBlocked: '浏览器不允许网页读取剪贴板，请按 Ctrl+V 粘贴（Mac 上为 ⌘V）。',
  pasteEmpty: '剪贴板里没有可粘贴的文字。',
}

export const contextMenuEn: typeof contextMenuZh = {
  label: 'Edit menu',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  bold: 'Bold',
  makeFigure: 'Make figure',
  makeFigureOf: 'Make figure ({{text}})',
  saveSnippet: 'Save as snippet',
  insertSnippet: 'Insert snippet…',
  pasteBlocked: 'The browser does not let the page read the clipboard: press Ctrl+V to paste (⌘V on a Mac).',
  pasteEmpty: 'There is no text on the clipboard to paste.',
}

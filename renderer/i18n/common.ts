/**
 * The `common` namespace: words several features show (cancel, untitled, the marks, a file too
 * large to read) and the generic error line. It is also every namespace's fallback (i18n/index.ts).
 */
export const commonZh = {
  cancel: '取消',
  untitled: '未命名文稿',
  rename: '重命名',
  delete: '删除',
  characters: '{{count}} 字',
  reading: '正在读取…',
  fileTooLarge: '文件有 {{mb}} MB，超过 {{max}} MB 的上限，无法导入。',
  /** between a label and what it labels, e.g. 识别为：300 */
  colon: '：',
  bold: '加粗',
  italic: '倾斜',
  underline: '下划线',
  errors: { generic: '出错了：{{message}}' },
}

export const commonEn: typeof commonZh = {
  cancel: 'Cancel',
  untitled: 'Untitled',
  rename: 'Rename',
  delete: 'Delete',
  characters: '{{count}} characters',
  reading: 'Reading…',
  fileTooLarge: 'The file is {{mb}} MB, over the {{max}} MB limit: it cannot be imported.',
  colon: ': ',
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  errors: { generic: 'Something went wrong: {{message}}' },
}

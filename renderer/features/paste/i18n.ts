/** The `paste` namespace: the notice after headings were recognized in pasted text. */
export const pasteZh = { recognized: '粘贴时识别出 {{count}} 个标题', undoRecognition: '撤销识别', dismiss: '关闭' }

export const pasteEn: typeof pasteZh = { recognized: '{{count}} headings recognized in the pasted text', undoRecognition: 'Undo recognition', dismiss: 'Dismiss' }

/**
 * The `saving` namespace: what the writer is told when a save cannot simply go through — the
 * document changed elsewhere (conflict), the library refused or could not be reached, unsaved text
 * found from last time.
 */
export const savingZh = {
  conflict: {
    title: '此文稿已在别处修改',
    body: '另一个窗口或命令行工具保存了这篇文稿的新内容。你的内容没有覆盖它，已另外保留为一个版本。自动保存已暂停，请选择保留哪一份。',
    compare: '对比',
    keepMine: '保留我的',
    useStored: '使用已保存的',
    keepMineHint: '把我的内容存为当前版本；已保存的那份留在版本记录中',
    useStoredHint: '载入已保存的内容；我的内容留在版本记录中',
  },
  compare: {
    title: '对比：当前保存的 与 我的',
    stored: '当前保存的',
    mine: '我的',
    same: '两份内容相同。',
    loading: '正在读取已保存的内容…',
    figure: '〔数据〕{{name}}：{{value}}',
    unchanged: '（{{count}} 段未改动）',
    close: '关闭',
  },
  failed: {
    title: '保存失败：{{reason}}',
    body: '你的文字保留在本机，不会丢失；稿台会自动重试。',
    retryIn: '{{seconds}} 秒后重试',
    retrying: '正在重试…',
    retryNow: '立即重试',
    saveAs: '另存为…',
    savedAsText: '无法连接稿台后台，已另存为纯文本（.txt）',
    savedAs: '已另存为 {{name}}',
    unreachable: '无法连接稿台后台',
    restarted: '稿台后台已重新启动，这个页面的会话已失效：请打开后台新打印的地址',
    backend: '稿台后台没能完成保存（{{detail}}）',
    app: '稿台没能完成保存（{{detail}}）',
  },
  recovery: {
    title: '恢复未保存的内容',
    body: '{{time}} 有一份 {{count}} 字的内容没有保存到文稿库。',
    conflict: '此后这篇文稿已在别处修改。恢复后，已保存的那份会留在版本记录中。',
    restore: '恢复',
    discard: '丢弃',
    others: '另有未保存的内容：{{titles}}。打开这些文稿即可恢复。',
    untitled: '未命名文稿',
  },
}

export const savingEn: typeof savingZh = {
  conflict: {
    title: 'This document was changed elsewhere',
    body: 'Another window or the command line saved new text for this document. Yours did not overwrite it and is kept as a separate version. Autosave is paused: choose which one to keep.',
    compare: 'Compare',
    keepMine: 'Keep mine',
    useStored: 'Use the saved one',
    keepMineHint: 'Store my text as the current version; the saved one stays in the version history',
    useStoredHint: 'Load the saved text; mine stays in the version history',
  },
  compare: {
    title: 'Compare: saved and mine',
    stored: 'Saved',
    mine: 'Mine',
    same: 'Both are the same.',
    loading: 'Reading the saved text…',
    figure: '[figure] {{name}}: {{value}}',
    unchanged: '({{count}} paragraphs unchanged)',
    close: 'Close',
  },
  failed: {
    title: 'Not saved: {{reason}}',
    body: 'Your text is kept on this computer and will not be lost; DraftDesk keeps trying.',
    retryIn: 'trying again in {{seconds}} s',
    retrying: 'Trying again…',
    retryNow: 'Try now',
    saveAs: 'Save as…',
    savedAsText: 'The DraftDesk back end cannot be reached: saved as plain text (.txt)',
    savedAs: 'Saved as {{name}}',
    unreachable: 'the DraftDesk back end cannot be reached',
    restarted: 'the DraftDesk back end was restarted and this page’s session has ended: open the new address it printed',
    backend: 'the DraftDesk back end could not finish the save ({{detail}})',
    app: 'DraftDesk could not finish the save ({{detail}})',
  },
  recovery: {
    title: 'Recover unsaved text',
    body: 'Text of {{count}} characters from {{time}} was not saved to the library.',
    conflict: 'The document was changed elsewhere since. If you recover, the saved text stays in the version history.',
    restore: 'Recover',
    discard: 'Discard',
    others: 'More unsaved text: {{titles}}. Open those documents to recover it.',
    untitled: 'Untitled',
  },
}

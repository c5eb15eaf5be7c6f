/** The `pageview` namespace: 页面视图 and 显示比例. */
export const pageviewZh = {
  pageOf: '第 {{page}} 页，共 {{pages}} 页',
  pageView: '页面视图',
  pageViewHint: '按打印的样子分页显示',
  zoom: '显示比例',
  zoomIn: '放大 (Ctrl+=)',
  zoomOut: '缩小 (Ctrl+-)',
  fit: '适合页宽',
  actual: '100%（Ctrl+Shift+0）',
  pages: '共 {{count}} 页',
}

export const pageviewEn: typeof pageviewZh = {
  pageOf: 'Page {{page}} of {{pages}}',
  pageView: 'Page view',
  pageViewHint: 'Show the pages as they will print',
  zoom: 'Zoom',
  zoomIn: 'Zoom in (Ctrl+=)',
  zoomOut: 'Zoom out (Ctrl+-)',
  fit: 'Fit width',
  actual: '100% (Ctrl+Shift+0)',
  pages: '{{count}} pages',
}

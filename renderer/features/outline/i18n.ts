/** The `outline` namespace: the live outline beside the page. */
export const outlineZh = { heading: '大纲', empty: '还没有标题', expand: '展开', collapse: '折叠', sectionCount: '本节字数', dropAtEnd: '拖到这里移到文末' }

export const outlineEn: typeof outlineZh = { heading: 'Outline', empty: 'No headings yet', expand: 'Expand', collapse: 'Collapse', sectionCount: 'Characters in this section', dropAtEnd: 'Drop here to move to the end' }

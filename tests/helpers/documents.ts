import { callApi, createServices } from '../../electron/services'
import type { Block, SummaryDocument } from '../../shared/document/model'

/** A document in our own words, with headings at every level and a run-in heading. */
export function sampleDocument(title = '2025年度安全生产工作总结'): SummaryDocument {
  return {
    version: 1,
    title,
    subtitle: '——某某镇应急管理办公室',
    blocks: [
      { type: 'paragraph', children: [{ type: 'text', text: '一年来，我办围绕年初确定的目标任务，层层压实责任，扎实开展隐患排查。现将全年工作总结如下：' }] },
      { type: 'heading', level: 1, title: [{ type: 'text', text: '主要工作' }] },
      {
        type: 'heading',
        level: 2,
        title: [{ type: 'text', text: '健全责任体系。', bold: true }],
        body: [{ type: 'text', text: '与各村签订责任书' }, { type: 'figure', figureId: 'f1' }, { type: 'text', text: '，做到横向到边、纵向到底。' }],
      },
      { type: 'heading', level: 3, title: [{ type: 'text', text: '开展专项检查' }] },
      { type: 'heading', level: 4, title: [{ type: 'text', text: '重点行业' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '检查企业' }, { type: 'text', text: '一百二十家', underline: true }, { type: 'text', text: '，督促整改问题清单。' }] },
      { type: 'heading', level: 1, title: [{ type: 'text', text: '存在的问题' }] },
      { type: 'paragraph', children: [{ type: 'text', text: '部分企业主体责任落实不到位。', italic: true }] },
    ],
    figures: [{ id: 'f1', name: '责任书份数', value: 36, unit: '份' }],
    signature: { organization: '某某镇应急管理办公室', date: '2025-12-20', dateStyle: 'arabic' },
  }
}

/** A long document: about `characters` characters under `headings` headings, for benchmarks. */
export function longDocument(characters = 60_000, headings = 120): SummaryDocument {
  const sentence = '坚持问题导向，细化工作措施，推动各项任务落地见效，群众满意度持续提升。'
  const blocks: Block[] = []
  const perSection = Math.floor(characters / headings)
  for (let h = 0; h < headings; h++) {
    const level = ([1, 2, 3, 3, 2, 3][h % 6] ?? 2) as 1 | 2 | 3
    blocks.push({ type: 'heading', level, title: [{ type: 'text', text: `第${h + 1}项重点工作推进情况` }] })
    let written = 0
    while (written < perSection) {
      const text = sentence.repeat(4)
      blocks.push({ type: 'paragraph', children: [{ type: 'text', text }] })
      written += text.length
    }
  }
  return { version: 1, title: '2025年度工作总结（长文）', blocks, figures: [] }
}

/** A new 文稿库 in a fresh folder (from `tempDir`) holding `model`: the folder and the document's id (the services are closed again). */
export async function libraryWith(tempDir: () => string, model: SummaryDocument): Promise<{ dir: string; id: string }> {
  const dir = tempDir()
  const services = createServices({ dataDir: dir })
  try {
    return { dir, id: (await callApi(services.handlers, 'documents.create', { title: model.title, model })).id }
  } finally {
    services.close()
  }
}

/** A paragraph of exactly `n` lines on the print grid (2 characters indent, 28 a line), from `chars`. */
export function linesParagraph(n: number, seed: number, chars = '街道坚持党建引领把网格化管理延伸到每一栋楼每一户居民做到小事不出网格大事不出社区群众满意度稳步提升'): Block {
  let text = ''
  for (let i = 0; text.length < 26 + 28 * (n - 1) - 1; i++) text += chars[(i + seed) % chars.length]
  return { type: 'paragraph', children: [{ type: 'text', text: text + '。' }] }
}

/** 17 lines of body, then the 附表 of 60 figures: the table starts on page 1 and runs on for pages. */
export function tableAcrossPages(paragraph: (n: number, seed: number) => Block = linesParagraph): SummaryDocument {
  return {
    version: 1,
    title: '2025年度数据汇总',
    blocks: [paragraph(6, 1), paragraph(6, 3), paragraph(5, 5), { type: 'figureTable' }],
    figures: Array.from({ length: 60 }, (_, i) => ({ id: `f${i}`, name: `第${i + 1}项指标`, value: i * 7, unit: '个' })),
    signature: { organization: '统计科', date: '2025-12-01', dateStyle: 'arabic' },
  }
}

/**
 * 17 lines of body, then a writer's own table (not the 附表) of 40 rows under a header row
 * (序号 工作事项 完成情况): it starts on page 1 and runs on to page 2 or 3.
 */
export function bodyTableAcrossPages(paragraph: (n: number, seed: number) => Block = linesParagraph): SummaryDocument {
  const cell = (text: string) => [{ type: 'text' as const, text }]
  const rows = [['序号', '工作事项', '完成情况'].map(cell), ...Array.from({ length: 40 }, (_, i) => [cell(String(i + 1)), cell(`第${i + 1}件民生实事`), cell(i % 3 ? '已完成' : '按计划推进')])]
  return {
    version: 1,
    title: '2025年度民生实事办理情况',
    blocks: [paragraph(6, 1), paragraph(6, 3), paragraph(5, 5), { type: 'table', rows }, paragraph(3, 7)],
    figures: [],
    signature: { organization: '综合办公室', date: '2025-12-01', dateStyle: 'arabic' },
  }
}

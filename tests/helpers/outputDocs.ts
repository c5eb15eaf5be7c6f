/** Documents for the output tests and benchmarks, in our own words. */
import type { Block, Figure, SummaryDocument } from '../../shared/document/model'
import { sampleDocument } from './documents'

const SENTENCES = [
  '街道坚持党建引领，把网格化管理延伸到每一栋楼、每一户居民，做到小事不出网格、大事不出社区。',
  '围绕群众关心的停车难、加装电梯等问题，逐项建立台账，明确责任人和完成时限，按月调度推进。',
  '联合派出所、市场监管所开展联合检查，发现的问题当场交办，整改情况在居民群里公开接受监督。',
  '对照年初目标逐月调度，群众满意度稳步提升，基层治理的精细化水平有了明显提高。',
]

/**
 * A summary of about `characters` characters (≈ 620 a page): 一、/（一）/1. headings, some run-in,
 * paragraphs of several sentences, a signature. 65,000 characters ≈ 100 pages.
 */
export function longSummary(characters = 65_000, title = '枫桥街道2025年度社会治理工作总结'): SummaryDocument {
  const blocks: Block[] = [{ type: 'paragraph', children: [{ type: 'text', text: '今年以来，街道在区委、区政府的领导下，扎实推进各项重点任务，现将全年工作总结如下：' }] }]
  let length = 0
  let k = 0
  for (let s = 1; length < characters; s++) {
    blocks.push({ type: 'heading', level: 1, title: [{ type: 'text', text: `第${s}方面重点工作推进情况` }] })
    for (let sub = 1; sub <= 3 && length < characters; sub++) {
      blocks.push({ type: 'heading', level: 2, title: [{ type: 'text', text: `抓好第${sub}项具体任务。` }], body: [{ type: 'text', text: SENTENCES[k++ % 4]! }] })
      blocks.push({ type: 'heading', level: 3, title: [{ type: 'text', text: '细化落实举措' }] })
      for (let item = 1; item <= 3; item++) {
        let text = ''
        for (let n = 0; n < 9; n++) text += SENTENCES[k++ % 4]
        blocks.push({ type: 'paragraph', children: [{ type: 'text', text }] })
        length += text.length
      }
    }
  }
  return { version: 1, title, blocks, figures: [], signature: { organization: '枫桥街道办事处', date: '2025-12-28', dateStyle: 'arabic' } }
}

/** The sample document with a seal, a table and the figure appendix. */
export function richSample(sealAssetId?: string): SummaryDocument {
  const doc = sampleDocument()
  doc.blocks.push(
    { type: 'table', rows: [[[{ type: 'text', text: '项目' }], [{ type: 'text', text: '数量' }]], [[{ type: 'text', text: '检查企业' }], [{ type: 'text', text: '120家' }]]] },
    { type: 'figureTable' },
  )
  if (sealAssetId && doc.signature) doc.signature = { ...doc.signature, sealAssetId }
  return doc
}

export function manyFigures(n = 2000): SummaryDocument {
  const figures: Figure[] = Array.from({ length: n }, (_, i) => ({ id: `f${i}`, name: `指标${i + 1}`, value: i % 7 === 0 ? null : i * 3, unit: '个' }))
  const blocks: Block[] = []
  for (let i = 0; i < n; i += 10)
    blocks.push({ type: 'paragraph', children: figures.slice(i, i + 10).flatMap((f) => [{ type: 'text' as const, text: `${f.name}为` }, { type: 'figure' as const, figureId: f.id }, { type: 'text' as const, text: '，' }]) })
  blocks.push({ type: 'figureTable' })
  return { version: 1, title: '2025年度数据汇总', blocks, figures, signature: { organization: '统计科', date: '2025-12-01', dateStyle: 'chinese' } }
}

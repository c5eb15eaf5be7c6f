/**
 * Collection labels: websites bundle several summaries in one page — "…工作总结【经典6篇】" on top,
 * then "第一篇:…", "篇二", "【篇三】", "…工作总结 篇四", "…总结篇5", "范文六". These matchers find the
 * labels; split.ts cuts the file at them and title.ts strips them from titles.
 */
import { SENTENCE_ENDS } from './chars'

const NUM = '[一二三四五六七八九十0-9０-９]{1,3}'
const SP = '[ \\u3000]*'

/** "第一篇"  "第 1 篇" (not 第一篇章)  "篇一"  "篇1"  "范文一"  "【篇一】" */
const PIECE = `(?:第${SP}${NUM}${SP}篇(?!章)|(?:篇|范文|範文)${SP}${NUM})`

/** A piece label at the start of a line, with its brackets and separator: "第一篇:"  "【篇二】"  "篇3、" */
const PIECE_LEAD = new RegExp(`^[【\\[(（]?${SP}${PIECE}${SP}[】\\])）]?${SP}[:：、.．]?${SP}`)
/** A piece label at the end of a line: "…工作总结 篇一"  "…总结篇5"  "…总结(第三篇)" */
const PIECE_TRAIL = new RegExp(`${SP}[【\\[(（]?${SP}${PIECE}${SP}[】\\])）]?$`)

const ADJECTIVES = '(?:精选|精選|经典|經典|通用|优秀|優秀|热门|熱門|最新|推荐|推薦|范文|範文|汇编|彙編|合集|大全|模板|集锦|集錦)'
/** A collection count at the end of a line: "【经典6篇】"  "5篇"  "(精选三篇)"  "三篇范文" */
const COLLECTION_COUNT = new RegExp(
  `${SP}[【\\[(（]?${SP}${ADJECTIVES}*${SP}(?<![第0-9０-９一二三四五六七八九十])${NUM}${SP}篇${ADJECTIVES}*${SP}[】\\])）]?$`,
)

function hasSentenceEnd(s: string): boolean {
  for (const ch of s) if (SENTENCE_ENDS.has(ch)) return true
  return false
}

export interface PieceLabel {
  /** the title written on the same line as the label, '' for a bare "篇二" */
  title: string
}

/** A line that starts a new summary in a collection: "第二篇:XX社区工作总结", "篇二", "…总结 篇二". */
export function matchPiece(line: string): PieceLabel | null {
  if (line.length > 80) return null
  let rest: string
  const lead = PIECE_LEAD.exec(line)
  if (lead) rest = line.slice(lead[0].length)
  else {
    const trail = PIECE_TRAIL.exec(line)
    if (!trail) return null
    rest = line.slice(0, trail.index)
  }
  rest = rest.trim()
  if (rest.length > 60 || hasSentenceEnd(rest)) return null
  return { title: rest }
}

/** "学校工作总结【经典6篇】": a title followed by a count of pieces. */
export function isCollectionHeader(line: string): boolean {
  if (line.length > 60 || hasSentenceEnd(line)) return false
  const m = COLLECTION_COUNT.exec(line)
  return m !== null && m.index > 0
}

/** Strip piece labels and collection counts from a title line (never touching anything else). */
export function stripCollectionLabel(line: string): string {
  if (line.length > 100) return line.trim() // no title is that long; keeps the matchers linear
  let title = line
  const lead = PIECE_LEAD.exec(title)
  if (lead && lead[0].length < title.length) title = title.slice(lead[0].length)
  const trail = PIECE_TRAIL.exec(title)
  if (trail && trail.index > 0) title = title.slice(0, trail.index)
  const count = COLLECTION_COUNT.exec(title)
  if (count && count.index > 0) title = title.slice(0, count.index)
  return title.trim()
}

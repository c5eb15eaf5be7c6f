/**
 * 收集素材: paragraphs worth keeping, from documents of the library or imported files, with
 * near-duplicates grouped — the same stock paragraph in several summaries, differing only in
 * names, numbers and a few words.
 *
 * Similarity is the Jaccard index of character 3-shingles of a normalised text (folded, digits →
 * 0, punctuation and spaces dropped). MinHash signatures (60 hashes) and LSH banding (20 bands × 3
 * rows) find candidate pairs without comparing every pair; each candidate pair is then checked
 * with the exact Jaccard index of the shingle sets, and pairs at or above the threshold are joined
 * (union-find). Pure and deterministic: no randomness, same input → same groups.
 */
import type { Block, Inline, SummaryDocument } from '../document/model'
import { bodyToText, normalizeInlines, parseFieldRuns } from './fields'
import type { SnippetBody, SnippetInline } from './model'
import { applyNumberFields, categoryScore, proposeNumberFields, proposeTitle } from './propose'
import { foldForSearch } from './search'

export interface HarvestSource {
  /** the library document it came from, when it did */
  documentId?: string
  title: string
  doc: SummaryDocument
}

export interface HarvestMember {
  /** index into the sources */
  source: number
  text: string
}

export interface HarvestGroup {
  /** stable within one result: the normalised text's hash of the representative */
  key: string
  title: string
  category: string
  body: SnippetBody
  text: string
  /** how many different documents hold a paragraph of this group */
  documents: number
  members: HarvestMember[]
}

export interface HarvestOptions {
  /** Jaccard index at or above which two paragraphs are one group (default 0.5) */
  threshold?: number
  /** shortest and longest paragraph considered, in characters (default 20 … 600) */
  minLength?: number
  maxLength?: number
  /** most groups returned (default 300) */
  limit?: number
}

const HASHES = 60
const BANDS = 20
const ROWS = HASHES / BANDS

/** A paragraph of a document as snippet inlines: figures become fields named after them. */
function toSnippetInlines(inlines: readonly Inline[], names: ReadonlyMap<string, string>): SnippetInline[] {
  return normalizeInlines(
    inlines.map((i): SnippetInline => {
      if (i.type === 'text') return i
      const name = names.get(i.figureId)
      return name ? { type: 'field', name } : { type: 'text', text: '' }
    }),
  )
}

function blockParagraphs(block: Block, names: ReadonlyMap<string, string>): SnippetInline[][] {
  switch (block.type) {
    case 'paragraph':
      return [toSnippetInlines(block.children, names)]
    case 'heading':
      // a run-in heading and its body are one paragraph of stock phrasing; a bare heading is not
      return block.body ? [toSnippetInlines([...block.title, ...block.body], names)] : []
    default:
      return []
  }
}

const plain = (inlines: readonly SnippetInline[]) => inlines.map((i) => (i.type === 'text' ? i.text : `{{${i.name}}}`)).join('')

/** The text similarity works on: folded, fields and digit runs → 0, everything but letters and digits dropped. */
export function normalizeForSimilarity(text: string): string {
  return foldForSearch(text)
    .replace(/\{\{[^{}\n]+\}\}/g, '0')
    .replace(/\d+(?:\.\d+)?/g, '0')
    .replace(/[^\p{L}\p{N}]/gu, '')
}

function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** The set of 3-shingle hashes of a normalised text, sorted ascending, each once. */
export function shingles(norm: string, k = 3): Uint32Array {
  const cps = Array.from(norm, (c) => c.codePointAt(0)!)
  const out: number[] = []
  if (cps.length < k) {
    if (cps.length > 0) out.push(fmix32(cps.reduce((h, c) => Math.imul(h ^ c, 0x01000193), 0x811c9dc5)))
  } else {
    for (let i = 0; i + k <= cps.length; i++) {
      let h = 0x811c9dc5
      for (let j = 0; j < k; j++) h = Math.imul(h ^ cps[i + j]!, 0x01000193)
      out.push(fmix32(h))
    }
  }
  const sorted = Uint32Array.from(out).sort()
  let n = 0
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[n++] = sorted[i]!
  return sorted.slice(0, n)
}

/** Exact Jaccard index of two sorted hash sets. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1
  let i = 0
  let j = 0
  let both = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      both++
      i++
      j++
    } else if (a[i]! < b[j]!) i++
    else j++
  }
  return both / (a.length + b.length - both)
}

const SEEDS = Array.from({ length: HASHES }, (_, i) => fmix32(0x9e3779b9 * (i + 1)))

/** MinHash signature of a shingle set. */
export function minhash(set: Uint32Array): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff)
  for (let s = 0; s < set.length; s++) {
    const x = set[s]!
    for (let i = 0; i < HASHES; i++) {
      const h = fmix32(x ^ SEEDS[i]!)
      if (h < sig[i]!) sig[i] = h
    }
  }
  return sig
}

class UnionFind {
  private readonly parent: Int32Array
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i)
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]!]!
      x = this.parent[x]!
    }
    return x
  }
  union(a: number, b: number): void {
    const ra = this.find(a)
    const rb = this.find(b)
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb)
  }
}

interface Paragraph {
  source: number
  inlines: SnippetInline[]
  text: string
  norm: string
}

/** Is this paragraph stock phrasing at all: long enough, mostly Chinese, not a date or signature line. */
function worthKeeping(text: string, min: number, max: number): boolean {
  const length = [...text].length
  if (length < min || length > max) return false
  const han = (text.match(/[\u4e00-\u9fff]/g) ?? []).length
  if (han < length * 0.5) return false
  if (/^\d{4}年\d{1,2}月\d{1,2}日$/.test(text.trim())) return false
  return true
}

/** Groups of near-duplicate paragraphs, and single paragraphs that read like stock phrasing. */
export function harvest(sources: readonly HarvestSource[], opts: HarvestOptions = {}): HarvestGroup[] {
  const threshold = opts.threshold ?? 0.5
  const minLength = opts.minLength ?? 20
  const maxLength = opts.maxLength ?? 600
  const limit = opts.limit ?? 300

  // 1. paragraphs, and the distinct normalised texts among them
  const paragraphs: Paragraph[] = []
  sources.forEach((s, source) => {
    const names = new Map(s.doc.figures.filter((f) => f.name).map((f) => [f.id, f.name]))
    for (const block of s.doc.blocks)
      for (const inlines of blockParagraphs(block, names)) {
        const text = plain(inlines).trim()
        if (!worthKeeping(text, minLength, maxLength)) continue
        const norm = normalizeForSimilarity(text)
        if (norm.length < 8) continue
        paragraphs.push({ source, inlines, text, norm })
      }
  })
  const uniqueIndex = new Map<string, number>()
  const unique: { norm: string; members: number[] }[] = []
  paragraphs.forEach((p, i) => {
    let u = uniqueIndex.get(p.norm)
    if (u === undefined) {
      u = unique.length
      uniqueIndex.set(p.norm, u)
      unique.push({ norm: p.norm, members: [] })
    }
    unique[u]!.members.push(i)
  })

  // 2. shingles, MinHash, LSH buckets; candidates checked exactly
  const sets = unique.map((u) => shingles(u.norm))
  const uf = new UnionFind(unique.length)
  const buckets = new Map<string, number[]>()
  sets.forEach((set, u) => {
    const sig = minhash(set)
    for (let b = 0; b < BANDS; b++) {
      let key = `${b}`
      for (let r = 0; r < ROWS; r++) key += `:${sig[b * ROWS + r]!}`
      const bucket = buckets.get(key)
      if (bucket) bucket.push(u)
      else buckets.set(key, [u])
    }
  })
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue
    // compare with a few earlier members of other groups: groups are tight, so this finds them
    for (let i = 1; i < bucket.length; i++) {
      const u = bucket[i]!
      let tried = 0
      const seenRoots = new Set<number>()
      for (let j = i - 1; j >= 0 && tried < 8; j--) {
        const v = bucket[j]!
        const root = uf.find(v)
        if (root === uf.find(u) || seenRoots.has(root)) continue
        seenRoots.add(root)
        tried++
        const a = sets[u]!
        const c = sets[v]!
        if (Math.min(a.length, c.length) / Math.max(a.length, c.length) < threshold) continue
        if (jaccard(a, c) >= threshold) uf.union(u, v)
      }
    }
  }

  // 3. groups: members, documents, a representative (the member most like the others)
  const byRoot = new Map<number, number[]>()
  unique.forEach((_, u) => {
    const root = uf.find(u)
    const list = byRoot.get(root)
    if (list) list.push(u)
    else byRoot.set(root, [u])
  })
  const groups: (HarvestGroup & { order: number; cue: number })[] = []
  for (const us of byRoot.values()) {
    const memberIdx = us.flatMap((u) => unique[u]!.members)
    const documents = new Set(memberIdx.map((i) => paragraphs[i]!.source)).size
    const rep = representative(us, unique, sets)
    const p = paragraphs[unique[rep]!.members[0]!]!
    const cue = categoryScore(p.text)
    if (documents < 2 && cue.score < 4) continue // a one-off paragraph that does not read like stock phrasing
    const others = memberIdx.map((i) => paragraphs[i]!.text).filter((t) => t !== p.text)
    const body = withVaryingParts(p.inlines, others)
    groups.push({
      key: hashKey(unique[rep]!.norm),
      title: proposeTitle(bodyToText([body])),
      category: cue.category,
      body: [body],
      text: p.text,
      documents,
      members: memberIdx.map((i) => ({ source: paragraphs[i]!.source, text: paragraphs[i]!.text })),
      order: Math.min(...memberIdx),
      cue: cue.score,
    })
  }
  groups.sort((a, b) => b.documents - a.documents || b.members.length - a.members.length || b.cue - a.cue || a.order - b.order)
  return groups.slice(0, limit).map(({ order: _o, cue: _c, ...g }) => g)
}

/** A unit's name at the start of a paragraph: 东山镇, 城关街道, 第一中学, 县卫生健康局… */
const LEADING_NAME = /^[\u4e00-\u9fff]{1,10}?(?:镇|乡|街道|社区|村|县|区|市|局|委员会|委|办公室|办|中心|学校|中学|小学|医院|公司|所|站|队)/

/**
 * The parts of the representative that differ between the group's paragraphs become fields: a
 * unit's name at the start (and wherever it recurs) → {{单位名称}}, numbers → named fields.
 */
export function withVaryingParts(inlines: readonly SnippetInline[], others: readonly string[]): SnippetInline[] {
  if (others.length === 0) return [...inlines]
  let out = [...inlines]
  const text = bodyToText([out])
  const name = LEADING_NAME.exec(text)?.[0]
  if (name && others.some((o) => !o.startsWith(name) && LEADING_NAME.test(o))) {
    out = parseFieldRuns(out.map((i) => (i.type === 'text' ? { ...i, text: i.text.split(name).join('{{单位名称}}') } : i)))
  }
  const digitsElsewhere = others.map((o) => new Set(o.match(/\d+(?:\.\d+)?/g) ?? []))
  const varying = proposeNumberFields(bodyToText([out])).filter((n) => n.suggested && !digitsElsewhere.every((set) => set.has(n.text)))
  return varying.length ? applyNumberFields(out, varying) : out
}

function representative(us: number[], unique: { members: number[] }[], sets: Uint32Array[]): number {
  if (us.length <= 2) return us.reduce((best, u) => (unique[u]!.members.length > unique[best]!.members.length ? u : best), us[0]!)
  const sample = us.slice(0, 40)
  let best = sample[0]!
  let bestScore = -1
  for (const u of sample) {
    let score = unique[u]!.members.length // a text used verbatim in several places counts more
    for (const v of sample) if (v !== u) score += jaccard(sets[u]!, sets[v]!)
    if (score > bestScore) {
      best = u
      bestScore = score
    }
  }
  return best
}

function hashKey(text: string): string {
  let h1 = 0x811c9dc5
  let h2 = 0x01000193
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 0x01000193)
    h2 = Math.imul(h2 ^ c, 0x5bd1e995)
  }
  return (fmix32(h1) >>> 0).toString(36) + (fmix32(h2) >>> 0).toString(36)
}

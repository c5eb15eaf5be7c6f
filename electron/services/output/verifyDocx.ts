/**
 * What `verify` reads from a DOCX (in a worker thread, like every file the writer hands us): the
 * fingerprint we wrote into its properties, its text as mammoth reads it, and its outline — each
 * paragraph's style, heading level and the numbering format it shows (docxStructure). The package
 * goes through SafeZip, so a DOCX that inflates to gigabytes is refused before it is read.
 */
import mammoth from 'mammoth'
import { ApiError } from '../../../shared/api'
import { FINGERPRINT_PROPERTY } from './docx'
import { SafeZip } from '../import/zip'

export interface DocxVerifyRead {
  /** false: not a zip package we can read (damaged, not a DOCX) */
  readable: boolean
  fingerprint: string | null
  /** the text, all blanks removed; only read when there is a fingerprint to compare */
  text: string | null
  /** the outline (see docxStructure); read with the text */
  structure: DocxStructure | null
}

const decoder = new TextDecoder('utf-8')
export const squash = (s: string) => s.replace(/[\s\u3000\u200b]+/g, '')

export async function readDocxForVerify(bytes: Uint8Array): Promise<DocxVerifyRead> {
  let zip: SafeZip
  try {
    zip = new SafeZip(bytes)
  } catch (err) {
    if (err instanceof ApiError && err.code === 'zip.damaged') return { readable: false, fingerprint: null, text: null, structure: null }
    throw err
  }
  const part = (name: string) => (zip.has(name) ? decoder.decode(zip.read(name)) : undefined)
  const custom = part('docProps/custom.xml')
  const re = new RegExp(`name="${FINGERPRINT_PROPERTY}"[^>]*>\\s*<vt:lpwstr>(sha256:[0-9a-f]{64})</vt:lpwstr>`)
  let fingerprint = custom ? (re.exec(custom)?.[1] ?? null) : null
  if (!fingerprint) {
    const core = part('docProps/core.xml')
    fingerprint = core ? (/sha256:[0-9a-f]{64}/.exec(core)?.[0] ?? null) : null
  }
  if (!fingerprint) return { readable: true, fingerprint: null, text: null, structure: null }
  // mammoth reads a zip file object given as `file` (lib/unzip.js); its types name only path and buffer
  const raw = await mammoth.extractRawText({ file: zip.mammothFile() } as unknown as { buffer: Buffer })
  return { readable: true, fingerprint, text: squash(raw.value), structure: structureOf(part) }
}

// ---- the outline ------------------------------------------------------------------------------

/**
 * What a reader sees of a DOCX's outline, as comparable strings: for every paragraph of the body
 * (in order, table cells included) its style, heading (outline) level and the numbering format
 * that puts its number in front of it; and for every paragraph style that numbers or outlines, the
 * same. Names rather than ids (Word may renumber ids or name a style "2" when it saves), so a file
 * saved again unchanged still compares equal, while Heading 2 → Heading 3 or "%1、" → "第%1章、"
 * does not.
 */
export interface DocxStructure {
  /** `style | level | numbering | text` per body paragraph */
  paragraphs: string[]
  /** `style | level | numbering` per numbered or outlined paragraph style, sorted */
  styles: string[]
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  )

/** The w:val of the first <w:tag …/> in `xml`. */
const val = (xml: string, tag: string): string | undefined => {
  const m = new RegExp(`<w:${tag}\\b[^>]*?\\bw:val="([^"]*)"`).exec(xml)
  return m ? unescapeXml(m[1]!) : undefined
}
const attr = (open: string, name: string): string | undefined => new RegExp(`\\bw:${name}="([^"]*)"`).exec(open)?.[1]

/** Each <w:tag …>…</w:tag> (or <w:tag …/>) in `xml`, not nested in itself: its opening tag and content. */
function elements(xml: string, tag: string): { open: string; inner: string }[] {
  const out: { open: string; inner: string }[] = []
  const re = new RegExp(`<w:${tag}(?=[\\s>/])[^>]*?(/?)>`, 'g')
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1] === '/') {
      out.push({ open: m[0], inner: '' })
      continue
    }
    const close = xml.indexOf(`</w:${tag}>`, re.lastIndex)
    if (close < 0) break
    out.push({ open: m[0], inner: xml.slice(re.lastIndex, close) })
    re.lastIndex = close
  }
  return out
}

interface StyleDef {
  name: string
  basedOn?: string
  outline?: string
  numId?: string
  ilvl?: string
}

function structureOf(part: (name: string) => string | undefined): DocxStructure {
  const styles = new Map<string, StyleDef>()
  for (const s of elements(part('word/styles.xml') ?? '', 'style')) {
    if (attr(s.open, 'type') !== 'paragraph') continue
    const id = attr(s.open, 'styleId') ?? ''
    const pPr = elements(s.inner, 'pPr')[0]?.inner ?? ''
    const numPr = elements(pPr, 'numPr')[0]?.inner
    styles.set(id, {
      name: (val(s.inner, 'name') ?? id).toLowerCase(),
      ...(val(s.inner, 'basedOn') !== undefined ? { basedOn: val(s.inner, 'basedOn')! } : {}),
      ...(val(pPr, 'outlineLvl') !== undefined ? { outline: val(pPr, 'outlineLvl')! } : {}),
      ...(numPr !== undefined && val(numPr, 'numId') !== undefined ? { numId: val(numPr, 'numId')! } : {}),
      ...(numPr !== undefined && val(numPr, 'ilvl') !== undefined ? { ilvl: val(numPr, 'ilvl')! } : {}),
    })
  }
  // numbering: w:num → its abstract definition's levels, with any level overrides
  const numberingXml = part('word/numbering.xml') ?? ''
  const levelsOf = (inner: string) => {
    const levels = new Map<string, { text: string; style?: string }>()
    for (const l of elements(inner, 'lvl'))
      levels.set(attr(l.open, 'ilvl') ?? '0', {
        text: `${val(l.inner, 'numFmt') ?? ''} ${val(l.inner, 'lvlText') ?? ''} from ${val(l.inner, 'start') ?? '0'}${val(l.inner, 'suff') ? ` ${val(l.inner, 'suff')}` : ''}`,
        ...(val(l.inner, 'pStyle') ? { style: val(l.inner, 'pStyle')! } : {}),
      })
    return levels
  }
  const abstracts = new Map(elements(numberingXml, 'abstractNum').map((a) => [attr(a.open, 'abstractNumId') ?? '', levelsOf(a.inner)]))
  const nums = new Map<string, Map<string, { text: string; style?: string }>>()
  for (const n of elements(numberingXml, 'num')) {
    const levels = new Map(abstracts.get(val(n.inner, 'abstractNumId') ?? '') ?? [])
    for (const o of elements(n.inner, 'lvlOverride')) {
      const ilvl = attr(o.open, 'ilvl') ?? '0'
      const own = levelsOf(o.inner).get(ilvl)
      const base = own ?? levels.get(ilvl)
      const start = val(o.inner, 'startOverride')
      if (base) levels.set(ilvl, { ...base, text: start === undefined ? base.text : `${base.text} restart ${start}` })
    }
    nums.set(attr(n.open, 'numId') ?? '', levels)
  }

  /** A style's setting, looked up through the styles it is based on. */
  const inherited = (id: string | undefined, key: 'outline' | 'numId' | 'ilvl'): string | undefined => {
    for (let i = 0, s = id; s !== undefined && i < 20; i++) {
      const def = styles.get(s)
      if (!def) return undefined
      if (def[key] !== undefined) return def[key]
      s = def.basedOn
    }
    return undefined
  }
  /** What a paragraph of style `styleId` (with its own numPr/outline level, if any) shows. */
  const describe = (styleId: string | undefined, own: { outline?: string; numId?: string; ilvl?: string }) => {
    const style = styleId ? (styles.get(styleId)?.name ?? styleId.toLowerCase()) : 'normal'
    const outline = own.outline ?? inherited(styleId, 'outline')
    const numId = own.numId ?? inherited(styleId, 'numId')
    let numbering = '-'
    if (numId !== undefined && numId !== '0') {
      const levels = nums.get(numId)
      const ilvl = own.ilvl ?? inherited(styleId, 'ilvl') ?? [...(levels ?? [])].find(([, l]) => l.style === styleId)?.[0] ?? '0'
      numbering = levels?.get(ilvl)?.text ?? `missing ${numId}/${ilvl}`
    }
    return `${style} | ${outline ?? '-'} | ${numbering}`
  }

  const body = part('word/document.xml') ?? ''
  const paragraphs = elements(body, 'p').map((p) => {
    const pPr = elements(p.inner, 'pPr')[0]?.inner ?? ''
    const numPr = elements(pPr, 'numPr')[0]?.inner
    const own = {
      ...(val(pPr, 'outlineLvl') !== undefined ? { outline: val(pPr, 'outlineLvl')! } : {}),
      ...(numPr !== undefined && val(numPr, 'numId') !== undefined ? { numId: val(numPr, 'numId')! } : {}),
      ...(numPr !== undefined && val(numPr, 'ilvl') !== undefined ? { ilvl: val(numPr, 'ilvl')! } : {}),
    }
    const text = elements(p.inner, 't').map((t) => unescapeXml(t.inner)).join('')
    return `${describe(val(pPr, 'pStyle'), own)} | ${squash(text)}`
  })
  const styleLines = [...styles.keys()]
    .filter((id) => inherited(id, 'outline') !== undefined || inherited(id, 'numId') !== undefined)
    .map((id) => describe(id, {}))
    .sort()
  return { paragraphs, styles: styleLines }
}

/** The outline of a DOCX we made ourselves (the expected side of the comparison). */
export function docxStructure(bytes: Uint8Array): DocxStructure {
  const zip = new SafeZip(bytes)
  return structureOf((name) => (zip.has(name) ? decoder.decode(zip.read(name)) : undefined))
}

/**
 * A web page saved from a browser (.html/.htm) → formatted source lines for the recognizer (see
 * rich.ts), then the junk rules like any text.
 *
 * The import worker has no DOM, so the page is read by a small tolerant parser (tags, comments,
 * raw-text elements, character references; unclosed elements closed as browsers do for the cases
 * that matter to text: <p>, <li>, table cells). It keeps the same things as pasting HTML into the
 * editor (renderer/features/paste/htmlToBlocks.ts): paragraphs, line breaks, bold/italic/
 * underline, tables, headings (h1–h6 as heading depths, like Markdown's "#").
 *
 * What is not the page's text is dropped: <head>, scripts, styles, forms and their controls,
 * images, media, frames, comments, hidden elements; <nav>, <header>, <footer>, <aside> and the
 * same roles (navigation, banner, contentinfo, complementary); elements whose id/class names a
 * menu, breadcrumb, sidebar, share bar, comment box, advert, related-links list or footer.
 *
 * The main text: the <main> or <article> holding the most text, else the element where the
 * paragraphs' text is densest (each paragraph's own text, links not counted, scores its parent
 * fully and its grandparent half — a content column wins over the page around it and over link
 * lists). A page title outside that element (an <h1> above it, else the <title> up to its " - "/
 * "_" site suffix) is put back on top when the content does not start with it or with a heading.
 */
import { BOLD, ITALIC, UNDERLINE, runsToInlines, type RichItem, type RichRun } from './rich'
import type { Inline } from '../../../shared/document/model'

interface El {
  tag: string
  attrs: Record<string, string>
  children: Node[]
  parent: El | null
}
type Node = El | string

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen'])
const RAW = new Set(['script', 'style', 'textarea', 'title', 'noscript', 'template', 'xmp', 'iframe', 'noembed', 'noframes'])
const DROP = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'img', 'picture', 'video', 'audio', 'svg', 'canvas',
  'map', 'form', 'button', 'input', 'select', 'textarea', 'label', 'nav', 'header', 'footer', 'aside', 'menu', 'dialog', 'title', 'meta', 'link',
])
const BLOCK = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'pre', 'section', 'article', 'main', 'ul', 'ol', 'dl', 'dt', 'dd',
  'figure', 'figcaption', 'address', 'center', 'hr', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption', 'body', 'html', 'font',
])
/** Opening one of these closes an open <p> (as browsers do). */
const CLOSES_P = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'dl', 'table', 'blockquote', 'pre', 'section', 'article', 'main', 'header', 'footer', 'nav', 'aside', 'hr', 'form', 'address', 'figure'])
const DROP_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'dialog'])
/** id/class words of page furniture (matched as whole words of the name: "nav", "site-footer", "breadcrumb"). */
const FURNITURE = /(?:^|[-_\s])(?:nav|navbar|navigation|menu|breadcrumbs?|crumbs?|sidebar|side|share|sharing|social|comments?|advert|ads?|ad\d*|banner|related|recommend|footer|copyright|toolbar|login|pagination|pager|tags?|hot|rank)(?:$|[-_\s\d])/i

// ---- parsing ------------------------------------------------------------------------------------

const NAMED: Record<string, string> = {
  nbsp: '\u00a0', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', ideographicspace: '\u3000',
  ldquo: '\u201c', rdquo: '\u201d', lsquo: '\u2018', rsquo: '\u2019', mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', middot: '\u00b7',
  bull: '\u2022', times: '\u00d7', divide: '\u00f7', deg: '\u00b0', plusmn: '\u00b1', permil: '\u2030', copy: '\u00a9', reg: '\u00ae',
  trade: '\u2122', sect: '\u00a7', para: '\u00b6', laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a', yen: '\u00a5',
  cent: '\u00a2', pound: '\u00a3', euro: '\u20ac', le: '\u2264', ge: '\u2265', ne: '\u2260', rarr: '\u2192', larr: '\u2190', uarr: '\u2191',
  darr: '\u2193', zwsp: '\u200b', shy: '\u00ad', frac12: '\u00bd', frac14: '\u00bc', frac34: '\u00be', sup2: '\u00b2', sup3: '\u00b3',
  alpha: '\u03b1', beta: '\u03b2', mu: '\u03bc', micro: '\u00b5', radic: '\u221a', infin: '\u221e', asymp: '\u2248', prime: '\u2032',
}

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec || hex) {
      const code = dec ? Number(dec) : parseInt(hex!, 16)
      if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd'
      return String.fromCodePoint(code)
    }
    return NAMED[name!] ?? NAMED[name!.toLowerCase()] ?? whole
  })
}

const TAG = /<(\/?)([A-Za-z][A-Za-z0-9:-]{0,40})/y
const closers = new Map<string, RegExp>()
/** The end tag of a raw-text element, found case-insensitively (one expression per tag name). */
function closingTag(tag: string): RegExp {
  let re = closers.get(tag)
  if (!re) closers.set(tag, (re = new RegExp(`</${tag}`, 'ig')))
  return re
}

const ATTR = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g

/** A tolerant HTML parse into a small element tree (root: a synthetic "#root"). Linear time. */
export function parseHtml(html: string): El {
  const root: El = { tag: '#root', attrs: {}, children: [], parent: null }
  let cur = root
  const open = (tag: string, attrs: Record<string, string>) => {
    if (CLOSES_P.has(tag)) closeUpTo('p', true)
    if (tag === 'li') closeUpTo('li', true, ['ul', 'ol'])
    if (tag === 'dt' || tag === 'dd') {
      closeUpTo('dt', true, ['dl'])
      closeUpTo('dd', true, ['dl'])
    }
    if (tag === 'tr') closeUpTo('tr', true, ['table', 'tbody', 'thead', 'tfoot'])
    if (tag === 'td' || tag === 'th') {
      closeUpTo('td', true, ['tr', 'table'])
      closeUpTo('th', true, ['tr', 'table'])
    }
    const el: El = { tag, attrs, children: [], parent: cur }
    cur.children.push(el)
    if (!VOID.has(tag)) cur = el
    return el
  }
  /** Closes the nearest open `tag` (and what is open inside it); `onlyNear`: not past a `stop` element. */
  function closeUpTo(tag: string, onlyNear = false, stop: string[] = []): void {
    for (let el: El | null = cur; el && el !== root; el = el.parent) {
      if (el.tag === tag) {
        cur = el.parent ?? root
        return
      }
      if (onlyNear && (stop.includes(el.tag) || (tag === 'p' && BLOCK.has(el.tag) && el.tag !== 'font'))) return
    }
  }
  let i = 0
  const n = html.length
  while (i < n) {
    const lt = html.indexOf('<', i)
    if (lt < 0) {
      cur.children.push(decodeEntities(html.slice(i)))
      break
    }
    if (lt > i) cur.children.push(decodeEntities(html.slice(i, lt)))
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4)
      i = end < 0 ? n : end + 3
      continue
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt)
      i = end < 0 ? n : end + 1
      continue
    }
    TAG.lastIndex = lt
    const m = TAG.exec(html)
    if (!m) {
      cur.children.push('<')
      i = lt + 1
      continue
    }
    // the tag's end: the first ">" outside quotes
    let j = lt + m[0].length
    let quote = 0
    for (; j < n; j++) {
      const c = html.charCodeAt(j)
      if (quote) {
        if (c === quote) quote = 0
      } else if (c === 0x22 || c === 0x27) quote = c
      else if (c === 0x3e) break
    }
    const tag = m[2]!.toLowerCase()
    const inside = html.slice(lt + m[0].length, j)
    i = j + 1
    if (m[1]) {
      closeUpTo(tag)
      continue
    }
    const attrs: Record<string, string> = {}
    for (const a of inside.matchAll(ATTR)) {
      const name = a[1]!.toLowerCase()
      if (!(name in attrs)) attrs[name] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '')
    }
    const el = open(tag, attrs)
    if (RAW.has(tag)) {
      const closing = closingTag(tag)
      closing.lastIndex = i
      const close = closing.exec(html)?.index ?? -1
      const end = close < 0 ? n : close
      // keep the title's text (a page title outside the content); the rest is never text
      if (tag === 'title' || tag === 'textarea') el.children.push(decodeEntities(html.slice(i, end)))
      const gt = close < 0 ? n : html.indexOf('>', close)
      i = gt < 0 ? n : gt + 1
      cur = el.parent ?? root
    }
  }
  return root
}

// ---- charset ------------------------------------------------------------------------------------

/** The charset a page declares (<meta charset>, or http-equiv Content-Type), lower-case, or null. */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096))
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head)
  return m ? m[1]!.toLowerCase() : null
}

// ---- what to keep ---------------------------------------------------------------------------------

function dropped(el: El): boolean {
  if (DROP.has(el.tag) || el.tag.includes(':')) return true
  const a = el.attrs
  if ('hidden' in a || a['aria-hidden'] === 'true') return true
  const style = a.style ?? ''
  if (/display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/i.test(style)) return true
  if (a.role && DROP_ROLES.has(a.role.toLowerCase())) return true
  const names = `${a.id ?? ''} ${a.class ?? ''}`
  return names.trim() !== '' && FURNITURE.test(names) && !/(?:^|[-_\s])(?:content|article|main|body|text|post)(?:$|[-_\s])/i.test(names)
}

function textOf(node: Node, links = true): string {
  if (typeof node === 'string') return node
  if (dropped(node) || (!links && node.tag === 'a')) return ''
  let out = ''
  for (const c of node.children) out += textOf(c, links)
  return out
}

const countChars = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '').length

function all(el: El, tag: string, out: El[] = []): El[] {
  for (const c of el.children) {
    if (typeof c === 'string') continue
    if (c.tag === tag) out.push(c)
    all(c, tag, out)
  }
  return out
}

/** The element holding the page's main text (see the header). */
export function mainContent(root: El): El {
  const body = all(root, 'body')[0] ?? root
  const landmarks = [...all(body, 'main'), ...all(body, 'article')].filter((e) => !dropped(e))
  if (landmarks.length) {
    const best = landmarks.reduce((a, b) => (countChars(textOf(b, false)) > countChars(textOf(a, false)) ? b : a))
    if (countChars(textOf(best, false)) >= 50) return best
  }
  const score = new Map<El, number>()
  const visit = (el: El) => {
    if (dropped(el)) return
    let own = ''
    for (const c of el.children) {
      if (typeof c === 'string') own += c
      else if (!BLOCK.has(c.tag) || c.tag === 'font') own += textOf(c, false)
    }
    const chars = countChars(own)
    if (chars >= 8 && el.parent) {
      score.set(el.parent, (score.get(el.parent) ?? 0) + chars)
      const grand = el.parent.parent
      if (grand) score.set(grand, (score.get(grand) ?? 0) + chars / 2)
    }
    for (const c of el.children) if (typeof c !== 'string') visit(c)
  }
  visit(body)
  let best: El = body
  let top = 0
  for (const [el, s] of score) {
    // links dilute a candidate: a list of related links is not the text
    const all = countChars(textOf(el))
    const linkShare = all ? 1 - countChars(textOf(el, false)) / all : 0
    const value = s * (1 - linkShare)
    if (value > top) {
      top = value
      best = el
    }
  }
  // a candidate whose text is a small part of the page's is too narrow: its parent holds the rest
  return best
}

// ---- items --------------------------------------------------------------------------------------

const HEADING = /^h([1-6])$/
const HAN_GAP = /([\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])[ \t\n\r\f]+(?=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])/g

export function htmlToItems(html: string): RichItem[] {
  const root = parseHtml(html)
  const content = mainContent(root)
  const items: RichItem[] = []
  let runs: RichRun[] = []
  let depth: number | undefined
  const flush = (blank: boolean) => {
    const text = runs.map((r) => r.text).join('')
    if (text.replace(/[\s\u00a0]+/g, '')) {
      const tidy = tidyRuns(runs)
      items.push(depth === undefined ? { kind: 'line', runs: tidy } : { kind: 'line', runs: tidy, depth })
      if (blank) items.push({ kind: 'blank' })
    } else if (blank && items.length && items[items.length - 1]!.kind !== 'blank') items.push({ kind: 'blank' })
    runs = []
  }
  const walk = (node: Node, marks: number, pre: boolean) => {
    if (typeof node === 'string') {
      const text = pre ? node : node.replace(/[ \t\n\r\f]+/g, ' ')
      if (pre && text.includes('\n')) {
        text.split('\n').forEach((part, k) => {
          if (k > 0) flush(false)
          if (part) runs.push({ text: part, marks })
        })
      } else if (text) runs.push({ text, marks })
      return
    }
    if (dropped(node)) return
    const tag = node.tag
    if (tag === 'br') return flush(false)
    if (tag === 'table') {
      flush(true)
      const rows = tableRows(node)
      if (rows.length) items.push({ kind: 'table', rows }, { kind: 'blank' })
      return
    }
    const h = HEADING.exec(tag)
    const isBlock = BLOCK.has(tag) && tag !== 'font'
    if (isBlock) flush(true)
    if (h) depth = Number(h[1])
    const m = marks | (tag === 'b' || tag === 'strong' || /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(node.attrs.style ?? '') ? BOLD : 0) | (tag === 'i' || tag === 'em' ? ITALIC : 0) | (tag === 'u' || tag === 'ins' ? UNDERLINE : 0)
    for (const c of node.children) walk(c, m, pre || tag === 'pre')
    if (isBlock) flush(true)
    if (h) depth = undefined
  }
  walk(content, 0, false)
  flush(true)

  // the page's title, when the content does not start with it
  // (not when the content starts with a heading of its own: that is its title)
  const first = items.find((i) => i.kind === 'line')
  const firstText = first && first.kind === 'line' ? first.runs.map((r) => r.text).join('').trim() : ''
  const title = first?.kind === 'line' && first.depth !== undefined && first.depth <= 2 ? '' : pageTitle(root, content)
  if (title.length >= 4 && !firstText.includes(title)) items.unshift({ kind: 'line', runs: [{ text: title, marks: 0 }] }, { kind: 'blank' })
  return items
}

/** The title above the content: the last <h1> (else <h2>) before it, else the <title> without its site suffix. */
function pageTitle(root: El, content: El): string {
  const inside = (el: El) => {
    for (let e: El | null = el; e; e = e.parent) if (e === content) return true
    return false
  }
  let before: El | null = null
  let done = false
  const find = (el: El) => {
    if (done) return
    if (el === content) return void (done = true)
    if (dropped(el)) return
    if ((el.tag === 'h1' || el.tag === 'h2') && !inside(el) && (!before || el.tag <= before.tag)) before = el
    for (const c of el.children) if (typeof c !== 'string') find(c)
  }
  find(root)
  const heading = before ? clean(textOf(before)) : ''
  if (heading && heading.length <= 80) return heading
  const titleEl = all(root, 'title')[0]
  const title = titleEl ? clean(titleEl.children.filter((c): c is string => typeof c === 'string').join('')) : ''
  return title.split(/\s*(?:_|\||｜| - | — |－)\s*/)[0]!.trim().slice(0, 80)
}

const clean = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').replace(HAN_GAP, '$1').trim()

/** Blanks HTML wrapping put between Chinese characters go; a line's own ends are trimmed. */
function tidyRuns(runs: RichRun[]): RichRun[] {
  const out = runs.map((r) => ({ ...r, text: r.text.replace(/\u00a0/g, ' ').replace(HAN_GAP, '$1') }))
  const CJK = /[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]/
  for (let k = 0; k + 1 < out.length; k++) {
    const a = out[k]!
    const b = out[k + 1]!
    const aTrim = a.text.replace(/[ \t]+$/, '')
    const bTrim = b.text.replace(/^[ \t]+/, '')
    if (CJK.test(aTrim.slice(-1)) && CJK.test(bTrim.slice(0, 1))) {
      a.text = aTrim
      b.text = bTrim
    }
  }
  if (out[0]) out[0].text = out[0].text.replace(/^ +/, '')
  const last = out[out.length - 1]
  if (last) last.text = last.text.replace(/ +$/, '')
  return out.filter((r) => r.text)
}

function tableRows(table: El): Inline[][][] {
  const rows: Inline[][][] = []
  const collectRows = (el: El) => {
    for (const c of el.children) {
      if (typeof c === 'string' || dropped(c)) continue
      if (c.tag === 'tr') {
        const cells = c.children.filter((x): x is El => typeof x !== 'string' && (x.tag === 'td' || x.tag === 'th')).map(cellInlines)
        if (cells.length) rows.push(cells)
      } else if (c.tag !== 'table') collectRows(c)
    }
  }
  collectRows(table)
  return rows
}

/** A cell's paragraphs and line breaks as lines separated by "\n". */
function cellInlines(cell: El): Inline[] {
  const items = htmlLines(cell)
  const runs: RichRun[] = []
  items.forEach((line, i) => {
    if (i > 0) runs.push({ text: '\n', marks: 0 })
    runs.push(...line)
  })
  return runsToInlines(runs)
}

function htmlLines(el: El): RichRun[][] {
  const lines: RichRun[][] = []
  let runs: RichRun[] = []
  const flush = () => {
    if (runs.some((r) => r.text.trim())) lines.push(tidyRuns(runs))
    runs = []
  }
  const walk = (node: Node, marks: number) => {
    if (typeof node === 'string') {
      const text = node.replace(/[ \t\n\r\f]+/g, ' ')
      if (text) runs.push({ text, marks })
      return
    }
    if (dropped(node)) return
    if (node.tag === 'br') return flush()
    const isBlock = BLOCK.has(node.tag) && node.tag !== 'font'
    if (isBlock) flush()
    const m = marks | (node.tag === 'b' || node.tag === 'strong' ? BOLD : 0) | (node.tag === 'i' || node.tag === 'em' ? ITALIC : 0) | (node.tag === 'u' ? UNDERLINE : 0)
    for (const c of node.children) walk(c, m)
    if (isBlock) flush()
  }
  for (const c of el.children) walk(c, 0)
  flush()
  return lines
}

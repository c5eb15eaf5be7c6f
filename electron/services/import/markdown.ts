/**
 * Markdown → formatted source lines for the recognizer (see rich.ts). A pragmatic reading of the
 * Markdown that writers and chat tools produce, not a full CommonMark parser:
 *
 *   "#"–"######" headings (with or without the space after "#") and setext headings ("===", "---"
 *     under a line) → heading depths; rich.ts turns depths into levels 1–4 (a lone "#" title on
 *     the first line is the title, "##" sections under it are level 1).
 *   "**bold**", "*italic*", "***both***" → marks; "<u>underline</u>" (and <b>/<strong>, <i>/<em>) too.
 *   "_" and "__" are NOT emphasis: in these documents "____" and "20__年" are blanks to fill in, and
 *     the recognizer turns them into unfilled figures. A "**" without a closing "**" on the same line
 *     stays literal for the same reason ("**镇" is a placeholder).
 *   lists: "-", "*", "+" bullets are dropped and the item is a paragraph; "1." / "1、" items keep
 *     their number, which the recognizer reads as a heading marker like any typed "1.".
 *   "> " quote marks are dropped; fenced code keeps its lines as plain text; "---"/"***" rules,
 *     images, HTML comments and a leading YAML front matter are dropped; links keep their text;
 *     `code` keeps its text; "\*" escapes are honoured; other HTML tags are removed, text kept.
 *   GFM pipe tables (a header row, a "|---|" row, body rows) → table blocks.
 *   Line breaks are left to the recognizer (it joins hard-wrapped lines the same way as in .txt).
 */
import type { Inline } from '../../../shared/document/model'
import { BOLD, ITALIC, UNDERLINE, runsToInlines, type RichItem, type RichRun } from './rich'

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|(?=[^#\s]))(.*?)(?:[ \t]+#+)?[ \t]*$/
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const FENCE = /^ {0,3}(`{3,}|~{3,})/
const BULLET = /^[ \t]*[-*+][ \t]+/
const QUOTE = /^[ \t]{0,3}>[ \t]?/
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/

export function markdownToItems(text: string): RichItem[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n')
  const items: RichItem[] = []
  let i = 0
  // YAML front matter: "---" on the first line up to the next "---"
  if (lines[0]?.trim() === '---') {
    const close = lines.findIndex((l, k) => k > 0 && k < 60 && (l.trim() === '---' || l.trim() === '...'))
    if (close > 0) i = close + 1
  }
  let fence: string | null = null
  for (; i < lines.length; i++) {
    let line = lines[i]!
    if (fence !== null) {
      if (line.trim().startsWith(fence)) fence = null
      else items.push(line.trim() ? { kind: 'line', runs: [{ text: line, marks: 0 }] } : { kind: 'blank' })
      continue
    }
    const fenceOpen = FENCE.exec(line)
    if (fenceOpen) {
      fence = fenceOpen[1]!
      continue
    }
    while (QUOTE.test(line)) line = line.replace(QUOTE, '')
    if (!line.trim()) {
      items.push({ kind: 'blank' })
      continue
    }
    const atx = ATX.exec(line)
    if (atx) {
      items.push({ kind: 'line', runs: parseInline(atx[2]!), depth: atx[1]!.length })
      continue
    }
    const next = lines[i + 1]
    if (next !== undefined && line.includes('|') && TABLE_DELIMITER.test(next) && next.includes('-')) {
      const rows: Inline[][][] = [splitRow(line)]
      i += 2
      while (i < lines.length && lines[i]!.includes('|') && lines[i]!.trim()) rows.push(splitRow(lines[i++]!))
      i--
      items.push({ kind: 'table', rows })
      continue
    }
    if (RULE.test(line)) continue
    if (next !== undefined && SETEXT.test(next) && !BULLET.test(line)) {
      items.push({ kind: 'line', runs: parseInline(line), depth: next.trim().startsWith('=') ? 1 : 2 })
      i++
      continue
    }
    line = line.replace(BULLET, '').replace(/^\[[ xX]\][ \t]+/, '')
    items.push({ kind: 'line', runs: parseInline(line) })
  }
  return items
}

function splitRow(line: string): Inline[][] {
  let row = line.trim()
  if (row.startsWith('|')) row = row.slice(1)
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1)
  const cells: string[] = []
  let cell = ''
  for (let k = 0; k < row.length; k++) {
    if (row[k] === '\\' && row[k + 1] === '|') {
      cell += '|'
      k++
    } else if (row[k] === '|') {
      cells.push(cell)
      cell = ''
    } else cell += row[k]
  }
  cells.push(cell)
  return cells.map((c) => runsToInlines(parseInline(c.trim().replace(/<br\s*\/?>/gi, '\n'))))
}

const ESCAPABLE = new Set([...'\\`*_{}[]()#+-.!|<>~'])
const TAGS: Record<string, number> = { u: UNDERLINE, ins: UNDERLINE, b: BOLD, strong: BOLD, i: ITALIC, em: ITALIC }

/** Inline Markdown → runs with marks (see the header for what is read). */
export function parseInline(source: string): RichRun[] {
  const runs: RichRun[] = []
  const emit = (text: string, marks: number) => {
    if (!text) return
    const last = runs[runs.length - 1]
    if (last && last.marks === marks) last.text += text
    else runs.push({ text, marks })
  }
  const walk = (s: string, marks: number) => {
    let plain = ''
    const flush = () => {
      emit(plain, marks)
      plain = ''
    }
    for (let k = 0; k < s.length; ) {
      const ch = s[k]!
      if (ch === '\\' && k + 1 < s.length && ESCAPABLE.has(s[k + 1]!)) {
        plain += s[k + 1]
        k += 2
        continue
      }
      if (ch === '`') {
        const ticks = /^`+/.exec(s.slice(k))![0]
        const close = s.indexOf(ticks, k + ticks.length)
        if (close > 0) {
          plain += s.slice(k + ticks.length, close).trim()
          k = close + ticks.length
          continue
        }
      }
      if (ch === '!' && s[k + 1] === '[') {
        const link = matchLink(s, k + 1)
        if (link) {
          k = link.end // images are dropped
          continue
        }
      }
      if (ch === '[') {
        const link = matchLink(s, k)
        if (link) {
          flush()
          walk(link.label, marks)
          k = link.end
          continue
        }
      }
      if (ch === '<') {
        const comment = s.startsWith('<!--', k) ? s.indexOf('-->', k + 4) : -1
        if (comment >= 0) {
          k = comment + 3
          continue
        }
        const auto = /^<((?:https?|mailto):[^\s<>]+)>/i.exec(s.slice(k))
        if (auto) {
          plain += auto[1]
          k += auto[0].length
          continue
        }
        const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?\/?>/.exec(s.slice(k))
        if (tag) {
          const name = tag[2]!.toLowerCase()
          const bit = TAGS[name]
          if (bit && !tag[1]) {
            const close = s.toLowerCase().indexOf(`</${name}>`, k + tag[0].length)
            if (close > 0) {
              flush()
              walk(s.slice(k + tag[0].length, close), marks | bit)
              k = close + name.length + 3
              continue
            }
          }
          if (name === 'br') plain += ' '
          k += tag[0].length // other tags (and unpaired ones) are removed, their text kept
          continue
        }
      }
      if (ch === '*') {
        let end = k
        while (s[end] === '*') end++
        const run = s.slice(k, end)
        const inner = s[end]
        if (run.length <= 3 && inner !== undefined && !/\s/.test(inner)) {
          const close = findCloser(s, end, run.length)
          if (close > 0) {
            flush()
            const bits = run.length === 1 ? ITALIC : run.length === 2 ? BOLD : BOLD | ITALIC
            walk(s.slice(k + run.length, close), marks | bits)
            k = close + run.length
            continue
          }
        }
        plain += run
        k += run.length
        continue
      }
      if (ch === '~' && s[k + 1] === '~') {
        const close = s.indexOf('~~', k + 2)
        if (close > k + 2) {
          flush()
          walk(s.slice(k + 2, close), marks) // no strikethrough in the model: the text stays
          k = close + 2
          continue
        }
      }
      plain += ch
      k++
    }
    flush()
  }
  walk(source, 0)
  return runs
}

/** The closing run of exactly n "*", preceded by a non-blank, on the same line; -1 if none. */
function findCloser(s: string, from: number, n: number): number {
  for (let k = from + 1; k < s.length; ) {
    if (s[k] !== '*') {
      k++
      continue
    }
    let end = k
    while (s[end] === '*') end++
    if (end - k === n && !/\s/.test(s[k - 1]!) && s[k - 1] !== '\\') return k
    k = end
  }
  return -1
}

/** "[label](target)" starting at `at`; nested brackets in the label are allowed one level deep. */
function matchLink(s: string, at: number): { label: string; end: number } | null {
  let depth = 0
  let k = at
  for (; k < s.length; k++) {
    if (s[k] === '\\') {
      k++
      continue
    }
    if (s[k] === '[') depth++
    else if (s[k] === ']' && --depth === 0) break
  }
  if (k >= s.length || s[k + 1] !== '(') return null
  const close = s.indexOf(')', k + 2)
  if (close < 0) return null
  return { label: s.slice(at + 1, k), end: close + 1 }
}

/**
 * Plain text and Markdown, with the heading numbers written out.
 *
 * TXT: UTF-8 with a byte-order mark and CRLF line ends (Notepad, WPS and old Windows tools read it
 * right); the title, then every paragraph and heading indented two ideographic spaces as printed;
 * table cells separated by tabs; the signature and date at the end.
 * Markdown: "# 标题", "## 一、…" to "##### （1）…"; a run-in heading is one paragraph whose heading
 * part is bold; GFM tables; marks as **bold**, *italic*, <u>underline</u>.
 */
import type { OutputDocument, Run } from './prepare'
import { runsText } from './prepare'

const INDENT = '\u3000\u3000'

export function renderText(out: OutputDocument): string {
  const lines: string[] = [...out.titleLines]
  if (out.subtitle) lines.push(out.subtitle)
  lines.push('')
  for (const b of out.blocks) {
    switch (b.kind) {
      case 'heading':
        lines.push(INDENT + b.number + runsText(b.title) + (b.body ? runsText(b.body) : ''))
        break
      case 'paragraph': {
        const text = runsText(b.runs)
        lines.push(text ? text.split('\n').map((l, i) => (i === 0 && !b.addressee ? INDENT + l : l)).join('\n') : '')
        break
      }
      case 'table':
        for (const row of b.rows) lines.push(row.map((c) => runsText(c).replace(/\n/g, ' ')).join('\t'))
        break
      case 'figureTable':
        lines.push(b.caption, b.header.join('\t'), ...b.rows.map((r) => r.join('\t')))
        break
      case 'pageBreak':
        lines.push('\f')
        break
    }
  }
  if (out.signature) {
    lines.push('')
    if (out.signature.organization) lines.push(out.signature.organization)
    if (out.signature.date) lines.push(out.signature.date)
  }
  if (out.final) lines.push('', `定稿 ${out.final.short}（${out.final.name}）`)
  return '\uFEFF' + lines.join('\n').replace(/\n/g, '\r\n') + '\r\n'
}

/** Escapes text so Markdown shows it as written. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2')
}

function markdownRuns(runs: readonly Run[]): string {
  let out = ''
  for (const r of runs) {
    let t = escapeMarkdown(r.text).replace(/\n/g, '  \n')
    if (!t.trim()) {
      out += t
      continue
    }
    // CommonMark's ** and * do not close after CJK punctuation before a letter ("**责任。**与"): HTML then
    const safe = !/^[\p{P}\s]|[\p{P}\s]$/u.test(r.text)
    if (r.underline) t = `<u>${t}</u>`
    if (r.italic) t = safe ? `*${t}*` : `<em>${t}</em>`
    if (r.bold) t = safe ? `**${t}**` : `<strong>${t}</strong>`
    out += t
  }
  return out
}

const tableCell = (s: string) => s.replace(/\n/g, '<br>').replace(/\|/g, '\\|') || ' '

function markdownTable(rows: readonly string[][]): string[] {
  const width = Math.max(1, ...rows.map((r) => r.length))
  const pad = (r: readonly string[]) => [...r, ...Array<string>(width - r.length).fill('')]
  const [head = [], ...rest] = rows
  return [
    `| ${pad(head).map(tableCell).join(' | ')} |`,
    `| ${Array<string>(width).fill('---').join(' | ')} |`,
    ...rest.map((r) => `| ${pad(r).map(tableCell).join(' | ')} |`),
  ]
}

export function renderMarkdown(out: OutputDocument): string {
  const parts: string[] = [`# ${escapeMarkdown(out.titleLines.join(''))}`]
  if (out.subtitle) parts.push(escapeMarkdown(out.subtitle))
  for (const b of out.blocks) {
    switch (b.kind) {
      case 'heading': {
        if (b.body) parts.push(`<strong>${b.number}${markdownRuns(b.title.map((r) => ({ ...r, bold: false })))}</strong>${markdownRuns(b.body)}`)
        else parts.push(`${'#'.repeat(b.level + 1)} ${b.number}${markdownRuns(b.title)}`)
        break
      }
      case 'paragraph': {
        const text = markdownRuns(b.runs)
        if (text.trim()) parts.push(text)
        break
      }
      case 'table':
        if (b.rows.length) parts.push(markdownTable(b.rows.map((r) => r.map((c) => markdownRuns(c)))).join('\n'))
        break
      case 'figureTable':
        parts.push(`**${escapeMarkdown(b.caption)}**`, markdownTable([b.header, ...b.rows.map((r) => r.map(escapeMarkdown))]).join('\n'))
        break
      case 'pageBreak':
        parts.push('<div style="page-break-after: always"></div>')
        break
    }
  }
  if (out.signature) {
    const sig = [out.signature.organization, out.signature.date].filter(Boolean).map((s) => escapeMarkdown(s!))
    if (sig.length) parts.push(`<div align="right">\n\n${sig.join('  \n')}\n\n</div>`)
  }
  if (out.final) parts.push(`<!-- 定稿 ${out.final.fingerprint} -->`)
  return parts.join('\n\n') + '\n'
}

/**
 * RTF → plain text for the recognizer. Many ".doc" files found on the web, and what Word or WPS
 * save as "RTF", are this format. Only the body's text is read: groups that are not text
 * (font and colour tables, styles, document info, pictures, objects, headers, footers, footnotes,
 * field instructions, bookmarks, list tables …) are skipped; paragraphs and line breaks end lines,
 * table cells are tab-separated. Characters: "\uN" (Unicode, its fallback skipped per "\ucN") and
 * "\'hh" bytes in the code page of the current font ("\fcharset134" GBK, 136 Big5, 128 Shift-JIS)
 * or of the document ("\ansicpgN"). Linear time; no nesting limit is needed (a stack of states).
 */

/** Destinations whose text is not the body's. */
const SKIP = new Set([
  'fonttbl', 'colortbl', 'stylesheet', 'info', 'pict', 'object', 'header', 'headerl', 'headerr', 'headerf', 'footer', 'footerl', 'footerr',
  'footerf', 'footnote', 'fldinst', 'bkmkstart', 'bkmkend', 'listtable', 'listoverridetable', 'rsidtbl', 'generator', 'xmlnstbl', 'themedata',
  'colorschememapping', 'latentstyles', 'datastore', 'pgdsctbl', 'revtbl', 'filetbl', 'mmathPr', 'annotation', 'atnid', 'atnauthor',
  'shppict', 'nonshppict', 'shpinst', 'sp', 'datafield', 'formfield', 'template', 'userprops', 'docvar', 'wgrffmtfilter', 'ftnsep', 'ftnsepc',
  'aftnsep', 'aftnsepc', 'operator', 'author', 'title', 'subject', 'keywords', 'comment', 'company', 'creatim', 'revtim', 'printim',
])

const SYMBOLS: Record<string, string> = {
  par: '\n', line: '\n', sect: '\n', page: '\n', row: '\n', tab: '\t', cell: '\t', emdash: '\u2014', endash: '\u2013', emspace: '\u2003',
  enspace: '\u2002', qmspace: '\u2005', lquote: '\u2018', rquote: '\u2019', ldblquote: '\u201c', rdblquote: '\u201d', bullet: '\u2022',
}

/** \fcharset → encoding; ANSI (0) and the others not listed follow the document's \ansicpg. */
const CHARSETS: Record<number, string> = { 134: 'gbk', 136: 'big5', 128: 'shift_jis', 129: 'euc-kr', 238: 'windows-1250', 204: 'windows-1251' }
const CODEPAGES: Record<number, string> = { 936: 'gbk', 950: 'big5', 932: 'shift_jis', 949: 'euc-kr', 1252: 'windows-1252', 1250: 'windows-1250', 1251: 'windows-1251', 54936: 'gb18030' }

interface State {
  skip: boolean
  /** fallback characters after \uN */
  uc: number
  /** the encoding of \'hh bytes: the current font's, else the document's */
  encoding: string | null
}

export function rtfToText(bytes: Uint8Array): string {
  const src = new TextDecoder('latin1').decode(bytes)
  const out: string[] = []
  const pending: number[] = []
  let docEncoding = 'windows-1252'
  const fontEncoding = new Map<number, string>()
  let state: State = { skip: false, uc: 1, encoding: null }
  const stack: State[] = []
  let skipFallback = 0
  // inside the font table: the font being declared
  let declaringFont: number | null = null
  let inFontTable = 0

  const flushBytes = () => {
    if (!pending.length) return
    const label = state.encoding ?? docEncoding
    let decoded: string
    try {
      decoded = new TextDecoder(label).decode(new Uint8Array(pending))
    } catch {
      decoded = new TextDecoder('windows-1252').decode(new Uint8Array(pending))
    }
    out.push(decoded)
    pending.length = 0
  }
  const emit = (text: string) => {
    flushBytes()
    if (!state.skip) out.push(text)
  }

  const n = src.length
  let i = 0
  while (i < n) {
    const c = src[i]!
    if (c === '{') {
      flushBytes()
      stack.push(state)
      state = { ...state }
      if (inFontTable) inFontTable++
      i++
      // "{\*\dest …}": a destination a reader may skip
      if (src.startsWith('\\*', i)) {
        state.skip = true
        i += 2
      }
      continue
    }
    if (c === '}') {
      flushBytes()
      state = stack.pop() ?? state
      if (inFontTable) inFontTable--
      i++
      continue
    }
    if (c === '\r' || c === '\n') {
      i++
      continue
    }
    if (c !== '\\') {
      if (skipFallback > 0) skipFallback--
      else if (!state.skip) emit(c)
      i++
      continue
    }
    // a control word or symbol
    const next = src[i + 1]
    if (next === undefined) break
    if (next === "'") {
      const hex = src.slice(i + 2, i + 4)
      i += 4
      if (skipFallback > 0) {
        skipFallback--
        continue
      }
      if (!state.skip && /^[0-9a-fA-F]{2}$/.test(hex)) pending.push(parseInt(hex, 16))
      continue
    }
    if (!/[A-Za-z]/.test(next)) {
      i += 2
      if (skipFallback > 0) {
        skipFallback--
        continue
      }
      if (next === '\\' || next === '{' || next === '}') emit(next)
      else if (next === '~') emit('\u00a0')
      else if (next === '_') emit('\u2011')
      else if (next === '\n' || next === '\r') emit('\n')
      continue
    }
    let j = i + 1
    while (j < n && /[A-Za-z]/.test(src[j]!)) j++
    const word = src.slice(i + 1, j)
    let k = j
    if (src[k] === '-' || /[0-9]/.test(src[k] ?? '')) {
      k++
      while (k < n && /[0-9]/.test(src[k]!)) k++
    }
    const param = k > j ? Number(src.slice(j, k)) : null
    if (src[k] === ' ') k++
    i = k

    if (word === 'bin' && param !== null) {
      i += Math.max(0, param)
      continue
    }
    if (word === 'u' && param !== null) {
      emit(String.fromCharCode(param < 0 ? param + 65536 : param))
      skipFallback = state.uc
      continue
    }
    skipFallback = 0
    if (word === 'uc' && param !== null) state.uc = param
    else if (word === 'ansicpg' && param !== null) docEncoding = CODEPAGES[param] ?? docEncoding
    else if (word === 'fonttbl') {
      state.skip = true
      inFontTable = 1
    } else if (inFontTable && word === 'f' && param !== null) declaringFont = param
    else if (inFontTable && word === 'fcharset' && param !== null && declaringFont !== null) {
      const enc = CHARSETS[param]
      if (enc) fontEncoding.set(declaringFont, enc)
    } else if (word === 'f' && param !== null) {
      flushBytes()
      state.encoding = fontEncoding.get(param) ?? null
    } else if (SKIP.has(word)) state.skip = true
    else if (word === 'pard' || word === 'plain') {
      // formatting resets: nothing to do for text
    } else if (SYMBOLS[word] !== undefined) emit(SYMBOLS[word]!)
  }
  flushBytes()
  return out.join('').replace(/[ \t]+$/gm, '')
}

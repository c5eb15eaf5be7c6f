/**
 * JSON.parse that also says on which line each object starts, and on which line a syntax error
 * is. Used to report a bad snippet in an import file by its line.
 */
import { msg, type Message } from '../errors/message'
import { messageText } from '../i18n/format'

export class JsonSyntaxError extends Error {
  /** `reason`: what is wrong at that line (a `json.*` message) */
  constructor(readonly line: number, readonly reason: Message) {
    super(messageText(msg('snippetFile.badJson', { line }, { reason })))
    this.name = 'JsonSyntaxError'
  }
}

export function parseJsonWithLines(text: string): { value: unknown; lineOf: WeakMap<object, number> } {
  const lineOf = new WeakMap<object, number>()
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  const fail = (reason: Message): never => {
    throw new JsonSyntaxError(line, reason)
  }
  const ws = () => {
    for (;;) {
      const c = text[i]
      if (c === '\n') line++
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++
      else break
    }
  }
  const str = (): string => {
    i++ // opening quote
    let out = ''
    for (;;) {
      if (i >= text.length) fail(msg('json.unterminatedString'))
      const c = text[i]!
      if (c === '"') {
        i++
        return out
      }
      if (c === '\n') fail(msg('json.lineBreakInString'))
      if (c === '\\') {
        const e = text[i + 1]
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail(msg('json.badUnicodeEscape'))
          out += String.fromCharCode(parseInt(hex, 16))
          i += 6
        } else if (e !== undefined && e in map) {
          out += map[e]
          i += 2
        } else fail(msg('json.badEscape'))
        continue
      }
      out += c
      i++
    }
  }
  /** At the `{` or `[` of `container`: notes its line and steps in; true when it closes at once (empty). */
  const opens = (container: object, close: '}' | ']'): boolean => {
    lineOf.set(container, line)
    i++
    ws()
    if (text[i] !== close) return false
    i++
    return true
  }
  /** After a member of an object or array: a comma (false, more follow) or its closing `close` (true). */
  const closes = (close: '}' | ']', problem: 'json.expectedCommaOrBrace' | 'json.expectedCommaOrBracket'): boolean => {
    ws()
    if (text[i] === ',') {
      i++
      return false
    }
    if (text[i] !== close) fail(msg(problem))
    i++
    return true
  }
  const value = (): unknown => {
    ws()
    const c = text[i]
    if (c === '{') {
      const obj: Record<string, unknown> = {}
      if (opens(obj, '}')) return obj
      for (;;) {
        ws()
        if (text[i] !== '"') fail(msg('json.expectedKey'))
        const key = str()
        ws()
        if (text[i] !== ':') fail(msg('json.expectedColon'))
        i++
        obj[key] = value()
        if (closes('}', 'json.expectedCommaOrBrace')) return obj
      }
    }
    if (c === '[') {
      const arr: unknown[] = []
      if (opens(arr, ']')) return arr
      for (;;) {
        arr.push(value())
        if (closes(']', 'json.expectedCommaOrBracket')) return arr
      }
    }
    if (c === '"') return str()
    const rest = text.slice(i, i + 40)
    const lit = /^(true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(rest)
    if (!lit) fail(i >= text.length ? msg('json.unexpectedEnd') : msg('json.unexpectedChar', { char: text[i]! }))
    i += lit![0].length
    return JSON.parse(lit![0])
  }
  const result = value()
  ws()
  if (i < text.length) fail(msg('json.extraContent'))
  return { value: result, lineOf }
}

/**
 * JSON.parse that also says on which line each object starts, and on which line a syntax error
 * is. Used to report a bad snippet in an import file by its line.
 */

export class JsonSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message)
    this.name = 'JsonSyntaxError'
  }
}

export function parseJsonWithLines(text: string): { value: unknown; lineOf: WeakMap<object, number> } {
  const lineOf = new WeakMap<object, number>()
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  let line = 1
  const fail = (message: string): never => {
    throw new JsonSyntaxError(line, `第 ${line} 行：JSON 格式有误（${message}）/ line ${line}: invalid JSON (${message})`)
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
      if (i >= text.length) fail('字符串没有结束 / unterminated string')
      const c = text[i]!
      if (c === '"') {
        i++
        return out
      }
      if (c === '\n') fail('字符串里有换行 / line break inside a string')
      if (c === '\\') {
        const e = text[i + 1]
        const map: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('\\u 后要有四位十六进制数 / bad \\u escape')
          out += String.fromCharCode(parseInt(hex, 16))
          i += 6
        } else if (e !== undefined && e in map) {
          out += map[e]
          i += 2
        } else fail('不认识的转义 / bad escape')
        continue
      }
      out += c
      i++
    }
  }
  const value = (): unknown => {
    ws()
    const c = text[i]
    if (c === '{') {
      const obj: Record<string, unknown> = {}
      lineOf.set(obj, line)
      i++
      ws()
      if (text[i] === '}') {
        i++
        return obj
      }
      for (;;) {
        ws()
        if (text[i] !== '"') fail('这里应为带引号的键名 / expected a quoted key')
        const key = str()
        ws()
        if (text[i] !== ':') fail('键名后应为冒号 / expected ":"')
        i++
        obj[key] = value()
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return obj
        }
        fail('这里应为逗号或 } / expected "," or "}"')
      }
    }
    if (c === '[') {
      const arr: unknown[] = []
      lineOf.set(arr, line)
      i++
      ws()
      if (text[i] === ']') {
        i++
        return arr
      }
      for (;;) {
        arr.push(value())
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return arr
        }
        fail('这里应为逗号或 ] / expected "," or "]"')
      }
    }
    if (c === '"') return str()
    const rest = text.slice(i, i + 40)
    const lit = /^(true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(rest)
    if (!lit) fail(i >= text.length ? '文件意外结束 / unexpected end' : `意外的字符 “${text[i]}” / unexpected character`)
    i += lit![0].length
    return JSON.parse(lit![0])
  }
  const result = value()
  ws()
  if (i < text.length) fail('数据结束后还有多余内容 / extra content after the data')
  return { value: result, lineOf }
}

/**
 * Full-width (全角) and half-width (半角) forms. Folding is one UTF-16 unit for one, so an offset
 * in folded text is the same offset in the original.
 */

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/

/**
 * Full-width ASCII forms (Ａ１，．％) → ASCII and the ideographic space U+3000 → space; everything
 * else unchanged ("１２．５％" → "12.5%"). For reading and comparing text, never for rewriting
 * what the writer typed.
 */
export function toHalfWidth(text: string): string {
  if (!FULL_WIDTH.test(text)) return text
  let out = ''
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0)
    else if (c === 0x3000) out += ' '
    else out += text[i]
  }
  return out
}

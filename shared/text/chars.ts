/**
 * Character classes of Chinese text. They take one UTF-16 code unit unless the name says code
 * point, so scanners that walk a string unit by unit stay linear-time.
 */

/** Han ideographs (CJK Unified, Extension A, Compatibility, and 〇) — Traditional ones too. */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3007 // 〇
  )
}

/** Han ideographs including the supplementary planes (CJK Extension B and later). */
export function isHanCodePoint(cp: number): boolean {
  return isHan(cp) || (cp >= 0x20000 && cp <= 0x3134f)
}

/** Anything from the CJK blocks on: Han, kana, full-width punctuation and forms. */
export function isCjk(code: number): boolean {
  return code >= 0x2e80
}

/**
 * Punctuation that is unambiguously Chinese (or East Asian): CJK symbols and punctuation
 * 、。〈〉《》「」『』【】〔〕…, vertical and compatibility forms, and the full-width forms of ASCII
 * punctuation ，：；！？（）… — but not the full-width digits and letters, and not the ideographic
 * space U+3000.
 */
export function isCjkPunctuation(c: number): boolean {
  return (
    (c >= 0x3001 && c <= 0x303f && c !== 0x3007) ||
    (c >= 0xfe10 && c <= 0xfe1f) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65)
  )
}

/** Punctuation Chinese text uses but Western text shares: “ ” ‘ ’ … — ·. */
export function isSharedPunctuation(c: number): boolean {
  return c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026 || c === 0x2014 || c === 0x00b7
}

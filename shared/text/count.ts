/** 字数: how long a text is, the way Chinese writers count. */

/**
 * Character count the way Chinese writers (and Word's 字数) count: every Han character and every
 * full-width or Chinese punctuation mark (，。“”……——) counts one; a run of other non-space
 * characters (a Latin word, a number such as 560 or 3.5%, "e.g.") counts one; whitespace none.
 */
export function countCharacters(text: string): number {
  let count = 0
  let inWord = false
  for (const ch of text) {
    const cp = ch.codePointAt(0)!
    if (cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x3000 || cp === 0xa0) {
      inWord = false
    } else if (isEastAsianCounted(cp)) {
      count++
      inWord = false
    } else if (!inWord) {
      count++
      inWord = true
    }
  }
  return count
}

/**
 * Han, kana, hangul, CJK and full-width punctuation, and the general punctuation Chinese text uses.
 * Wider than isHan/isCjkPunctuation on purpose: Word counts each of these one, “ ” and — included.
 */
function isEastAsianCounted(cp: number): boolean {
  return (
    (cp >= 0x2010 && cp <= 0x206f) || // — ‘ ’ “ ” … (general punctuation)
    (cp >= 0x2e80 && cp <= 0x9fff) || // CJK radicals, punctuation 。、《》, kana, Han
    (cp >= 0xac00 && cp <= 0xd7af) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff01 && cp <= 0xff60) || // full-width forms （），：；！？０-９
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3ffff)
  )
}

/**
 * Traditional ⇄ Simplified Chinese (繁简转换) with OpenCC (opencc-js, pure JavaScript).
 *
 * Which conversions:
 *  - Traditional → Simplified: OpenCC "tw → cn" then "hk → cn". Each first maps its region's
 *    variant characters to OpenCC's standard Traditional (裡/裏 → 裏, 衞 → 衛 …) and then converts
 *    to Simplified, so standard, Taiwan and Hong Kong text all come out Simplified. Characters
 *    only: no regional phrase replacement (軟體 stays 软体, not 软件) — the writer's words stay theirs.
 *    On text that is already Simplified it changes nothing (checked against real summaries).
 *  - Simplified → Traditional: OpenCC "cn → t" (OpenCC standard Traditional, 繁體標準) by default;
 *    `variant: 'tw'` or `'hk'` gives Taiwan or Hong Kong character forms. No phrase replacement
 *    either (never 'twp').
 *
 * The dictionaries are large (the Simplified → Traditional one is about 1 MB), so they are loaded
 * on first use with a dynamic import — a separate chunk in the renderer's Vite build — and cached.
 * Figure references are never converted: the document walker hands the converter only text.
 */
import type { TextEdit } from './edits'
import { diffEdits } from './edits'
import { FIGURE_MARK } from './chars'

export type ChineseDirection = 't2s' | 's2t'
/** Target forms of Simplified → Traditional: OpenCC standard, Taiwan, Hong Kong. */
export type TraditionalVariant = 't' | 'tw' | 'hk'
export type TextConverter = (text: string) => string

const cache = new Map<string, Promise<TextConverter>>()

/** The converter for one direction, loading its dictionaries on first use. */
export function loadChineseConverter(direction: ChineseDirection, variant: TraditionalVariant = 't'): Promise<TextConverter> {
  const key = direction === 't2s' ? 't2s' : `s2${variant}`
  let pending = cache.get(key)
  if (!pending) {
    pending = direction === 't2s'
      ? import('opencc-js/t2cn').then((m): TextConverter => {
        const fromTaiwan = m.Converter({ from: 'tw', to: 'cn' })
        const fromHongKong = m.Converter({ from: 'hk', to: 'cn' })
        return (text) => fromHongKong(fromTaiwan(text))
      })
      : import('opencc-js/cn2t').then((m): TextConverter => m.Converter({ from: 'cn', to: variant }))
    pending.catch(() => cache.delete(key)) // a failed load may be retried
    cache.set(key, pending)
  }
  return pending
}

/**
 * Edits converting `text` with `convert`, one piece between figure marks at a time (a figure
 * reference is never handed to the converter).
 */
export function conversionEdits(text: string, convert: TextConverter): TextEdit[] {
  const edits: TextEdit[] = []
  let start = 0
  for (const piece of text.split(FIGURE_MARK)) {
    if (piece) edits.push(...diffEdits(piece, convert(piece), start))
    start += piece.length + 1
  }
  return edits
}

export async function traditionalToSimplified(text: string): Promise<string> {
  return (await loadChineseConverter('t2s'))(text)
}

export async function simplifiedToTraditional(text: string, variant: TraditionalVariant = 't'): Promise<string> {
  return (await loadChineseConverter('s2t', variant))(text)
}

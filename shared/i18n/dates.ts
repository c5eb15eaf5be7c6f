/**
 * Dates and times as the app shows them, the same whatever the browser's or the system's locale
 * (toLocaleString follows the browser, so an English Chrome showed 12/31/2025): 2025年12月31日 and
 * 2025年12月31日 14:05 in Chinese, 2025-12-31 and 2025-12-31 14:05 in English. Local time.
 */
import type { Lang } from './format'

const pad = (n: number) => String(n).padStart(2, '0')

/** 2025年12月31日 (en: 2025-12-31) */
export function displayDate(time: number | Date, lang: Lang = 'zh-CN'): string {
  const d = new Date(time)
  if (lang === 'en') return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

/** 2025年12月31日 14:05 (with seconds: 14:05:09) */
export function displayDateTime(time: number | Date, lang: Lang = 'zh-CN', opts: { seconds?: boolean } = {}): string {
  const d = new Date(time)
  const clock = `${pad(d.getHours())}:${pad(d.getMinutes())}${opts.seconds ? `:${pad(d.getSeconds())}` : ''}`
  return `${displayDate(d, lang)} ${clock}`
}

/** An ISO day (yyyy-mm-dd, as stored) shown as a date: 2025年12月31日; anything else as it is. */
export function displayIsoDay(iso: string, lang: Lang = 'zh-CN'): string {
  // a 落款 dated by month only (yyyy-mm): 2025年12月
  const ym = /^(\d{4})-(\d{2})$/.exec(iso)
  if (ym) return lang === 'en' ? iso : `${Number(ym[1])}年${Number(ym[2])}月`
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return iso
  return lang === 'en' ? iso : `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`
}

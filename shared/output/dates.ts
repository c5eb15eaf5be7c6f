/** The 成文日期 as GB/T 9704 writes it: "2021年12月2日" (no zero padding) or "二〇二一年十二月二日". */
import { chineseCount, toChineseDigits } from '../text'

export function parseIsoDate(iso: string): { year: number; month: number; day: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso)
  if (!m) return null
  const year = Number(m[1]), month = Number(m[2]), day = Number(m[3])
  if (month < 1 || month > 12 || day < 1) return null
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null
  return { year, month, day }
}

/** A month as stored for a 落款 dated by month only: yyyy-mm. */
export function parseIsoMonth(iso: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(iso)
  if (!m) return null
  const year = Number(m[1]), month = Number(m[2])
  return month >= 1 && month <= 12 ? { year, month } : null
}

export function formatDate(iso: string, style: 'arabic' | 'chinese'): string {
  const ym = parseIsoMonth(iso)
  if (ym) return style === 'arabic' ? `${ym.year}年${ym.month}月` : `${toChineseDigits(String(ym.year))}年${chineseCount(ym.month)}月`
  const d = parseIsoDate(iso)
  if (!d) return iso
  if (style === 'arabic') return `${d.year}年${d.month}月${d.day}日`
  const year = toChineseDigits(String(d.year))
  return `${year}年${chineseCount(d.month)}月${chineseCount(d.day)}日`
}

/** Today as yyyy-mm-dd in local time. */
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`
}

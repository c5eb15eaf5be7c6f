/**
 * The closing signature (署名) and date: "XX镇人民政府 / 2025年12月26日" at the end of a summary.
 *
 * Dates understood (whole line, blanks ignored):
 *   2025年12月26日  2025年12月26号  ２０２５年…      → dateStyle 'arabic'
 *   2025.12.26  2025-12-26  2025/12/26           → dateStyle 'arabic'
 *   二〇二五年十二月二十六日  二0二五年…             → dateStyle 'chinese'
 *   12月26日  十二月二十六日  (only with `today`: the year is taken from it)
 *   2025年12月  二〇二五年十二月                   → a month (iso yyyy-mm): a 落款 dated by month only
 * Placeholder dates ("20xx年x月x日", "____年__月__日") are not dates: that line stays a paragraph.
 *
 * The organization is the line right above the date when it is short (≤ 30 characters) and has
 * no sentence punctuation; a last line without a date counts only when it ends like an organization
 * (局, 委员会, 办公室, 学校, 社区, 镇, 公司, 党委 …). "撰写人:____" / "联系电话:…" lines under or
 * above the signature stay paragraphs.
 */
import { parseChineseCount, parseChineseDigits, toHalfWidth } from '../text'
import { SENTENCE_PUNCTUATION } from './chars'
import { matchMarker } from './markers'

export type DateStyle = 'arabic' | 'chinese'

export interface ParsedDate {
  /** yyyy-mm-dd; yyyy-mm for a date written by month only ("2025年12月") */
  iso: string
  style: DateStyle
}

const D = '[0-9０-９]'
const ARABIC_CN = new RegExp(`^(${D}{4})年(${D}{1,2})月(${D}{1,2})[日号號]$`)
const ARABIC_SEP = new RegExp(`^(${D}{4})[.\\-/．／－](${D}{1,2})[.\\-/．／－](${D}{1,2})$`)
const CN_YEAR = '[〇零○Ｏ0０OＯ一二三四五六七八九]{4}'
const CN_COUNT = '[一二三四五六七八九十]{1,3}'
const CHINESE = new RegExp(`^(${CN_YEAR})年(${CN_COUNT})月(${CN_COUNT})[日号號]$`)
const ARABIC_MD = new RegExp(`^(${D}{1,2})月(${D}{1,2})[日号號]$`)
const CHINESE_MD = new RegExp(`^(${CN_COUNT})月(${CN_COUNT})[日号號]$`)
// a 落款 dated by month only: 2025年12月, 二〇二五年十二月 (a year and month, nothing after)
const ARABIC_YM = new RegExp(`^(${D}{4})年(${D}{1,2})月$`)
const CHINESE_YM = new RegExp(`^(${CN_YEAR})年(${CN_COUNT})月$`)

function iso(y: number, m: number, d: number): string | null {
  if (!(y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1)) return null
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  if (d > days) return null
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

/** Parse a whole line as a date; `today` (yyyy-mm-dd) supplies the year of "12月26日". */
export function parseDateLine(line: string, today?: string): ParsedDate | null {
  if (line.length > 40) return null
  const s = line.replace(/[ \t\u3000]+/g, '')
  if (s.length < 5 || s.length > 16) return null
  let m = ARABIC_CN.exec(s) ?? ARABIC_SEP.exec(s)
  if (m) {
    const date = iso(Number(toHalfWidth(m[1]!)), Number(toHalfWidth(m[2]!)), Number(toHalfWidth(m[3]!)))
    return date ? { iso: date, style: 'arabic' } : null
  }
  m = CHINESE.exec(s)
  if (m) {
    const date = iso(parseChineseDigits(m[1]!, { zeroLookalikes: true }), parseChineseCount(m[2]!), parseChineseCount(m[3]!))
    return date ? { iso: date, style: 'chinese' } : null
  }
  m = ARABIC_YM.exec(s)
  if (m) {
    const date = iso(Number(toHalfWidth(m[1]!)), Number(toHalfWidth(m[2]!)), 1)
    return date ? { iso: date.slice(0, 7), style: 'arabic' } : null
  }
  m = CHINESE_YM.exec(s)
  if (m) {
    const date = iso(parseChineseDigits(m[1]!, { zeroLookalikes: true }), parseChineseCount(m[2]!), 1)
    return date ? { iso: date.slice(0, 7), style: 'chinese' } : null
  }
  const year = today && /^\d{4}-\d{2}-\d{2}$/.test(today) ? Number(today.slice(0, 4)) : NaN
  if (!Number.isFinite(year)) return null
  m = ARABIC_MD.exec(s)
  if (m) {
    const date = iso(year, Number(toHalfWidth(m[1]!)), Number(toHalfWidth(m[2]!)))
    return date ? { iso: date, style: 'arabic' } : null
  }
  m = CHINESE_MD.exec(s)
  if (m) {
    const date = iso(year, parseChineseCount(m[1]!), parseChineseCount(m[2]!))
    return date ? { iso: date, style: 'chinese' } : null
  }
  return null
}

/** Endings of organization names (Simplified and Traditional). */
const ORG_SUFFIX = new RegExp(
  '(?:' +
    [
      '局', '厅', '廳', '委员会', '委員會', '委', '办公室', '辦公室', '办', '辦', '处', '處', '科', '所', '院', '站', '队', '隊',
      '学校', '學校', '校', '中学', '中學', '小学', '小學', '幼儿园', '幼兒園', '学院', '學院', '大学', '大學',
      '社区', '社區', '居委会', '居委會', '居民委员会', '居民委員會', '街道', '街道办事处', '街道辦事處', '镇', '鎮', '乡', '鄉',
      '村', '县', '縣', '区', '區', '市', '公司', '集团', '集團', '中心', '支部', '总支', '總支', '党委', '黨委', '党组', '黨組',
      '政府', '人民政府', '部', '协会', '協會', '联合会', '聯合會', '工会', '工會', '团委', '團委', '妇联', '婦聯', '医院', '醫院',
      '馆', '館', '小组', '小組', '班子',
    ].join('|') +
    ')$',
)

/** Lines that name the writer or a contact; kept as paragraphs around the signature. */
const CONTACT = /^(?:撰写人|撰寫人|执笔人|執筆人|填报人|填報人|报告人|報告人|联系人|聯繫人|联系电话|聯繫電話|审核人|審核人|签发人|簽發人|经办人|經辦人)[ \u3000]*[:：]/

function isNameLine(line: string): boolean {
  return line.length >= 2 && line.length <= 30 && !SENTENCE_PUNCTUATION.test(line) && !matchMarker(line) && /[^\d\s]/.test(line)
}

export function looksLikeOrganization(line: string): boolean {
  return isNameLine(line) && ORG_SUFFIX.test(line)
}

/**
 * Two units' names as one 署名: the model holds one organization line, so they share it, in the
 * order written, a full-width space between (the writer can edit it in 落款).
 */
const jointName = (first: string, second: string): string => `${first.trim()}\u3000${second.trim()}`
/** Two names share the 署名 line only when it still fits the 28-character line, 右空二字 (else the upper one stays a paragraph). */
const JOINT_MAX_CHARS = 25
const canJoin = (first: string, second: string): boolean =>
  looksLikeOrganization(first) && looksLikeOrganization(second) && first.trim().length + second.trim().length + 1 <= JOINT_MAX_CHARS

export interface SignatureFound {
  organization: string
  date?: ParsedDate
  /** indexes of the lines the signature was made of (removed from the body) */
  used: number[]
}

/**
 * Look for the signature among the last lines of a document body (trimmed, non-blank lines).
 * Contact lines ("撰写人:…") at the very end are skipped over and stay in the body. The name may
 * stand above the date or below it, and two units may sign together (two organization lines).
 */
export function findSignature(lines: readonly string[], today?: string): SignatureFound | null {
  let end = lines.length - 1
  while (end >= 0 && CONTACT.test(lines[end]!)) end--
  if (end < 0) return null
  const last = lines[end]!
  const date = parseDateLine(last, today)
  if (date) {
    let above = end - 1
    while (above >= 0 && CONTACT.test(lines[above]!)) above--
    if (above >= 0 && isNameLine(lines[above]!)) {
      // two units signing together (联合署名): both lines end like organizations
      const upper = above - 1
      if (upper >= 0 && canJoin(lines[upper]!, lines[above]!))
        return { organization: jointName(lines[upper]!, lines[above]!), date, used: [upper, above, end] }
      return { organization: lines[above]!, date, used: [above, end] }
    }
    return { organization: '', date, used: [end] }
  }
  // the date written above the 署名: "2025年12月31日" then "某某局" (or two units); the last line must
  // end like an organization, and no name may stand above that date (then the name is there)
  if (end > 0 && looksLikeOrganization(last)) {
    const before = parseDateLine(lines[end - 1]!, today)
    if (before && !(end > 1 && isNameLine(lines[end - 2]!))) return { organization: last, date: before, used: [end - 1, end] }
    const dateAt = end - 2
    const twoUnits = dateAt >= 0 && canJoin(lines[end - 1]!, last)
    const early = twoUnits ? parseDateLine(lines[dateAt]!, today) : null
    if (early) return { organization: jointName(lines[end - 1]!, last), date: early, used: [dateAt, end - 1, end] }
  }
  // "XX社区居委会  2025年12月30日" on one line
  const parts = last.length <= 50 ? /^(.+?)[ \t\u3000]+(\S+)$/.exec(last) : null
  if (parts) {
    const tailDate = parseDateLine(parts[2]!, today)
    if (tailDate && isNameLine(parts[1]!)) return { organization: parts[1]!.trim(), date: tailDate, used: [end] }
  }
  if (end > 0 && looksLikeOrganization(last)) return { organization: last, used: [end] }
  return null
}

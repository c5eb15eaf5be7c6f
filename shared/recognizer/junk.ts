/**
 * Web junk: the lines a website wraps around a copied summary (site banners, "时间:…", "来源:…",
 * disclaimers, share buttons, "相关阅读" link lists, URLs, page counters). Only removed when the
 * caller asks for `clean`.
 *
 * Rule of thumb: a line that carries substantive sentences is never junk. So most matchers
 * require a short line without sentence punctuation; only boilerplate phrases no summary uses
 * ("免责声明", "仅供参考", "小编", "本文由…整理") remove a longer line.
 */
import { isHan } from '../text'
import { SENTENCE_PUNCTUATION, trimLine } from './chars'
import { isCollectionHeader } from './collection'

/** Boilerplate phrases: a line (≤ 150 chars) containing one is junk even with full stops. */
const BOILERPLATE = new RegExp(
  [
    '免责声明', '免責聲明', '版权所有', '版權所有', '版权归', '版權歸', '版权声明', '版權聲明', '转载请注明', '轉載請註明',
    '仅供参考', '僅供參考', '供大家参考', '供大家參考', '供您参考', '供您參考', '感谢浏览', '感謝瀏覽', '感谢阅读', '感謝閱讀',
    '感谢您的阅读', '感謝您的閱讀', '小编', '小編', '本文(?:由|来自|來自|来源于|來源於|系)[^。]{0,30}(?:整理|发布|發佈|提供|收集|收集)',
    '更多[^。]{0,30}(?:请访问|請訪問|请关注|請關注|尽在|盡在|请点击|請點擊|欢迎访问|歡迎訪問)',
    'Copyright', '©',
  ].join('|'),
  'i',
)

/** Navigation headers; they also open a list of links to other articles. */
const NAVIGATION = /相关阅读|相關閱讀|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|相关文章|相關文章|相关推荐|相關推薦|猜你喜欢|猜你喜歡|热门推荐|熱門推薦|精彩推荐|精彩推薦|上一篇|下一篇|返回顶部|返回頂部|返回首页|返回首頁|更多相关|更多相關/

/** Page metadata labels at a line start: "时间:2013-01-07", "来源:网络整理". */
const META = /^(?:当前位置|當前位置|您现在的位置|您現在的位置|所在位置|(?:发布|發佈|发表|發表|更新|上传|上傳)?(?:时间|時間|来源|來源|出处|出處|作者|编辑|編輯|责任编辑|責任編輯|责编|責編|浏览|瀏覽|阅读|閱讀|点击|點擊|栏目|欄目|关键词|關鍵詞|关键字|關鍵字|标签|標籤|文章来源|文章來源)(?:量|数|數|次数|次數)?)[ \u3000]*[:：]/

/** A bare timestamp line "2013-01-07 01:38:44" (a date line without a time is a signature date). */
const TIMESTAMP = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T\u3000]+\d{1,2}:\d{2}(?::\d{2})?$/

/** Share/download/print buttons and the like, as whole tokens. */
const UI_TOKEN = /^(?:(?:分享|分享到|收藏|加入收藏|收藏本文|点赞|點贊|投诉|投訴|举报|舉報|打印|打印本文|评论|評論|发表评论|下载|下載|(?:WORD|PDF|DOC|DOCX|TXT)下载|(?:WORD|PDF|DOC|DOCX|TXT)下載|下载本文|复制|複製|复制本文|微信|QQ|QQ空间|QQ空間|QQ好友|微博|新浪微博|朋友圈|手机扫码分享|手機掃碼分享|扫一扫|掃一掃|微信扫一扫|微信掃一掃|手机阅读|手機閱讀|首页|首頁|上一页|上一頁|下一页|下一頁|目录|目錄|登录|登錄|注册|註冊|Top|TOP|top|顶部|頂部|关闭|關閉|字号|字號|大|中|小)[:：]?|[|丨·•>»/-])$/i

/** Page counters: "第 2 页 共 5 页", "2/5", "- 2 -", "— 2 —", "Page 2 of 5". */
const PAGE_COUNTER = /^(?:第[ \u3000]*\d+[ \u3000]*[页頁](?:[ \u3000]*[,，/／]?[ \u3000]*共[ \u3000]*\d+[ \u3000]*[页頁])?|共[ \u3000]*\d+[ \u3000]*[页頁]|\d+[ \u3000]*[/／][ \u3000]*\d+|[-—–－][ \u3000]*\d+[ \u3000]*[-—–－]|page[ \u3000]*\d+(?:[ \u3000]*of[ \u3000]*\d+)?)$/i

/** Site banners: "XX范文网", "公文写作之家", "某某文库". */
const SITE_NAME = /(?:范文|範文|汇报|匯報|文秘|秘书|秘書|作文|美文|学习|學習|资料|資料|文档|文檔|公文|写作|寫作|总结|總結)(?:网|網|网站|網站|大全|之家|吧)$|(?:文库|文庫|网站|網站)$/

const URL = /(?:https?:\/\/|www\.)[^\s，。；]+|[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|cc|top|info)(?![A-Za-z])(?:\/[^\s，。；]*)?/gi

function hanCount(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i++) if (isHan(s.charCodeAt(i))) n++
  return n
}

/** Mostly a URL: after taking the URLs out, fewer than 8 Han characters remain. */
function isUrlLine(line: string): boolean {
  URL.lastIndex = 0
  if (!URL.test(line)) return false
  URL.lastIndex = 0
  return hanCount(line.replace(URL, '')) < 8
}

function isUiLine(line: string): boolean {
  if (line.length > 40) return false
  const tokens = line.split(/[ \t\u3000|丨]+/).filter(Boolean)
  return tokens.length > 0 && tokens.every((t) => UI_TOKEN.test(t))
}

const isShortLabel = (line: string, max: number) => line.length <= max && !SENTENCE_PUNCTUATION.test(line)

export type JunkKind = 'boilerplate' | 'navigation' | 'meta' | 'ui' | 'url' | 'page' | 'site' | 'collection'

/** Classify one trimmed, non-blank line; null when it is (or may be) the writer's text. */
export function junkKind(line: string): JunkKind | null {
  if (line.length <= 150 && BOILERPLATE.test(line)) return 'boilerplate'
  if (line.length <= 60 && !line.includes('。') && NAVIGATION.test(line)) return 'navigation'
  if (line.length <= 100 && !line.includes('。') && (META.test(line) || TIMESTAMP.test(line))) return 'meta'
  if (isUiLine(line)) return 'ui'
  if (line.length <= 30 && PAGE_COUNTER.test(line)) return 'page'
  if (line.length <= 300 && isUrlLine(line)) return 'url'
  if (isShortLabel(line, 16) && SITE_NAME.test(line)) return 'site'
  return null
}

export interface JunkResult {
  /** the lines that remain (raw: indentation kept) */
  lines: string[]
  removed: number
}

/**
 * Remove junk lines. Besides the single-line matchers above:
 *   - a collection header ("…工作总结【经典6篇】") repeated anywhere after the first line;
 *   - after a navigation header ("相关阅读"), the short link titles that follow it;
 *   - a short name (≤ 8 chars, no punctuation) squeezed between two junk lines (the author of the
 *     page, shown under "时间:…");
 *   - the blank lines around a removed page counter, so a paragraph split by a page break joins up.
 */
export function removeJunk(lines: readonly string[]): JunkResult {
  const trimmed = lines.map(trimLine)
  const junk = new Array<JunkKind | null>(lines.length).fill(null)
  let firstContent = -1
  let inLinkList = false
  for (let i = 0; i < lines.length; i++) {
    const line = trimmed[i]!
    if (!line) continue
    if (firstContent < 0) firstContent = i
    let kind = junkKind(line)
    if (!kind && i !== firstContent && isCollectionHeader(line)) kind = 'collection'
    if (!kind && inLinkList && isShortLabel(line, 40)) kind = 'navigation'
    junk[i] = kind
    inLinkList = kind === 'navigation' || (inLinkList && kind !== null)
  }
  // a short name between two junk lines
  let prev = -1
  for (let i = 0; i < lines.length; i++) {
    if (!trimmed[i]) continue
    if (!junk[i] && prev >= 0 && junk[prev] && isShortLabel(trimmed[i]!, 8)) {
      let next = i + 1
      while (next < lines.length && !trimmed[next]) next++
      if (next < lines.length && junk[next]) junk[i] = 'meta'
    }
    prev = i
  }
  const out: string[] = []
  let removed = 0
  for (let i = 0; i < lines.length; i++) {
    if (junk[i]) {
      removed++
      if (junk[i] === 'page') {
        while (out.length && !out[out.length - 1]!.trim()) out.pop()
        while (i + 1 < lines.length && !trimmed[i + 1]) i++
      }
      continue
    }
    out.push(lines[i]!)
  }
  return { lines: out, removed }
}

/**
 * Web junk: the lines a website or a document-sharing site wraps around a copied summary. Only
 * removed when the caller asks for `clean`; every removed line is reported with its line number
 * (`JunkLine`), so the import preview can show it struck through and the writer can keep it
 * (`keep`).
 *
 * Junk is recognized by its shape, not by a list of sites:
 *   site        banners ("某某范文网", "XX网 首页"), menus of short words separated by blanks or "|",
 *               breadcrumbs ("首页 > 工作总结 > …", "…内容页")
 *   meta        "时间:…", "来源:…", "作者:…", "文/张三", timestamps (also fused with a category:
 *               "2024-11-03 09:15:27工作总结"), view counters ("阅读：123", "1234人阅读")
 *   navigation  "相关阅读", "上一篇：…", "[推荐]…", the link titles listed under a navigation header
 *   boilerplate copyright and repost notices ("转载请注明出处", "本文由…上传", "如有侵权…"), SEO
 *               preambles and closings ("以下是小编整理的…,供大家参考", "希望对你有帮助")
 *   ui          share/download/print buttons, as whole tokens
 *   url         lines that are mostly a web address
 *   page        page counters ("第 2 页 共 5 页", "— 3 —"), and the page-chunk counters of
 *               document-sharing sites: a numbered sequence of bare "1、"/"2"/"第2页" lines, or of "2、"
 *               fused to the start of a line that continues the previous one mid-sentence
 *   collection  a collection heading ("…工作总结【经典6篇】") repeated after the first line
 *   title       the page's title repeated at its very end
 *
 * Rules of thumb: a line that carries substantive sentences is never junk, so most matchers
 * require a short line without sentence punctuation; only boilerplate phrases no summary uses
 * remove a longer line. Never junk, whatever matches: a heading line ("一、…" with text), a date
 * line, the short line right above a date line (the signature), and the first line of the text
 * that is no junk (the title).
 */
import { isHan } from '../text'
import { LINE_TERMINALS, SENTENCE_PUNCTUATION, squash, trimLine } from './chars'
import { isCollectionHeader, stripCollectionLabel } from './collection'
import { matchMarker } from './markers'
import { looksLikeOrganization, parseDateLine } from './signature'
import { tableRows } from './table'

/** Copyright and repost notices: a line (≤ 150 chars) containing one is junk even with full stops. */
const NOTICE = new RegExp(
  [
    '免责声明', '免責聲明', '版权所有', '版權所有', '版权归', '版權歸', '版权声明', '版權聲明', '转载请注明', '轉載請註明', '转载请保留', '轉載請保留',
    '如需转载', '如需轉載', '未经(?:许可|允许|授权|許可|允許|授權)[^。]{0,12}(?:转载|轉載|使用|复制|複製)', '如有侵权', '如有侵權', '侵权请', '侵權請',
    '侵删', '侵刪', '联系删除', '聯繫刪除', '请联系[^。]{0,12}删除', '原文链接', '原文鏈接', '本文链接', '本文鏈接', '本文地址', '本文网址', '文章地址',
    '本文(?:由|来自|來自|来源于|來源於|系|为|為)[^。]{0,30}(?:整理|发布|發佈|提供|收集|上传|上傳|投稿|转载|轉載|编辑|編輯)',
    '(?:网友|網友|用户|用戶|会员|會員)(?:上传|上傳|投稿|分享)', '文档(?:由|来自)[^。]{0,20}(?:上传|分享)', '本站(?:文章|内容|资料|所有|仅|不)', '本网站',
    'Copyright', '©',
  ].join('|'),
  'i',
)

/** SEO preambles and closings of article pages: junk even in a long line (≤ 300 chars). */
const SEO = new RegExp(
  [
    '小编', '小編', '供大家参考', '供大家參考', '供您参考', '供您參考', '仅供参考', '僅供參考', '仅供学习', '僅供學習', '供大家(?:借鉴|学习|阅读|參考|借鑒|學習|閱讀)',
    '希望(?:对|能|可以|對)[^。]{0,12}(?:有所帮助|有帮助|有所幫助|有幫助|帮助到|幫助到|有用)', '希望[^。]{0,10}(?:喜欢|喜歡)',
    '欢迎(?:大家|您)?(?:阅读|借鉴|参考|分享|收藏|下载|閱讀|借鑒|參考|下載)', '歡迎(?:大家|您)?(?:閱讀|借鑒|參考|分享|收藏|下載)',
    '感谢(?:您的)?(?:浏览|阅读|支持)', '感謝(?:您的)?(?:瀏覽|閱讀|支持)',
    '(?:以下|下面)(?:是|为|為)[^。]{0,40}(?:整理|收集|精心|推荐|推薦|搜集|分享|准备|準備)的', '一起来(?:看看|学习|了解)', '一起來(?:看看|學習|了解)', '快来看看', '快來看看',
    '更多[^。]{0,30}(?:请访问|請訪問|请关注|請關注|尽在|盡在|请点击|請點擊|欢迎访问|歡迎訪問|请登录|請登錄)',
    '以上(?:就)?是[^。]{0,30}(?:全部|相关|相關)内容', '^[【\\[]?(?:导语|導語|摘要)[】\\]:：]', '温馨提示', '溫馨提示',
  ].join('|'),
)

/** Navigation headers; the list headers among them also open a list of links to other articles. */
const NAVIGATION = /相关链接|相關鏈接|友情链接|友情鏈接|相关新闻|相關新聞|相关信息|相關信息|相关阅读|相關閱讀|推荐阅读|推薦閱讀|延伸阅读|延伸閱讀|相关文章|相關文章|相关推荐|相關推薦|猜你喜欢|猜你喜歡|热门推荐|熱門推薦|精彩推荐|精彩推薦|热门文章|熱門文章|最新文章|推荐文章|推薦文章|热门阅读|熱門閱讀|阅读排行|閱讀排行|大家都在看|你可能(?:还|還)?(?:喜欢|喜歡|感兴趣|感興趣)|为你推荐|為你推薦|相关搜索|相關搜索|热门标签|熱門標籤|猜你感兴趣|猜你感興趣|本文目录|本文目錄|文章目录|文章目錄|目录一览|目錄一覽|上一篇|下一篇|上一页|下一頁|返回顶部|返回頂部|返回首页|返回首頁|更多相关|更多相關/
/** Single-link navigation ("上一篇：…") does not open a list. */
const SINGLE_LINK = /^(?:上一篇|下一篇|上一页|下一頁|返回)/

/** "[推荐]…", "【热门】…": a recommended-link line. */
const TAGGED_LINK = /^[[【(（〔](?:推荐|推薦|热门|熱門|相关|相關|精选|精選|荐|薦|热|熱|新|置顶|置頂|专题|專題|最新|原创|原創|优质|優質|必读|必讀|图文|圖文)[\]】)）〕]/

/** Page metadata labels at a line start: "时间:2013-01-07", "来源:网络整理", "阅读：123", "上传者：…". */
const META = /^(?:当前位置|當前位置|您现在的位置|您現在的位置|您的位置|所在位置|(?:发布|發佈|发表|發表|更新|上传|上傳|文章|文档|文檔|信息|資訊|稿件|新闻|新聞)?(?:时间|時間|日期|来源|來源|出处|出處|作者|编辑|編輯|责任编辑|責任編輯|责编|責編|浏览|瀏覽|阅读|閱讀|点击|點擊|访问|訪問|栏目|欄目|分类|分類|关键词|關鍵詞|关键字|關鍵字|标签|標籤|人气|人氣|热度|熱度|评论|評論|收藏|下载|下載|格式|大小|页数|頁數|字数|字數|评分|評分)(?:量|数|數|次数|次數|人数|人數)?|发布者|發佈者|发布人|發佈人|上传者|上傳者|上传人|上傳人|上传用户|上傳用戶|贡献者|貢獻者|文档贡献者|文檔貢獻者|投稿人|投稿者|供稿|原作者|所属栏目|所屬欄目|所属分类|所屬分類)[ \u3000]*[:：]/

/** A byline "文/张三", "作者｜李四". */
const BYLINE = /^(?:文|作者|撰文|撰稿|编辑|編輯)[ \u3000]*[/／|｜][ \u3000]*[^ \u3000，。]{1,12}$/

/** View counters: "阅读(123)", "浏览 123 次", "1234人阅读", "已有56人下载". */
const COUNTER = /^(?:(?:阅读|閱讀|浏览|瀏覽|点击|點擊|访问|訪問|人气|人氣|热度|熱度|下载|下載|收藏|点赞|點讚|评论|評論)(?:量|数|數|次数|次數|人数|人數)?[ \u3000]*[(（]?[ \u3000]*\d+(?:\.\d+)?[万萬wk]?[ \u3000]*[)）]?[ \u3000]*(?:次|人)?|(?:已有|共有)?\d+(?:\.\d+)?[万萬wk]?[ \u3000]*(?:人|次)?(?:阅读|閱讀|浏览|瀏覽|看过|看過|已读|已讀|点击|點擊|下载|下載|收藏|点赞|點讚|评论|評論))$/i

/** "本文已影响123人", "已有1.2万人看过". */
const AUDIENCE = /^(?:本文)?已(?:影响|影響|有)[ \u3000]*\d+(?:\.\d+)?[万萬]?[ \u3000]*人/

/** A timestamp at a line start: "2013-01-07 01:38:44", "2024/11/03 09:15". */
const TIMESTAMP_START = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T\u3000]*\d{1,2}:\d{2}(?::\d{2})?/
/** An ISO-style date at a line start (not how writers date a summary: 2025年12月26日). */
const ISO_DATE_START = /^\d{4}[-/]\d{1,2}[-/]\d{1,2}[ \u3000]*/

/** Share/download/print buttons and the like, as whole tokens. */
const UI_TOKEN = /^(?:(?:分享|分享到|一键分享|一鍵分享|收藏|加入收藏|收藏本文|收藏本页|收藏本頁|点赞|點贊|点赞|赞|讚|打赏|打賞|投诉|投訴|举报|舉報|纠错|糾錯|打印|打印本文|打印本页|打印本頁|打印此页|打印此頁|打印文章|打印正文|关闭窗口|關閉窗口|关闭本页|關閉本頁|保存本页|保存本頁|收藏本站|字体|字體|默认|默認|超大|评论|評論|发表评论|發表評論|下载|下載|立即下载|立即下載|免费下载|免費下載|下载文档|下載文檔|下载本文|下載本文|(?:WORD|PDF|DOC|DOCX|TXT|Word|Pdf)(?:下载|下載|版|文档|文檔)|复制|複製|复制本文|複製本文|复制链接|複製鏈接|微信|QQ|QQ空间|QQ空間|QQ好友|微博|新浪微博|朋友圈|手机扫码分享|手機掃碼分享|扫码分享|掃碼分享|扫一扫|掃一掃|微信扫一扫|微信掃一掃|扫码下载|掃碼下載|下载APP|下載APP|APP下载|APP下載|手机阅读|手機閱讀|手机版|手機版|电脑版|電腦版|首页|首頁|上一页|上一頁|下一页|下一頁|目录|目錄|登录|登錄|注册|註冊|Top|TOP|top|顶部|頂部|关闭|關閉|字号|字號|大|中|小|展开全文|展開全文|展开阅读全文|展開閱讀全文|阅读全文|閱讀全文|查看全文|继续阅读|繼續閱讀|查看更多|加载更多|載入更多|收起|意见反馈|意見反饋|点击下载|點擊下載|点击下载文档|點擊下載文檔|全文下载|全文下載|我要评论|我要評論|网友评论|網友評論|返回|返回列表|尾页|尾頁)[:：]?|[|丨·•>»/-])$/i

/** "扫一扫在手机打开当前页", "用手机扫描二维码查看本页": the QR-code caption of a government page. */
const SCAN = /^[【[(（]?(?:用|使用)?(?:微信|手机|手機)?(?:扫一扫|掃一掃|扫码|掃碼|扫描|掃描)(?:二维码|二維碼)?[^。，,]{0,20}(?:打开|打開|查看|阅读|閱讀|浏览|瀏覽|分享)[^。，,]{0,10}$/

/**
 * Site footers: "主办单位：某某镇人民政府 网站标识码：…", "ICP备…", "技术支持：…". Only short lines
 * without a full stop (a sentence may mention "主办单位" as its subject).
 */
const FOOTER = /网站标识码|網站標識碼|ICP备|ICP備|ICP证|ICP證|公网安备|公網安備|^(?:主办单位|主辦單位|承办单位|承辦單位|主办|主辦|承办|承辦|技术支持|技術支持|维护单位|維護單位|网站维护|網站維護)[ \u3000]*[:：]|(?:^|[ \u3000])(?:网站地图|網站地圖|隐私声明|隱私聲明|联系我们|聯繫我們)(?:$|[ \u3000|｜])/

/** Page counters: "第 2 页 共 5 页", "2/5", "- 2 -", "— 2 —", "Page 2 of 5". */
const PAGE_COUNTER = /^(?:第[ \u3000]*\d+[ \u3000]*[页頁](?:[ \u3000]*[,，/／]?[ \u3000]*共[ \u3000]*\d+[ \u3000]*[页頁])?|共[ \u3000]*\d+[ \u3000]*[页頁]|\d+[ \u3000]*[/／][ \u3000]*\d+|[-—–－][ \u3000]*\d+[ \u3000]*[-—–－]|page[ \u3000]*\d+(?:[ \u3000]*of[ \u3000]*\d+)?)$/i

/** Site banners: "XX范文网", "公文写作之家", "某某文库", "58汇报网". */
const SITE_NAME = /(?:范文|範文|汇报|匯報|文秘|秘书|秘書|作文|美文|学习|學習|资料|資料|文档|文檔|公文|写作|寫作|总结|總結|文章|教育|知识|知識|素材|文摘|文稿|材料|论文|論文|办公|辦公)(?:网|網|网站|網站|大全|之家|吧)$|(?:文库|文庫|网站|網站)$|^[A-Za-z0-9]+[\u4e00-\u9fff]{0,6}(?:网|網)$/

/** Words of site menus and banners. */
const MENU_WORD = /^(?:首页|首頁|主页|主頁|网站首页|網站首頁|导航|導航|栏目|欄目|频道|頻道|专题|專題|排行榜?|范文|範文|大全|范文大全|範文大全|下载|下載|登录|登錄|注册|註冊|会员|會員|搜索|投稿|留言|帮助|幫助|关于我们|關於我們|联系我们|聯繫我們|网站地图|網站地圖|更多|手机版|手機版|电脑版|電腦版|APP|资讯|資訊|新闻|新聞|分类|分類|标签|標籤|热门|熱門|最新|推荐|推薦|总结|總結|工作总结|工作總結|计划|計劃|工作计划|工作計劃|报告|報告|述职报告|述職報告|心得体会|心得體會|演讲稿|演講稿|思想汇报|思想匯報|实用文|實用文|公文|作文|教案|合同|党团|黨團|文秘|文档|文檔|文库|文庫)$/i

/** Breadcrumbs: "首页 > 工作总结 > 社区工作总结", "…内容页". */
const CRUMB_SEPARATOR = /[ \u3000]*(?:>|»|＞|›|→|>>)[ \u3000]*/
const CRUMB_START = /^(?:首页|首頁|主页|主頁|网站首页|網站首頁|当前位置|當前位置|您的位置|位置)/
const PAGE_KIND_END = /(?:内容页|內容頁|正文页|正文頁|详情页|詳情頁|列表页|列表頁)$/

const URL = /(?:https?:\/\/|www\.)[^\s，。；]+|[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|cc|top|info)(?![A-Za-z])(?:\/[^\s，。；]*)?/gi

const SENTENCE_END = /[。！？]/

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

const tokensOf = (line: string) => line.split(/[ \t\u3000|｜丨/·•【】[\]]+/).filter(Boolean)

/** Buttons only; page links ("上一页 1 2 3 下一页") count as buttons. */
function isUiLine(line: string): boolean {
  if (line.length > 40) return false
  // "分享到：微信 微博", "字号：大 中 小": a label and its buttons
  const tokens = line
    .split(/[ \t\u3000|｜丨/·•【】[\]:：,，、]+/)
    .filter(Boolean)
    // buttons a PDF set without the blank between them: "WORD下载PDF下载"
    .flatMap((t) => (UI_TOKEN.test(t) ? [t] : t.split(/(?<=[\u4e00-\u9fff])(?=[A-Za-z])/)))
  const buttons = tokens.filter((t) => UI_TOKEN.test(t)).length
  return buttons > 0 && tokens.every((t) => UI_TOKEN.test(t) || /^\d{1,3}$/.test(t))
}

/**
 * A site menu: short words separated by blanks or "|", no sentence punctuation — all of them menu
 * words or site names ("某某网 首页"), or three and more with at least half of them (and two) menu
 * words or site names, "|" separators, or five words and more. A title with blanks ("某某街道 2025年
 * 工作总结") is no menu.
 */
function isMenuLine(line: string): boolean {
  if (line.length > 80 || SENTENCE_PUNCTUATION.test(line) || matchMarker(line)) return false
  const tokens = tokensOf(line)
  if (tokens.length < 2 || tokens.some((t) => t.length > 10)) return false
  const menuish = (t: string) => MENU_WORD.test(t) || SITE_NAME.test(t) || /^\S{1,8}(?:网|網|网站|網站)$/.test(t)
  // "某某网 首页": a site name with menu words
  if (tokens.every(menuish)) return true
  if (tokens.length < 3 || tokens.some((t) => t.length > 8)) return false
  const menuWords = tokens.filter(menuish).length
  return /[|｜丨]/.test(line) || tokens.length >= 5 || (menuWords >= 2 && menuWords * 2 >= tokens.length)
}

/** "首页 > 工作总结 > …" or "…工作总结内容页". */
function isBreadcrumb(line: string): boolean {
  if (line.length > 100 || SENTENCE_END.test(line)) return false
  if (line.length <= 40 && PAGE_KIND_END.test(line)) return true
  const parts = line.split(CRUMB_SEPARATOR)
  if (parts.length < 2 || parts.some((p) => p.length > 24)) return false
  return parts.length >= 3 || CRUMB_START.test(line)
}

/** A timestamp, alone or fused with a category ("2024-11-03 09:15:27工作总结"); a date with a category. */
function isTimestamp(line: string): boolean {
  if (line.length > 60 || SENTENCE_END.test(line)) return false
  const time = TIMESTAMP_START.exec(line)
  if (time) return true // "2024-01-07 09:12 | 编辑：某某 | 阅读：123": a time is never the writer's

  const date = ISO_DATE_START.exec(line)
  if (!date || date[0].length === line.length) return false
  const rest = line.slice(date[0].length)
  return rest.length <= 12 && !SENTENCE_PUNCTUATION.test(rest) && !looksLikeOrganization(rest) && parseDateLine(line) === null
}

const isShortLabel = (line: string, max: number) => line.length <= max && !SENTENCE_PUNCTUATION.test(line)

export type JunkKind = 'boilerplate' | 'navigation' | 'meta' | 'ui' | 'url' | 'page' | 'site' | 'collection' | 'title'

/** Classify one trimmed, non-blank line on its own; null when it is (or may be) the writer's text. */
export function junkKind(line: string): JunkKind | null {
  const marker = matchMarker(line)
  if (marker && marker.rest) return null // a heading
  if (line.length <= 150 && NOTICE.test(line)) return 'boilerplate'
  if (line.length <= 300 && SEO.test(line)) return 'boilerplate'
  if (line.length <= 60 && !line.includes('。') && NAVIGATION.test(line)) return 'navigation'
  if (line.length <= 80 && !line.includes('。') && TAGGED_LINK.test(line)) return 'navigation'
  if (line.length <= 100 && !line.includes('。') && (META.test(line) || BYLINE.test(line))) return 'meta'
  if (line.length <= 30 && (COUNTER.test(line) || AUDIENCE.test(line))) return 'meta'
  if (isTimestamp(line)) return 'meta'
  if (line.length <= 30 && PAGE_COUNTER.test(line)) return 'page'
  if (isUiLine(line) || (line.length <= 40 && SCAN.test(line))) return 'ui'
  if (line.length <= 150 && !line.includes('。') && FOOTER.test(line)) return 'boilerplate'
  if (line.length <= 300 && isUrlLine(line)) return 'url'
  if (isShortLabel(line, 16) && SITE_NAME.test(line)) return 'site'
  if (isBreadcrumb(line) || isMenuLine(line)) return 'site'
  return null
}

/** A removed line, for the import report: 1-based line number in the text, its text, why. */
export interface JunkLine {
  line: number
  text: string
  kind: JunkKind
}

export interface JunkResult {
  /** the lines that remain (raw: indentation kept) */
  lines: string[]
  /** what was removed, in reading order */
  removed: JunkLine[]
  /** line breaks closed where a page-chunk counter split a sentence */
  joined: number
}

/**
 * Never junk: a date line, and the short line above one (the signature), skipping lines that are
 * junk on their own ("分享 收藏" between the organization and the date).
 */
function protectedLines(trimmed: readonly string[], own: readonly (JunkKind | null)[]): boolean[] {
  const keep = new Array<boolean>(trimmed.length).fill(false)
  for (let i = 0; i < trimmed.length; i++) {
    const line = trimmed[i]!
    if (!line || line.length > 40 || parseDateLine(line) === null) continue
    keep[i] = true
    let above = i - 1
    while (above >= 0 && (!trimmed[above] || own[above])) above--
    if (above >= 0 && trimmed[above]!.length <= 30 && !SENTENCE_PUNCTUATION.test(trimmed[above]!)) keep[above] = true
  }
  return keep
}

/** A substantive line: body text with sentence punctuation. */
const isSubstantive = (line: string) => (line.length >= 10 && SENTENCE_END.test(line)) || (line.length >= 30 && SENTENCE_PUNCTUATION.test(line))

/**
 * Remove junk lines. Besides the single-line matchers above:
 *   - a collection header ("…工作总结【经典6篇】") repeated anywhere after the first line;
 *   - after a list header ("相关阅读"), the short link titles that follow it — but not a line that
 *     a paragraph of body text follows (that is a title or heading);
 *   - a short name (≤ 8 chars, no punctuation) right after a meta line and before another junk line
 *     (the author of the page, shown under "时间:…") — never a name that looks like an organization;
 *   - page-chunk counters of document-sharing sites (see pageChunkCounters);
 *   - the first content line repeated at the very end, with only junk after it;
 *   - the blank lines around a removed page counter, so a paragraph split by a page break joins up.
 * `keep` holds 1-based line numbers the writer chose to keep.
 */
export function removeJunk(lines: readonly string[], keep: ReadonlySet<number> = new Set()): JunkResult {
  const trimmed = lines.map(trimLine)
  const own = trimmed.map((line) => (line ? junkKind(line) : null))
  const isProtected = protectedLines(trimmed, own)
  const junk = new Array<JunkKind | null>(lines.length).fill(null)
  // a table's header row of short words looks like a site menu: rows of a table are the writer's
  const rows = tableRows(lines)
  const kept = (i: number) => isProtected[i] || rows[i] !== null || keep.has(i + 1)
  let firstContent = -1
  let inLinkList = false
  for (let i = 0; i < lines.length; i++) {
    const line = trimmed[i]!
    if (!line) continue
    let kind = kept(i) ? null : own[i]!
    if (!kind && !kept(i) && firstContent >= 0 && i !== firstContent && isCollectionHeader(line)) kind = 'collection'
    if (!kind && !kept(i) && inLinkList && isShortLabel(line, 40) && !matchMarker(line) && !substantiveNext(trimmed, i)) kind = 'navigation'
    junk[i] = kind
    if (!kind && firstContent < 0) firstContent = i
    if (kind === 'navigation' && NAVIGATION.test(line) && !SINGLE_LINK.test(line)) inLinkList = true
    else if (kind === null && !keep.has(i + 1)) inLinkList = false
  }
  // a short name right after a meta line, before another junk line
  let prev = -1
  for (let i = 0; i < lines.length; i++) {
    if (!trimmed[i]) continue
    if (!junk[i] && !kept(i) && prev >= 0 && junk[prev] === 'meta' && isShortLabel(trimmed[i]!, 8) && !looksLikeOrganization(trimmed[i]!) && !matchMarker(trimmed[i]!)) {
      let next = i + 1
      while (next < lines.length && !trimmed[next]) next++
      if (next < lines.length && junk[next]) junk[i] = 'meta'
    }
    prev = i
  }
  // the title repeated at the very end of the page
  if (firstContent >= 0) {
    const title = squash(stripCollectionLabel(trimmed[firstContent]!))
    let last = lines.length - 1
    while (last > firstContent && (!trimmed[last] || junk[last])) last--
    if (last > firstContent && title && !kept(last) && trimmed[last]!.length <= 80 && squash(stripCollectionLabel(trimmed[last]!)) === title) junk[last] = 'title'
  }
  runningHeaders(trimmed, junk, kept, firstContent)
  const counters = pageChunkCounters(trimmed, junk, kept)

  const out: string[] = []
  const removed: JunkLine[] = []
  let joined = 0
  // a page break that split a sentence: the text after it continues the last kept line
  let glue = false
  const dropTrailingBlanks = () => {
    while (out.length && !out[out.length - 1]!.trim()) out.pop()
  }
  for (let i = 0; i < lines.length; i++) {
    const fused = counters.get(i)
    if (fused !== undefined && fused > 0) {
      removed.push({ line: i + 1, text: trimmed[i]!.slice(0, fused), kind: 'page' })
      dropTrailingBlanks()
      const rest = trimmed[i]!.slice(fused)
      if (breaksOff(out)) {
        out[out.length - 1] += rest
        joined++
      } else out.push(rest)
      glue = false
      continue
    }
    if (junk[i] || fused === 0) {
      const kind = junk[i] ?? 'page'
      removed.push({ line: i + 1, text: trimmed[i]!, kind })
      if (kind === 'page') {
        dropTrailingBlanks()
        while (i + 1 < lines.length && !trimmed[i + 1]) i++
        glue = breaksOff(out)
      }
      continue
    }
    const line = trimmed[i]!
    if (glue && line && !matchMarker(line) && parseDateLine(line) === null) {
      out[out.length - 1] += line
      joined++
      glue = false
      continue
    }
    glue = false
    out.push(lines[i]!)
  }
  return { lines: out, removed, joined }
}

/**
 * Running headers and footers of a PDF copied as text: the line printed at the top or bottom of
 * every page ("某某街道2025年安全生产工作总结", "某某局文件") stands right before or after a page
 * counter ("- 2 -", "— 3 —"). Such a line is junk (kind page) when it is the title repeated, or
 * when the same line stands next to two page counters or more. Only short lines without a full
 * stop; never a heading, a date or a kept line.
 */
function runningHeaders(trimmed: readonly string[], junk: (JunkKind | null)[], kept: (i: number) => boolean, firstContent: number): void {
  const neighbours = new Map<string, number[]>()
  const near = (from: number, step: 1 | -1) => {
    for (let j = from + step, seen = 0; j >= 0 && j < trimmed.length && seen < 2; j += step) {
      if (!trimmed[j]) continue
      if (junk[j] === 'page') continue
      seen++
      if (j === firstContent || junk[j] || kept(j)) continue
      const line = trimmed[j]!
      if (line.length > 60 || line.includes('。') || matchMarker(line) || parseDateLine(line)) continue
      const key = squash(line)
      const list = neighbours.get(key) ?? []
      if (!list.includes(j)) list.push(j)
      neighbours.set(key, list)
    }
  }
  for (let i = 0; i < trimmed.length; i++) {
    if (junk[i] === 'page' && PAGE_COUNTER.test(trimmed[i]!)) {
      near(i, -1)
      near(i, 1)
    }
  }
  const title = firstContent >= 0 ? squash(stripCollectionLabel(trimmed[firstContent]!)) : ''
  for (const [key, list] of neighbours) {
    if (key !== title && list.length < 2) continue
    for (const j of list) junk[j] = 'page'
  }
}

/** The last kept line breaks off mid-sentence: long, and not ending in a line terminal. */
function breaksOff(out: readonly string[]): boolean {
  if (!out.length) return false
  const last = trimLine(out[out.length - 1]!)
  return last.length >= OPEN_LINE_CHARS && !LINE_TERMINALS.has(last[last.length - 1]!)
}

/** A line this long that does not end a sentence is text a page break may have split. */
const OPEN_LINE_CHARS = 20

/** The next non-blank line after i opens the writer's text: body text, a heading, a date. */
function substantiveNext(trimmed: readonly string[], i: number): boolean {
  for (let j = i + 1; j < trimmed.length && j <= i + 3; j++) {
    const line = trimmed[j]!
    if (!line) continue
    const marker = matchMarker(line)
    return isSubstantive(line) || (marker !== null && marker.rest !== '') || (line.length <= 40 && parseDateLine(line) !== null)
  }
  return false
}

const BARE_COUNTER = /^(?:第[ \u3000]*)?(\d{1,3})(?:[ \u3000]*[页頁]|[、.．])?$/
const FUSED_COUNTER = /^(\d{1,3})、(?![0-9０-９])/

/**
 * Page-chunk counters of document-sharing sites, by line index: 0 for a bare counter line ("2",
 * "2、", "第2页"), or the length of a counter fused to the start of a line ("2、" + the page's text).
 * They number the pages 1, 2, 3 … (or 2, 3 …) in order, at least two of them, and every one after
 * the first stands where a sentence breaks off: the line before it is long (a page of text) and
 * does not end a sentence. A fused "2、" after a finished sentence or a heading is a heading, and so
 * is a bare "1、" with its text on the next line.
 */
function pageChunkCounters(trimmed: readonly string[], junk: readonly (JunkKind | null)[], kept: (i: number) => boolean): Map<number, number> {
  const found: { index: number; number: number; length: number }[] = []
  let prevText = ''
  for (let i = 0; i < trimmed.length; i++) {
    const line = trimmed[i]!
    if (!line || junk[i]) continue
    const openBefore = prevText.length >= OPEN_LINE_CHARS && !LINE_TERMINALS.has(prevText[prevText.length - 1]!)
    if (!kept(i)) {
      const bare = BARE_COUNTER.exec(line)
      const fused = bare ? null : FUSED_COUNTER.exec(line)
      if (bare && (openBefore || found.length === 0)) found.push({ index: i, number: Number(bare[1]), length: 0 })
      else if (fused && openBefore) found.push({ index: i, number: Number(fused[1]), length: fused[0].length })
    }
    prevText = line
  }
  // the longest run of consecutive numbers, in order
  let best: typeof found = []
  let run: typeof found = []
  for (const c of found) {
    if (run.length && c.number === run[run.length - 1]!.number + 1) run.push(c)
    else run = [c]
    if (run.length > best.length) best = run.slice()
  }
  const counters = new Map<number, number>()
  if (best.length < 2 || best[0]!.number > 2) return counters
  for (const c of best) counters.set(c.index, c.length)
  return counters
}

/**
 * The importer against texts it has never seen: 29 work summaries written for this test (bureaus,
 * towns, schools, communities; copied from web pages, Word, WPS and PDFs), each imported through the
 * real import path (importFile, with clean on, as the import dialog does) and compared block by block
 * with the structure a writer expects: heading levels with the numbers the editor derives (the
 * numbers the writer typed), run-in bodies, paragraphs, tables, title and 落款. Plus Word files whose
 * headings are only bold, and whose numbers come from Word's own numbering (numbering.xml).
 *
 * The outline format is described in tests/helpers/auditOutline.ts.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx'
import { describe, expect, it } from 'vitest'
import { importFile } from '../../electron/services/import/store'
import { matchMarker, matchWordMarker, parseDateLine } from '../../shared/recognizer'
import type { Inline, SummaryDocument } from '../../shared/document/model'
import { auditOutline } from '../helpers/auditOutline'

const TODAY = '2026-01-10'

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/recognizer/audit/${name}`, import.meta.url))))
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '')
const textOf = (inlines: readonly Inline[], doc: SummaryDocument) =>
  inlines.map((i) => (i.type === 'text' ? i.text : (doc.figures.find((f) => f.id === i.figureId)?.original ?? ''))).join('')

/** Every word of the document in reading order, no whitespace (numbers are derived, so not in it). */
function wordsOf(doc: SummaryDocument): string {
  const parts = [doc.title, doc.subtitle ?? '']
  for (const b of doc.blocks) {
    if (b.type === 'heading') parts.push(textOf(b.title, doc), textOf(b.body ?? [], doc))
    else if (b.type === 'paragraph') parts.push(textOf(b.children, doc))
    else if (b.type === 'table') parts.push(b.rows.map((r) => r.map((c) => textOf(c, doc)).join('')).join(''))
  }
  parts.push(doc.signature?.organization ?? '')
  return squash(parts.join(''))
}

// [file, junk lines removed, expected outline, and for the texts added in session 7: the numbering style and the import notes]
interface Notes {
  numbering?: SummaryDocument['numbering']
  /** report.numberingGaps as "typed heading → now" */
  gaps?: string[]
  /** codes of report.warnings */
  warnings?: string[]
}
const CASES: [string, number, string[], Notes?][] = [
  // four GB/T levels, 主送 line, a 附件 list under the body (its "2." is no heading), organization and date
  ['01-bureau-four-levels.txt', 0, [
    'title 青河县水利局2025年工作总结',
    'p 县人民政府：',
    'p 2025年，我局围绕防汛保安…',
    'h1 一、主要工作完成情况',
    'h2 （一）防汛抗旱体系更加牢固',
    'p 全年修订县级防汛预案1部，各…',
    'h3 1.山洪灾害监测。 ‖ 新建自动雨量站12处、水位站…',
    'h3 2.应急队伍建设。 ‖ 组建乡镇抢险小分队14支，开…',
    'h4 （1）物资储备。 ‖ 县级仓库储备编织袋4万条、救…',
    'h4 （2）值班值守。 ‖ 汛期实行24小时领导带班，未…',
    'h2 （二）农村供水保障水平持续提升',
    'p 完成7处集中供水工程提质改造…',
    'h1 二、存在的不足',
    'p 一是部分小型水库管护力量薄弱…',
    'h1 三、2026年工作打算',
    'p 明年我们将重点抓好病险水库除…',
    'p 附件：1.2025年水利工程…',
    'p 2.防汛物资储备明细表',
    'signature 青河县水利局 2025-12-31',
  ]],
  // a government web page: breadcrumb, 字号：大 中 小, 发布时间/来源/浏览次数, 打印本页/关闭窗口, 扫一扫, 上一篇/下一篇, 责任编辑, site footer
  ['02-town-web-page.txt', 9, [
    'title 南岭镇2025年度工作总结',
    'h1 一、经济发展稳中有进',
    'p 全镇实现地区生产总值18.6…',
    'h1 二、乡村振兴扎实推进',
    'h2 （一）产业培育。 ‖ 新发展茶叶基地1200亩，培…',
    'h2 （二）人居环境。 ‖ 拆除残垣断壁43处，新建公厕…',
    'h1 三、民生保障持续加强',
    'p 全年发放各类救助资金612.…',
    'signature 南岭镇人民政府 2025-12-26',
  ]],
  // "1、" run-in headings straight under "一、" (no "（一）"), restarting per section, a Chinese-numeral date
  ['03-school-run-in-dun.txt', 0, [
    'title 枫林小学2025学年度德育工作总结',
    'p 本学年，学校德育工作以养成教…',
    'h1 一、抓队伍，夯实育人基础',
    'h3 1.班主任培训常态化。 ‖ 全年开展班主任沙龙9期，组织…',
    'h3 2.全员导师制落地见效。 ‖ 每位任课教师联系学生8至12…',
    'h1 二、抓活动，丰富育人载体',
    'h3 1.主题班会。 ‖ 围绕“节约粮食”“文明出行”…',
    'h3 2.社会实践。 ‖ 组织学生走进消防站、敬老院、…',
    'h3 3.心理健康。 ‖ 新建心理辅导室1间，配备专职…',
    'h1 三、抓协同，形成育人合力',
    'h3 1.家长学校。 ‖ 举办家庭教育讲座5场，家长到…',
    'h3 2.家访活动。 ‖ 教师家访覆盖率100%，其中…',
    'signature 枫林小学德育处 2025-12-30',
  ]],
  // 一是/二是 inside body text, 一方面/另一方面, 一年来/一季度 lines that start with 一, a 2025.12.31 date
  ['04-community-yishi.txt', 0, [
    'title 幸福里社区2025年工作总结',
    'p 一年来，社区“两委”在街道党…',
    'h1 一、党建引领更加有力',
    'p 一是规范组织生活。全年召开党…',
    'h1 二、居民服务更加贴心',
    'p 一方面，社区持续推进“一刻钟…',
    'p 一年来，社区先后获评区级文明…',
    'h1 三、基层治理更加精细',
    'p 网格员每日巡查，全年收集问题…',
    'p 一季度以来，矛盾纠纷调处成功…',
    'h1 四、存在的问题和下一步打算',
    'p 工作中还存在一些不足：一是志…',
    'signature 幸福里社区居民委员会 2025-12-31',
  ]],
  // PDF text hard-wrapped at about 24 characters, indented paragraphs, "- 2 -" page numbers and the title repeated as a running header
  ['05-pdf-hard-wrapped.txt', 3, [
    'title 西塘街道2025年安全生产工作总结',
    'p 2025年，西塘街道坚持人民…',
    'h1 一、压紧压实责任链条',
    'p 街道与各社区、辖区企业层层签…',
    'h1 二、深入开展隐患排查',
    'h2 （一）重点行业领域检查。 ‖ 聚焦危化品、燃气、消防等重点…',
    'h2 （二）小场所小单位整治。 ‖ 对沿街门店、出租屋开展拉网式…',
    'h1 三、持续强化宣传培训',
    'p 组织企业主要负责人培训3期，…',
    'signature 西塘街道办事处 2025-12-30',
  ]],
  // WPS paste: full-width-space indentation and a blank line between every paragraph
  ['06-wps-blank-lines.txt', 0, [
    'title 城南中学2025年教学工作总结',
    'p 一年来，学校以提高课堂效率为…',
    'h1 一、常规管理',
    'h2 （一）备课。 ‖ 实行集体备课制度，各学科组每…',
    'h2 （二）作业。 ‖ 推行分层作业，每学期开展作业…',
    'h1 二、质量提升',
    'p 中考平均分比上年提高6.4分…',
    'signature 城南中学教务处 2025-12-31',
  ]],
  // a table pasted from Word/a spreadsheet (tab-separated): one table, the lines around it not joined into it
  ['07-table-tabs.txt', 0, [
    'title 2025年统计工作总结',
    'h1 一、主要指标完成情况',
    'p 全年主要经济指标完成情况如下…',
    'table 指标|单位|完成数|同比增长 / 地区生产总值|亿元|86.3|5.8% / 一般公共预算收入|亿元|6.12|4.1% / 社会消费品零售总额|亿元|31.7|6.5%',
    'h1 二、统计调查',
    'p 完成人口变动抽样调查、劳动力…',
    'signature 县统计局 2025-12-29',
  ]],
  // a table aligned with spaces (from a PDF or a mail)
  ['08-table-spaces.txt', 0, [
    'title 2025年民政工作总结',
    'h1 一、社会救助',
    'p 全年救助资金发放情况：',
    'table 项目|人数|金额（万元） / 城乡低保|2315|1386.4 / 特困供养|412|623.8 / 临时救助|287|95.2',
    'p 以上资金均已通过“一卡通”发…',
    'h1 二、养老服务',
    'p 新建社区养老服务站5个，为8…',
  ]],
  // 第一部分/第二部分 part lines before "一、" headings: they stay text, so "一、二、" keep their typed numbers (the restart under 第三部分 is reported as a gap)
  ['09-part-headings-and-parts.txt', 0, [
    'title 东湖区卫生健康局2025年工作总结',
    'p 第一部分　2025年工作回顾',
    'h1 一、公共卫生服务能力提升',
    'p 全区65岁以上老年人健康管理…',
    'h1 二、医疗资源布局优化',
    'p 区人民医院新院区投入使用，新…',
    'p 第二部分　存在的问题',
    'p 基层医疗机构人才引不进、留不…',
    'p 第三部分　2026年工作思路',
    'h1 三、推进紧密型医共体建设',
    'h1 四、加快智慧医疗应用',
    'signature 东湖区卫生健康局 2026-01-05',
  ]],
  // Traditional characters throughout, a Chinese-numeral date
  ['10-traditional.txt', 0, [
    'title 香園社區二〇二五年度工作總結',
    'h1 一、組織建設',
    'h2 （一）強化學習。 ‖ 全年組織黨員集中學習十二次，…',
    'h2 （二）規範管理。 ‖ 完善議事規則，重大事項均經居…',
    'h1 二、為民服務',
    'p 社區服務中心全年受理居民事項…',
    'h1 三、下一步工作計劃',
    'p 繼續完善網格化管理，提升服務…',
    'signature 香園社區居民委員會 2025-12-28',
  ]],
  // half-width punctuation and 一. (一) 1． markers
  ['11-mixed-width.txt', 0, [
    'title 2025年市场监管所工作总结',
    'h1 一、许可审批',
    'p 全年办理各类许可1,286件…',
    'h1 二、监督检查',
    'h2 （一）食品安全. ‖ 检查食品经营户1032户次,…',
    'h2 （二）特种设备. ‖ 排查电梯、锅炉等设备420台…',
    'h3 1.电梯安全。 ‖ 督促维保单位整改问题38个。',
    'h3 2.锅炉安全。 ‖ 对12台燃煤锅炉开展专项检查…',
    'h2 （三）价格监管. ‖ 开展节假日价格巡查6次.',
    'h1 三、消费维权',
    'p 受理投诉举报892件,为消费…',
  ]],
  // body lines that start like markers: 一年来, 一是 in mid-paragraph, 3、4月份, 1.5万元, 十分, 第一，
  ['12-adversarial-body.txt', 0, [
    'title 2025年财政所工作总结',
    'p 一年来，在镇党委、政府的正确…',
    'p 一是加强收入征管，二是压减一…',
    'h1 一、收入完成情况',
    'p 全年一般公共预算收入完成1.…',
    'p 一方面，我们加大了对重点税源…',
    'h1 二、支出保障情况',
    'p 全年民生支出占一般公共预算支…',
    'p 3、4月份集中拨付春耕补贴资…',
    'p 1.5万元以下的零星支出实行…',
    'h1 三、下一步工作',
    'p 十分注重预算执行进度，确保资…',
    'p 第一，严格预算约束；第二，强…',
  ]],
  // very long run-in lines cut after a clause group (also a long sentence with nothing under it), web head and foot (当前位置, 作者/发布日期/点击数, 分享到, 【关闭】【打印】, 版权所有/技术支持)
  ['13-long-lines-web.txt', 5, [
    'title 桃源镇2025年乡村振兴工作总结',
    'h1 一、产业发展方面，我镇立足山区资源禀赋，坚持宜农则农、宜林则林、宜游则游， ‖ 大力发展高山蔬菜、中药材和乡…',
    'h1 二、人才支撑方面，通过“乡贤回归”“能人返乡”等渠道，吸引返乡创业人员46人， ‖ 领办创办经营主体31个，培训…',
    'h1 三、组织保障方面，镇村两级签订目标责任书，实行月调度、季通报、年考核',
  ]],
  // a ① list and a quotation kept as paragraphs; a 落款 dated only by month (kept as a month: no day is made up)
  ['14-quotation-and-list.txt', 0, [
    'title 2025年度机关党建工作总结',
    'p 今年以来，机关党委认真贯彻落…',
    'h1 一、理论学习',
    'p 党委理论学习中心组全年开展集…',
    'p ①基层治理现代化；',
    'p ②优化营商环境；',
    'p ③机关作风建设。',
    'p 正如一位老党员在座谈中所说：',
    'p “学习不是任务，而是一种习惯…',
    'h1 二、作风建设',
    'p 开展“走流程、找堵点”活动，…',
    'signature 机关党委 2025-12',
  ]],
  // a personal summary signed with a date only
  ['15-no-org-signature-and-dates.txt', 0, [
    'title 个人年度工作总结',
    'p 时光飞逝，转眼间2025年即…',
    'h1 一、思想方面',
    'p 坚持学习，认真参加单位组织的…',
    'h1 二、工作方面',
    'p 全年起草各类文稿60余篇，约…',
    'h1 三、不足之处',
    'p 对业务政策的钻研还不够深入。',
    'signature 2025-12-31',
  ]],
  // "1." numbering restarting under every "一、", a "（1）" level under "1."
  ['16-restart-per-section.txt', 0, [
    'title 2025年自然资源所工作总结',
    'h1 一、耕地保护',
    'h3 1.落实田长制。 ‖ 全镇设立镇、村、组三级田长2…',
    'h3 2.整治违法占地。 ‖ 拆除违法建筑32宗，恢复耕地…',
    'h1 二、不动产登记',
    'h3 1.登记发证。 ‖ 全年办理各类登记1860件。',
    'h3 2.便民服务。 ‖ 推行“交房即交证”，惠及购房…',
    'h3 3.档案管理。 ‖ 完成历史档案数字化1.4万卷…',
    'h1 三、地质灾害防治',
    'h3 1.隐患排查。 ‖ 汛前汛中汛后共排查3轮。',
    'h3 2.群测群防。 ‖ 落实监测员19名。',
    'h4 （1）培训。 ‖ 监测员全员参加业务培训。',
    'h4 （2）补助。 ‖ 按月发放监测补助。',
  ]],
  // headings that are whole sentences, with and without a full stop; a long level-2 line cut at a clause; a last heading without body
  ['17-sentence-headings.txt', 0, [
    'title 某某县教育局2025年工作总结',
    'h1 一、坚持立德树人根本任务，全面加强学校思想政治工作，推动思政课程与课程思政同向同行，构建大思政育人格局',
    'p 全县中小学开齐开足思政课，配…',
    'h1 二、办好人民满意的教育。',
    'p 新建、改扩建中小学校6所，新…',
    'h2 （一）学前教育普惠发展，公办园在园幼儿占比达到58%， ‖ 普惠性幼儿园覆盖率达到91.…',
    'h2 （二）义务教育优质均衡： ‖ 全县义务教育阶段学校标准化建…',
    'h1 三、教师队伍建设',
  ]],
  // PDF wrap at 25 characters with a running header before the page number and a number broken across lines (0.\n3‰)
  ['18-pdf-wrap-headers.txt', 3, [
    'title 白沙县林业局2025年工作总结',
    'p 今年以来，县林业局按照县委、…',
    'h1 一、造林绿化成效明显',
    'p 全县完成人工造林1.1万亩、…',
    'h1 二、森林防火形势稳定',
    'p 全年投入防火资金860万元，…',
    'h1 三、林业产业提质增效',
    'p 林下经济经营面积达到15.8…',
    'h1 四、存在的问题',
    'p 一是管护人员老化；二是基础设…',
  ]],
  // skipped levels ("（1）" straight under "一、") and a skipped number ("（一）" then "（三）", reported);
  // "1．" items that are sentences with nothing under them are list paragraphs, numbers as typed
  ['19-missing-levels.txt', 0, [
    'title 2025年文化馆工作总结',
    'h1 一、公共文化服务',
    'h4 （1）免费开放。 ‖ 全馆全年免费开放330天，接…',
    'h4 （2）流动服务。 ‖ 送文艺演出下乡48场。',
    'h1 二、群众文艺创作',
    'p 1．创作小戏小品7部，其中2…',
    'p 2．举办书画摄影展览5期。',
    'h1 三、非遗保护',
    'h2 （一）申报工作。 ‖ 新增市级非遗项目3项。',
    'h2 （二）传承活动。 ‖ 开展非遗进校园活动16场。',
  ]],
  // web foot after the signature: 分享到, 打印本页/关闭窗口, 扫一扫, 相关链接 with its links, 网站地图 | 联系我们, Copyright
  ['20-web-footer-share.txt', 10, [
    'title 城关街道2025年平安建设工作总结',
    'p 今年以来，城关街道紧紧围绕“…',
    'h1 一、矛盾纠纷化解',
    'p 全年排查化解各类矛盾纠纷31…',
    'h1 二、治安防控',
    'p 新增高清监控探头140个，辖…',
    'signature 城关街道办事处 2025-12-24',
  ]],
  // full-width digits in title and date, "1．" with "1、" nested under it
  ['21-mixed-arabic-kinds.txt', 0, [
    'title ２０２５年度社区卫生服务中心工作总结',
    'h1 一、基本公共卫生服务',
    'h3 1.健康档案。 ‖ 全年新建居民健康档案1860…',
    'h4 （1）档案更新。 ‖ 对既往档案逐户核对，更新信息…',
    'h4 （2）档案使用。 ‖ 向签约居民开放个人档案查询。',
    'h3 2.慢病管理。 ‖ 高血压、糖尿病患者规范管理率…',
    'h1 二、家庭医生签约',
    'p 组建家庭医生团队11个，重点…',
    'signature 社区卫生服务中心 2025-12-29',
  ]],
  // a numbered list inside a paragraph (after a colon), 其一/第二 lead-ins, a 2025/12/30 date alone
  // a 主送 line naming two bureaus (a paragraph, never a heading), two schools signing together, a Chinese-numeral date with blanks
  ['23-addressee-joint-signature.txt', 0, [
    'title 关于2025年校园食品安全工作的总结',
    'p 县市场监督管理局、县教育局：',
    'p 按照两部门年初联合部署，我校…',
    'h1 一、食堂管理',
    'h2 （一）采购验收。 ‖ 全年执行定点采购，索证索票归…',
    'h2 （二）从业人员。 ‖ 食堂员工14人全部持健康证上…',
    'h1 二、周边整治',
    'p 会同城关派出所清理校门口流动…',
    'h1 三、下一步打算',
    'p 明年将推行“明厨亮灶”视频公…',
    'signature 城关第二小学\u3000城关镇中心校 2025-12-26',
  ], { warnings: [] }],
  // a 主送 line, "1、" items, and the 落款 with a month-only date written above the name
  ['24-month-date-above-name.txt', 0, [
    'title 2025年度志愿服务站工作小结',
    'p 各社区、各志愿服务队：',
    'p 今年服务站共登记志愿者412…',
    'h1 一、主要做法',
    'h3 1.建档管理。 ‖ 每名志愿者一人一档，服务时长…',
    'h3 2.结对服务。 ‖ 为辖区76户独居老人安排固定…',
    'h1 二、存在不足',
    'p 年轻志愿者流失较快，部分项目…',
    'signature 滨河街道新时代文明实践所 2025-12',
  ], { numbering: { level3: '1、' } }],
  // irregular numbers: （一） then （三）, a list starting at 2、, 一、二、四、四、 — numbered in order, each place reported
  ['25-numbering-gaps.txt', 0, [
    'title 2025年镇农业农村办工作总结',
    'h1 一、粮食生产',
    'h2 （一）播种面积。 ‖ 全镇粮食播种面积3.2万亩，…',
    'h2 （二）防灾减损。 ‖ 汛期转移低洼地块农机具46台…',
    'h1 二、产业发展',
    'h3 1.特色种植。 ‖ 新增葡萄种植面积800亩，带…',
    'h3 2.农产品销售。 ‖ 组织企业参加展销会4场，签约…',
    'h1 三、农村改革',
    'p 完成农村集体资产清产核资，涉…',
    'h1 四、下步打算',
    'p 抓好高标准农田建设，年内新建…',
    'signature 某某镇农业农村办公室 2025-12-29',
  ], { numbering: { level3: '1、' }, gaps: ['（三）防灾减损。 → （二）', '2、特色种植。 → 1、', '四、农村改革 → 三、', '四、下步打算 → 四、'] }],
  // fourth-level numbers written 1) ⑴ (1) (one style per level: the note says which prints), 一是/第一， lead-ins inside a paragraph, full-width digits in the date
  ['26-bracket-variants-leadins.txt', 0, [
    'title 2025年区图书馆年度工作总结',
    'h1 一、阅读推广',
    'h3 1.全民阅读活动',
    'h4 （1）读书月。 ‖ 举办主题活动22场，线上线下…',
    'h4 （2）阅读空间。 ‖ 新建城市书房3处，均实行24…',
    'h3 2.少儿服务',
    'h4 （1）绘本课堂。 ‖ 全年开课96节，每节限额30…',
    'h4 （2）假期托管。 ‖ 暑期开放自习室45天，接待学…',
    'h1 二、资源建设',
    'p 今年重点做了三件事：一是补充…',
    'h1 三、队伍建设',
    'h4 （1）业务培训。 ‖ 选派馆员参加省级培训7人次。',
    'h4 （2）志愿服务。 ‖ 招募大学生志愿者60名。',
    'signature 区图书馆 2025-12-30',
  ], { numbering: { level4: '(1)' }, warnings: ['import.numberingMixed'] }],
  // a report numbered 第一章/第一节 (levels 1 and 2, their words kept), "1." items under a 节, a month-only date
  ['27-chapters-sections.txt', 0, [
    'title 某县2025年营商环境评估报告',
    'p 受县政府委托，评估组采取问卷…',
    'h1 一、总体评价',
    'p 全县营商环境便利度得分82.…',
    'h2 （一）政务服务',
    'h3 1.审批提速。 ‖ 企业开办压缩到1个工作日内办…',
    'h3 2.服务下沉。 ‖ 乡镇便民服务中心可办事项增至…',
    'h2 （二）要素保障',
    'p 工业用地供应平均周期缩短至4…',
    'h1 二、主要问题',
    'h2 （一）涉企检查仍然偏多',
    'p 部分行业一年内被不同部门重复…',
    'h1 三、改进建议',
    'p 建议推行“综合查一次”，建立…',
    'signature 县营商环境评估组 2025-12',
  ], { numbering: { level1: '第一章', level2: '第一节' }, warnings: [] }],
  // plan items that are whole sentences with nothing under them stay numbered paragraphs (no empty
  // headings); a level-1 sentence among labelled siblings runs in; a heading followed straight by its sub-headings stays
  ['28-plan-items-sentences.txt', 0, [
    'title 柳岸社区2025年度工作总结',
    'p 今年以来，柳岸社区围绕“宜居…',
    'h1 一、基层治理',
    'h2 （一）网格管理',
    'h3 1.划细网格。 ‖ 全社区划分网格14个，每格配…',
    'h3 2.走访入户。 ‖ 网格员全年走访居民2860户…',
    'h2 （二）矛盾调处',
    'p 全年受理邻里纠纷61件，调处…',
    'h1 二、首先我们社区把老旧小区改造作为头号民生工程，由书记牵头、两委成员分片包干， ‖ 坚持每周现场调度一次，确保改…',
    'h1 三、文化服务：',
    'p 全年举办广场文艺演出12场，…',
    'h1 四、下步工作打算：',
    'p 1.进一步完善网格员考核办法…',
    'p 2.加快推进加装电梯工作，力…',
    'p 3.强化志愿服务。组建楼栋志…',
    'p 4.持续开展邻里节活动，增进…',
    'signature 柳岸社区居民委员会 2025-12-29',
  ], { gaps: [], warnings: [] }],
  // heading lines broken after a comma (half-width and full-width): the next line carries the heading on
  ['29-heading-broken-at-comma.txt', 0, [
    'title 某某街道2025年安全生产工作总结',
    'h1 一、压紧压实责任,全面落实安全生产责任制',
    'p 街道与23家重点企业签订安全…',
    'h1 二、深入排查隐患，坚决遏制事故发生',
    'p 全年检查企业和场所412家次…',
    'h1 三、加强宣传培训',
    'p 组织应急演练9场，参与群众1…',
    'signature 某某街道办事处 2025-12-30',
  ], { gaps: [], warnings: [] }],
  ['22-inline-list-and-leadins.txt', 0, [
    'title 2025年司法所工作总结',
    'p 今年司法所重点抓了三件事：',
    'p 1.人民调解规范化；',
    'p 2.社区矫正精细化；',
    'p 3.普法宣传常态化。',
    'p 其一，调解组织实现村（社区）…',
    'h1 一、人民调解',
    'p 全年调解纠纷286件，调解成…',
    'p 第二，法律援助',
    'p 办理法律援助案件42件，为群…',
    'h1 二、普法宣传',
    'p 开展“法律进乡村”活动24场…',
    'signature 2025-12-30',
  ]],
]

describe('importing summaries the importer has never seen', () => {
  for (const [file, junk, expected, notes] of CASES) {
    it(file, async () => {
      const bytes = fixture(file)
      const { documents, report } = await importFile({ name: file, bytes }, { clean: true, today: TODAY })
      expect(documents).toHaveLength(1)
      const doc = documents[0]!
      expect(auditOutline(doc)).toEqual(expected)
      expect(report.junkRemoved).toBe(junk)
      if (notes) {
        expect(doc.numbering).toEqual(notes.numbering)
        expect(report.numberingGaps.map((g) => `${g.typed}${g.heading} → ${g.now}`)).toEqual(notes.gaps ?? [])
        if (notes.warnings) expect(report.warnings.map((w) => w.code)).toEqual(notes.warnings)
      }
      // no empty heading
      for (const b of doc.blocks) if (b.type === 'heading') expect(squash(textOf(b.title, doc))).not.toBe('')
      // nothing the writer wrote is lost: every line that is not junk, without its heading number
      // (derived again) and but for the 落款 date (stored as a date), is in the document, in order
      const words = wordsOf(doc)
      const removed = new Set(report.junkLines.map((j) => j.line))
      let from = 0
      new TextDecoder().decode(bytes).split('\n').forEach((raw, i) => {
        const line = raw.trim().replace(/^[\u3000]+/, '')
        if (!line || removed.has(i + 1) || parseDateLine(line)) return
        const marker = matchMarker(line) ?? matchWordMarker(line)
        const wanted = squash(marker && marker.rest && words.indexOf(squash(line), from) < 0 ? marker.rest : line)
        const at = words.indexOf(wanted, from)
        expect(at, `line ${i + 1}: ${line}`).toBeGreaterThanOrEqual(0)
        from = at + wanted.length
      })
    })
  }
})

describe('Word files: headings only bold, and numbers from Word’s own numbering', () => {
  const run = (text: string, opts: { bold?: boolean; size?: number } = {}) => new Paragraph({ children: [new TextRun({ text, ...opts })] })
  const numbered = (reference: string, level: number, text: string, bold = false) =>
    new Paragraph({ numbering: { reference, level }, children: [new TextRun({ text, bold })] })
  const GW_LEVELS = [
    { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
    { level: 1, format: LevelFormat.CHINESE_COUNTING, text: '（%2）', alignment: AlignmentType.LEFT },
    { level: 2, format: LevelFormat.DECIMAL, text: '%3.', alignment: AlignmentType.LEFT },
  ]
  const importDocx = async (name: string, doc: Document) => {
    const { documents } = await importFile({ name, bytes: new Uint8Array(await Packer.toBuffer(doc)) }, { clean: true, today: TODAY })
    expect(documents).toHaveLength(1)
    return auditOutline(documents[0]!)
  }

  it('typed numbers with headings that are only bold and larger (no styles)', async () => {
    const doc = new Document({ sections: [{ children: [
      run('石桥镇2025年综治工作总结', { bold: true, size: 44 }),
      run('今年以来，石桥镇综治工作稳中有进，群众安全感进一步增强。'),
      run('一、健全工作机制', { bold: true, size: 32 }),
      run('（一）落实包保责任。', { bold: true }),
      run('镇班子成员分片包村，每月到村研判形势一次。'),
      run('（二）完善例会制度。每周召开综治例会，通报情况，交办问题。'),
      run('二、化解矛盾纠纷', { bold: true, size: 32 }),
      run('全年受理矛盾纠纷204起，调处成功201起。'),
      run('石桥镇人民政府'),
      run('2025年12月30日'),
    ] }] })
    expect(await importDocx('石桥镇.docx', doc)).toEqual([
      'title 石桥镇2025年综治工作总结',
      'p 今年以来，石桥镇综治工作稳中…',
      'h1 一、健全工作机制',
      'h2 （一）落实包保责任。',
      'p 镇班子成员分片包村，每月到村…',
      'h2 （二）完善例会制度。 ‖ 每周召开综治例会，通报情况，…',
      'h1 二、化解矛盾纠纷',
      'p 全年受理矛盾纠纷204起，调…',
      'signature 石桥镇人民政府 2025-12-30',
    ])
  })

  it('numbers Word draws from numbering.xml come in as the writer saw them: headings by their numbers, a list under a colon kept as a list', async () => {
    const doc = new Document({
      numbering: { config: [
        { reference: 'gw', levels: GW_LEVELS },
        { reference: 'list', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1、', alignment: AlignmentType.LEFT }] },
      ] },
      sections: [{ children: [
        run('河口街道2025年工作总结', { bold: true, size: 44 }),
        run('一年来，街道围绕年初目标，各项工作有序推进。'),
        numbered('gw', 0, '经济运行', true),
        numbered('gw', 1, '招商引资。全年签约项目14个，总投资23.5亿元。'),
        numbered('gw', 1, '企业服务。走访企业310家次，解决问题88个。'),
        numbered('gw', 2, '开展政策宣讲12场。'),
        numbered('gw', 2, '兑现惠企资金1600万元。'),
        numbered('gw', 0, '社会事业', true),
        numbered('gw', 1, '教育。新建幼儿园1所。'),
        run('主要做法有：'),
        numbered('list', 0, '早谋划；'),
        numbered('list', 0, '抓落实。'),
        run('河口街道办事处'),
        run('2025年12月31日'),
      ] }],
    })
    expect(await importDocx('河口街道.docx', doc)).toEqual([
      'title 河口街道2025年工作总结',
      'p 一年来，街道围绕年初目标，各…',
      'h1 一、经济运行',
      'h2 （一）招商引资。 ‖ 全年签约项目14个，总投资2…',
      'h2 （二）企业服务。 ‖ 走访企业310家次，解决问题…',
      'h3 1.开展政策宣讲12场。',
      'h3 2.兑现惠企资金1600万元。',
      'h1 二、社会事业',
      'h2 （一）教育。 ‖ 新建幼儿园1所。',
      'p 主要做法有：',
      'p 1、早谋划；',
      'p 2、抓落实。',
      'signature 河口街道办事处 2025-12-31',
    ])
  })

  it('Word numbering on heading styles, circled numbers, and a table between the sections', async () => {
    const doc = new Document({
      numbering: { config: [
        { reference: 'gw', levels: GW_LEVELS },
        { reference: 'circled', levels: [{ level: 0, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1', alignment: AlignmentType.LEFT }] },
      ] },
      sections: [{ children: [
        new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('青山区残联2025年工作总结')] }),
        new Paragraph({ heading: HeadingLevel.HEADING_1, numbering: { reference: 'gw', level: 0 }, children: [new TextRun('康复服务')] }),
        run('为残疾儿童提供康复训练服务236人。'),
        new Paragraph({ heading: HeadingLevel.HEADING_2, numbering: { reference: 'gw', level: 1 }, children: [new TextRun('辅具适配')] }),
        numbered('circled', 0, '轮椅发放120辆；'),
        numbered('circled', 0, '助听器发放45台。'),
        new Table({ rows: [
          new TableRow({ children: [new TableCell({ children: [new Paragraph('项目')] }), new TableCell({ children: [new Paragraph('人数')] })] }),
          new TableRow({ children: [new TableCell({ children: [new Paragraph('康复训练')] }), new TableCell({ children: [new Paragraph('236')] })] }),
        ] }),
        new Paragraph({ heading: HeadingLevel.HEADING_1, numbering: { reference: 'gw', level: 0 }, children: [new TextRun('就业帮扶')] }),
        new Paragraph({ heading: HeadingLevel.HEADING_2, numbering: { reference: 'gw', level: 1 }, children: [new TextRun('技能培训。举办培训班4期。')] }),
      ] }],
    })
    expect(await importDocx('青山区残联.docx', doc)).toEqual([
      'title 青山区残联2025年工作总结',
      'h1 一、康复服务',
      'p 为残疾儿童提供康复训练服务2…',
      'h2 （一）辅具适配',
      'p ①轮椅发放120辆；',
      'p ②助听器发放45台。',
      'table 项目|人数 / 康复训练|236',
      'h1 二、就业帮扶',
      'h2 （一）技能培训。 ‖ 举办培训班4期。',
    ])
  })
})

/**
 * Generated snippets for the benchmarks: official-sounding Chinese assembled at random from
 * fragments we wrote, bodies of 2 to 400 characters, a few fields, tags, skewed use counts.
 * Deterministic (seeded), so every run searches the same library.
 */
import type { ImportItem, SnippetBody, SnippetInline } from '../../shared/snippets'
import { DEFAULT_CATEGORIES } from '../../shared/snippets'

export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SUBJECTS = ['街道', '社区', '镇党委', '局机关', '各村', '学校', '卫生院', '派出所', '网格员队伍', '志愿服务队', '县委县政府', '区直各部门', '企业', '中心', '工作专班', '领导小组', '全体干部职工', '驻村工作队', '物业公司', '商户']
const VERBS = ['坚持', '围绕', '聚焦', '深入推进', '扎实开展', '统筹抓好', '持续深化', '认真落实', '不断完善', '着力加强', '全面提升', '切实做好', '积极探索', '大力实施', '严格执行', '及时总结', '广泛动员', '精心组织', '层层压实', '稳步推进']
const OBJECTS = ['安全生产责任制', '矛盾纠纷排查化解', '文明城市创建', '人居环境整治', '基层党组织建设', '便民服务窗口', '森林防火宣传', '防汛抗旱准备', '食品安全监管', '消防隐患整改', '困难群众帮扶', '平安校园建设', '垃圾分类工作', '营商环境优化', '乡村振兴项目', '老旧小区改造', '疫苗接种服务', '法治宣传教育', '志愿服务活动', '信访积案化解', '重点项目建设', '网格化管理', '党风廉政建设', '意识形态工作', '档案规范管理']
const TAILS = ['取得了明显成效', '群众满意度稳步提高', '形成了长效机制', '为全年目标打下基础', '确保各项任务落到实处', '营造了浓厚氛围', '切实解决了群众急难愁盼问题', '得到上级部门充分肯定', '工作水平有了新的提升', '做到底数清、情况明', '进一步压实了工作责任', '推动工作由被动应对向主动作为转变']
const LINKS = ['，', '，', '，', '；', '。', '，同时', '，并', '，通过', '。一是', '。二是', '。此外，']
const NUMBERED = ['召开专题会议', '开展集中培训', '发放宣传资料', '组织督导检查', '走访困难家庭', '排查安全隐患', '受理群众诉求', '举办主题活动']
const UNITS = ['次', '场', '份', '人次', '户', '处', '件', '期']
const FIELDS = ['单位名称', '年度', '会议次数', '培训人次', '投入资金', '知晓率', '责任领导']
const TAGS = ['年度总结', '半年总结', '专项', '文明创建', '安全生产', '党建', '乡村振兴', '信访维稳', '民生', '环境整治', '常用', '开头语', '结束语']
const TITLE_HEADS = ['高度重视', '加强领导', '广泛宣传', '健全机制', '强化措施', '成效明显', '存在不足', '下步打算', '总结开头', '压实责任', '督查问效', '典型引路']

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]!

/** About `length` characters of prose (cut to exactly that many). */
export function prose(r: () => number, length: number): string {
  let text = ''
  while (text.length < length) {
    const kind = r()
    if (kind < 0.55) text += `${pick(r, SUBJECTS)}${pick(r, VERBS)}${pick(r, OBJECTS)}`
    else if (kind < 0.8) text += `${pick(r, NUMBERED)}${1 + Math.floor(r() * 300)}${pick(r, UNITS)}`
    else text += pick(r, TAILS)
    text += pick(r, LINKS)
  }
  return text.slice(0, length)
}

export function generatedSnippet(r: () => number, i: number): ImportItem {
  // bodies of 2 to 400 characters, evenly spread
  const length = 2 + Math.floor(r() * 399)
  const text = prose(r, length)
  const inlines: SnippetInline[] = []
  if (length > 40 && r() < 0.3) {
    const at = Math.floor(r() * (text.length - 10))
    inlines.push({ type: 'text', text: text.slice(0, at) }, { type: 'field', name: pick(r, FIELDS) }, { type: 'text', text: text.slice(at) })
  } else if (length > 30 && r() < 0.1) {
    inlines.push({ type: 'text', text: text.slice(0, 8), bold: true }, { type: 'text', text: text.slice(8) })
  } else inlines.push({ type: 'text', text })
  const body: SnippetBody = [inlines]
  const uses = r() < 0.85 ? 0 : Math.floor(1 / (r() + 0.02)) // most never used, a few very often
  return {
    line: i + 1,
    uid: `bench-${i}`,
    title: `${pick(r, TITLE_HEADS)}${pick(r, OBJECTS).slice(0, 4)}${i % 97}`,
    category: pick(r, DEFAULT_CATEGORIES),
    tags: r() < 0.5 ? [pick(r, TAGS)] : [],
    body,
    useCount: uses,
    lastUsedAt: uses > 0 ? 1_700_000_000_000 + Math.floor(r() * 3e10) : null,
    createdAt: 1_690_000_000_000 + i * 1000,
  }
}

export function generatedSnippets(count: number, seed = 42): ImportItem[] {
  const r = rng(seed)
  return Array.from({ length: count }, (_, i) => generatedSnippet(r, i))
}

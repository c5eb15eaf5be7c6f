/**
 * Every option of the CLI (and of `npm run serve`) in one table: its type, the value it takes and
 * its help in both languages. Commands name the options they take; the parser checks a command
 * line against the table, so an option means the same everywhere and its help is written once.
 */
import { parseArgs } from 'node:util'
import { CliError } from './print'

export const LANGS = ['zh-CN', 'en'] as const
export type Lang = (typeof LANGS)[number]
export const DEFAULT_LANG: Lang = 'zh-CN'
/** Help text in each language. */
export type Text = Readonly<Record<Lang, string>>
/** A placeholder in usage lines (DOC, FILE, 标题): one string where both languages write it alike. */
export type Placeholder = Text | string
export const placeholderIn = (p: Placeholder, lang: Lang): string => (typeof p === 'string' ? p : p[lang])

export interface OptionSpec {
  readonly type: 'string' | 'boolean'
  readonly short?: string
  /** the value's placeholder in help: DIR, N, 标题 */
  readonly value?: Placeholder
  readonly help: Text
}

/** Words in both languages: the CLI's own (help, usage errors, the layout of what it prints). */
export const t = (zh: string, en: string): Text => ({ 'zh-CN': zh, en })

export const OPTIONS = {
  // taken by every command
  'data-dir': {
    type: 'string',
    value: 'DIR',
    help: t(
      '数据文件夹，文稿库 library.sqlite 在其中（默认取 DRAFTDESK_DATA_DIR，再默认为系统的用户数据文件夹）',
      'the data folder holding the document library, library.sqlite (default: DRAFTDESK_DATA_DIR, else the user-data folder)',
    ),
  },
  lang: { type: 'string', value: 'zh-CN|en', help: t('提示与帮助的语言，默认 zh-CN', 'language of messages and help (default zh-CN)') },
  help: { type: 'boolean', short: 'h', help: t('显示帮助', 'show help') },
  json: { type: 'boolean', help: t('输出 JSON', 'print JSON') },
  // documents and import
  title: { type: 'string', value: t('标题', 'TITLE'), help: t('文稿标题', 'the document title') },
  trash: { type: 'boolean', help: t('列出回收站里的文稿', 'list the documents in the trash') },
  split: { type: 'boolean', help: t('一个文件里有几篇总结时，分成几篇文稿', 'one document per summary when the file holds several') },
  clean: { type: 'boolean', help: t('去掉从网页复制带来的杂行', 'remove junk lines copied from web pages') },
  save: { type: 'boolean', help: t('同时存入文稿库', 'also store the documents in the document library') },
  // snippets
  category: { type: 'string', value: t('分类', 'CATEGORY'), help: t('只看这个分类（如 工作措施/组织领导）', 'only this category (a path such as 工作措施/组织领导)') },
  limit: { type: 'string', value: 'N', help: t('最多列出 N 条（1–200，默认 20）', 'list at most N (1–200, default 20)') },
  'skip-invalid': { type: 'boolean', help: t('有问题的行跳过，只导入无误的', 'skip the rows with problems and import the rest') },
  'keep-duplicates': { type: 'boolean', help: t('与素材库已有素材重复的也导入', 'import snippets that duplicate one in the snippet library too') },
  library: { type: 'boolean', help: t('也从文稿库的全部文稿中收集', 'also harvest every document of the document library') },
  // figures
  create: { type: 'boolean', help: t('没有这项数据时新建', 'create the figure when there is none of that name') },
  // rollover
  year: { type: 'string', value: 'YYYY', help: t('新年度（默认为文稿年份的下一年）', 'the new year (default: the year after the document’s)') },
  'dry-run': { type: 'boolean', help: t('只预览，不保存', 'preview only, store nothing') },
  // output
  docx: { type: 'string', value: 'OUT', help: t('写出 Word 文件', 'write a Word file') },
  pdf: { type: 'string', value: 'OUT', help: t('写出 PDF 文件（用无界面 Chromium）', 'write a PDF file (through headless Chromium)') },
  txt: { type: 'string', value: 'OUT', help: t('写出纯文本文件', 'write a plain-text file') },
  md: { type: 'string', value: 'OUT', help: t('写出 Markdown 文件', 'write a Markdown file') },
  'print-mark': { type: 'boolean', help: t('PDF 每页页脚印上定稿标记（GB/T 9704 没有，默认不印）', 'print the 定稿 mark at the foot of every PDF page (GB/T 9704 has none; off by default)') },
  revision: { type: 'string', value: 'N', help: t('导出第 N 号定稿（编号见 finals）', 'export 定稿 number N (see finals)') },
  name: { type: 'string', value: t('名称', 'NAME'), help: t('名称', 'the name') },
  by: { type: 'string', value: t('定稿人', 'AUTHOR'), help: t('定稿人', 'who signs the 定稿 off') },
  kind: { type: 'string', value: 'seal|signature', help: t('印章或签名图片', 'a seal or a signature image') },
  strict: {
    type: 'boolean',
    help: t('出稿检查有错误（待填数据、占位符…）时不写文件、不定稿，以 1 退出', 'when the pre-export check finds errors (unfilled figures, placeholders…), write nothing, freeze nothing, exit 1'),
  },
  today: { type: 'string', value: 'yyyy-mm-dd', help: t('按这一天检查日期（默认今天）', 'check dates against this day (default today)') },
  // the browser shell (npm run serve)
  port: { type: 'string', value: 'N', help: t('监听的端口（默认随机）', 'the port to listen on (default: any free port)') },
  renderer: { type: 'string', value: 'DIR', help: t('界面文件所在文件夹（默认 dist/renderer）', 'the built renderer folder (default dist/renderer)') },
} as const satisfies Record<string, OptionSpec>

export type OptionName = keyof typeof OPTIONS
export type OptionValues = { -readonly [K in OptionName]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string }

/** Taken by every command. */
export const GLOBAL_OPTIONS: readonly OptionName[] = ['data-dir', 'lang', 'help']

export interface CommandLine {
  values: OptionValues
  positionals: string[]
  lang: Lang
}

export function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value)
}

/** --lang as given anywhere on the line, so that even a command line that fails to parse is answered in it. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === '--lang' ? argv[i + 1] : argv[i]?.startsWith('--lang=') ? argv[i]!.slice('--lang='.length) : undefined
    if (value !== undefined && isLang(value)) return value
  }
  return DEFAULT_LANG
}

/** Parses argv against the table: an option not in it, or a value missing, is a usage error (exit 2). */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const options = Object.fromEntries(
    Object.entries(OPTIONS).map(([name, o]: [string, OptionSpec]) => [name, o.short ? { type: o.type, short: o.short } : { type: o.type }]),
  )
  let parsed
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true })
  } catch (err) {
    throw new CliError(parseArgsRefusal(err), 2)
  }
  const values = parsed.values as OptionValues
  if (values.lang !== undefined && !isLang(values.lang)) throw new CliError(t(`--lang 只能是 ${LANGS.join(' 或 ')}：${values.lang}`, `--lang must be ${LANGS.join(' or ')}: ${values.lang}`), 2)
  return { values, positionals: parsed.positionals, lang: values.lang ?? DEFAULT_LANG }
}

/** node:util's parseArgs refusal in our words (its own are English only). */
function parseArgsRefusal(err: unknown): Text {
  const message = err instanceof Error ? err.message : String(err)
  const option = /'(-[^' ,]*)/.exec(message)?.[1] ?? ''
  switch ((err as { code?: string } | null)?.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t(`没有这个选项：${option}`, `no such option: ${option}`)
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /argument missing/.test(message) ? t(`选项 ${option} 需要一个值`, `option ${option} needs a value`) : t(`选项 ${option} 不带值`, `option ${option} takes no value`)
    default:
      return t(`命令行有误：${message}`, `wrong command line: ${message}`)
  }
}

/** Refuses the options `command` does not take (the global ones are always taken). */
export function checkOptions(values: OptionValues, allowed: readonly OptionName[], command: string): void {
  const taken = new Set([...GLOBAL_OPTIONS, ...allowed])
  const extra = (Object.keys(values) as OptionName[]).filter((name) => values[name] !== undefined && !taken.has(name))
  if (extra.length) throw new CliError(t(`${command} 不接受 ${extra.map((n) => `--${n}`).join('、')}`, `${command} takes no ${extra.map((n) => `--${n}`).join(', ')}`), 2)
}

/** The options' help lines, aligned: `  --title 标题   文稿标题`. */
export function optionsHelp(names: readonly OptionName[], lang: Lang): string {
  const rows = names.map((name) => {
    const o: OptionSpec = OPTIONS[name]
    return [`  ${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${placeholderIn(o.value, lang)}` : ''}`, o.help[lang]] as const
  })
  const width = Math.max(...rows.map(([left]) => displayWidth(left)))
  return rows.map(([left, help]) => `${left}${' '.repeat(width - displayWidth(left) + 3)}${help}`).join('\n')
}

/** Columns a string takes in a terminal: CJK characters take two. */
export function displayWidth(s: string): number {
  let width = 0
  for (const ch of s) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1
  return width
}

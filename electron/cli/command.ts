/** What a CLI command is, and the help made from it. */
import type { ApiInput, ApiMethod, ApiOutput } from '../../shared/api'
import type { Services } from '../services'
import { displayWidth, GLOBAL_OPTIONS, OPTIONS, optionsHelp, placeholderIn, t, type Lang, type OptionName, type OptionSpec, type OptionValues, type Placeholder, type Text } from './options'
import { usageError, type Printer } from './print'

export interface CliContext extends Printer {
  readonly lang: Lang
  readonly values: OptionValues
  readonly services: Services
  /** a typed API call, as the app makes it */
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>
}

export interface Command {
  /** the words that name it: ['figures', 'set'] */
  readonly words: readonly string[]
  /** its arguments as the usage line shows them: DOC 名称 数值 */
  readonly args?: Placeholder
  readonly summary: Text
  /** the options it takes, besides --data-dir, --lang and --help */
  readonly options: readonly OptionName[]
  /** those of its options it cannot do without */
  readonly required?: readonly OptionName[]
  /** 'optional': it runs when the 文稿库 cannot be opened too (restore, salvage) */
  readonly library?: 'optional'
  /** more lines for its --help */
  readonly details?: Text
  /** the exit code (0 when nothing is returned) */
  run(ctx: CliContext, args: string[]): Promise<number | void> | number | void
}

export interface CommandGroup {
  readonly name: string
  readonly title: Text
  readonly commands: readonly Command[]
}

export const PROGRAM = 'npm run cli --'

export { t }

const optionUsage = (name: OptionName, required: boolean, lang: Lang): string => {
  const o: OptionSpec = OPTIONS[name]
  const usage = `--${name}${o.value ? ` ${placeholderIn(o.value, lang)}` : ''}`
  return required ? usage : `[${usage}]`
}

/** `figures set DOC 名称 数值 [--create] [--json]` */
export function usageLine(command: Command, lang: Lang): string {
  return [command.words.join(' '), command.args && placeholderIn(command.args, lang), ...command.options.map((o) => optionUsage(o, !!command.required?.includes(o), lang))].filter(Boolean).join(' ')
}

/** `用法: npm run cli -- figures set DOC 名称 数值 [--create] [--json]` */
export const usageOf = (command: Command) => (lang: Lang): string => `${lang === 'en' ? 'usage: ' : '用法：'}${PROGRAM} ${usageLine(command, lang)}`

/** A command's --help: usage, what it does, its options. */
export function commandHelp(command: Command, lang: Lang): string {
  return [
    usageOf(command)(lang),
    '',
    command.summary[lang],
    ...(command.details ? [command.details[lang]] : []),
    '',
    lang === 'en' ? 'options:' : '选项：',
    optionsHelp([...command.options, ...GLOBAL_OPTIONS], lang),
  ].join('\n')
}

/** Usage lines with the summaries beside them, aligned. */
export function commandList(commands: readonly Command[], lang: Lang): string {
  const rows = commands.map((c) => [`  ${usageLine(c, lang)}`, c.summary[lang]] as const)
  const width = Math.min(64, Math.max(...rows.map(([left]) => displayWidth(left))))
  return rows
    .map(([left, summary]) => (displayWidth(left) > width ? `${left}\n${' '.repeat(width + 3)}${summary}` : `${left}${' '.repeat(width - displayWidth(left) + 3)}${summary}`))
    .join('\n')
}

export interface HelpSection {
  readonly title: string
  readonly commands: readonly Command[]
}

/** The help of a group, or of the whole CLI: the commands by section, then the options every command takes. */
export function helpPage(sections: readonly HelpSection[], lang: Lang): string {
  const en = lang === 'en'
  return [
    `${en ? 'usage: ' : '用法：'}${PROGRAM} <${en ? 'command' : '命令'}> [${en ? 'options' : '选项'}]`,
    ...sections.flatMap((s) => ['', `${s.title}${en ? ':' : '：'}`, commandList(s.commands, lang)]),
    '',
    en ? 'options of every command:' : '每个命令都可用的选项：',
    optionsHelp(GLOBAL_OPTIONS, lang),
    '',
    en ? `\`${PROGRAM} <command> --help\` describes a command and its options.` : `「${PROGRAM} <命令> --help」说明一个命令及其选项。`,
  ].join('\n')
}

/** The argument at `index`, or a usage error saying it is missing. */
export function requireArg(command: Command, args: readonly string[], index: number, message: Text): string {
  const value = args[index]
  if (value === undefined) throw usageError(message, usageOf(command))
  return value
}

/** The command as the writer typed it: `figures set`. */
const named = (command: Command) => command.words.join(' ')

/** A DOC argument (a document id), or the usage error `figures set 需要文档 ID`. */
export function documentArg(command: Command, args: readonly string[], index = 0): string {
  return requireArg(command, args, index, t(`${named(command)} 需要文档 ID`, `${named(command)} needs a document id`))
}

/** A FILE argument (a path), or the usage error `verify 需要文件路径`. */
export function fileArg(command: Command, args: readonly string[], index = 0): string {
  return requireArg(command, args, index, t(`${named(command)} 需要文件路径`, `${named(command)} needs a FILE`))
}

/** What `documentListCommand` makes a command from. */
export interface DocumentListSpec<T> {
  readonly words: readonly string[]
  readonly summary: Text
  readonly details?: Text
  /** the document's items, from the API or a store */
  list(ctx: CliContext, id: string): Promise<readonly T[]> | readonly T[]
  line(item: T, lang: Lang): string
  /** what to say when there is none */
  readonly none?: Text
}

/** `<words> DOC [--json]`: one document's items (its figures, versions, 定稿), a line each or JSON. */
export function documentListCommand<T>(spec: DocumentListSpec<T>): Command {
  const command: Command = {
    words: spec.words,
    args: 'DOC',
    summary: spec.summary,
    ...(spec.details ? { details: spec.details } : {}),
    options: ['json'],
    async run(ctx, args) {
      const items = await spec.list(ctx, documentArg(command, args))
      printList(ctx, items, (item) => spec.line(item, ctx.lang), spec.none)
    },
  }
  return command
}

/** A list as the result: JSON with --json, else a line per item (`none` when there is none). */
export function printList<T>(ctx: CliContext, items: readonly T[], line: (item: T) => string, none?: Text): void {
  if (ctx.values.json) return ctx.json(items)
  if (items.length === 0 && none) return ctx.line(none[ctx.lang])
  for (const item of items) ctx.line(line(item))
}

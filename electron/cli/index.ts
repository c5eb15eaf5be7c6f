/**
 * `npm run cli -- <command>`: the 文稿库 from the command line, through the same services and API
 * contract as the app. One file per group of commands; the options in options.ts; everything
 * printed goes through print.ts. `npm run cli -- --help` lists the commands.
 */
import { ApiError } from '../../shared/api'
import { callApi, createServices, resolveDataDir } from '../services'
import { chromiumPrinter } from '../services/output/pdf'
import { backupGroup } from './backup'
import { commandHelp, helpPage, t, type CliContext, type Command, type CommandGroup } from './command'
import { documentsGroup } from './documents'
import { figuresGroup } from './figures'
import { importGroup } from './import'
import { checkOptions, langOf, parseCommandLine, type Lang } from './options'
import { outputGroup } from './output'
import { consoleOut, printer, printError, usageError, type Out } from './print'
import { rolloverGroup } from './rollover'
import { snippetsGroup } from './snippets'

export const GROUPS: readonly CommandGroup[] = [documentsGroup, importGroup, snippetsGroup, figuresGroup, rolloverGroup, outputGroup, backupGroup]
export const COMMANDS: readonly Command[] = GROUPS.flatMap((g) => g.commands)

/** The help for everything: every group's commands. */
export function programHelp(lang: Lang): string {
  return helpPage(GROUPS.map((g) => ({ title: g.title[lang], commands: g.commands })), lang)
}

type Resolved = { command: Command; args: string[] } | { group: string; commands: readonly Command[] }

/** The command the words name (the longest match), or the group they begin. */
function resolve(words: readonly string[]): Resolved | undefined {
  const matches = COMMANDS.filter((c) => c.words.every((w, i) => words[i] === w)).sort((a, b) => b.words.length - a.words.length)
  const command = matches[0]
  if (command) return { command, args: words.slice(command.words.length) }
  const first = words[0]
  const group = GROUPS.find((g) => g.name === first)
  if (group) return { group: group.name, commands: group.commands }
  const begun = COMMANDS.filter((c) => c.words.length > 1 && c.words[0] === first)
  return begun.length ? { group: first!, commands: begun } : undefined
}

export async function runCli(argv: string[], out: Out = consoleOut): Promise<number> {
  let lang = langOf(argv)
  try {
    const { values, positionals, lang: chosen } = parseCommandLine(argv)
    lang = chosen
    const words = positionals[0] === 'help' ? positionals.slice(1) : positionals
    const wantsHelp = values.help || positionals[0] === 'help'
    if (!words.length) {
      if (wantsHelp) return (out.log(programHelp(lang)), 0)
      throw usageError(t('需要一个命令', 'a command is needed'), programHelp)
    }
    const found = resolve(words)
    if (!found) throw usageError(t(`未知命令：${words[0]}`, `unknown command: ${words[0]}`), programHelp)
    if ('group' in found) {
      const help = (l: Lang) => helpPage([{ title: GROUPS.find((g) => g.name === found.group)?.title[l] ?? found.group, commands: found.commands }], l)
      if (wantsHelp) return (out.log(help(lang)), 0)
      const sub = words[1]
      const message = !found.commands.every((c) => c.words[0] === found.group)
        ? t(`${found.group} 是一组命令的名称，不是命令`, `${found.group} names a group of commands, not a command`)
        : sub
          ? t(`未知的子命令：${found.group} ${sub}`, `unknown subcommand: ${found.group} ${sub}`)
          : t(`${found.group} 需要子命令`, `${found.group} needs a subcommand`)
      throw usageError(message, help)
    }
    const { command, args } = found
    if (wantsHelp) return (out.log(commandHelp(command, lang)), 0)
    checkOptions(values, command.options, command.words.join(' '))
    return await runCommand(command, args, values, lang, out)
  } catch (err) {
    return printError(err, lang, out)
  }
}

async function runCommand(command: Command, args: string[], values: CliContext['values'], lang: Lang, out: Out): Promise<number> {
  const services = createServices({
    dataDir: resolveDataDir({ argv: values['data-dir'] ? ['--data-dir', values['data-dir']] : [] }),
    // one Chromium per PDF, started and stopped with the command
    output: { printer: () => chromiumPrinter() },
  })
  try {
    const info = services.library.info()
    if (info.state === 'unavailable' && command.library !== 'optional') throw new ApiError('library.unavailableAt', { path: info.path }, { reason: info.problem })
    const ctx: CliContext = { ...printer(out), lang, values, services, call: (method, input) => callApi(services.handlers, method, input) }
    return (await command.run(ctx, args)) ?? 0
  } finally {
    services.close()
  }
}

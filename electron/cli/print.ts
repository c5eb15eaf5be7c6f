/**
 * How the CLI prints: results on stdout (text or JSON), reports and warnings on stderr, and every
 * error through printError — the one place an error becomes the text the writer reads.
 */
import { ApiError } from '../../shared/api'
import { messageText } from '../../shared/errors'
import type { Lang, Text } from './options'

export interface Out {
  log(text: string): void
  error(text: string): void
}

export const consoleOut: Out = { log: (text) => console.log(text), error: (text) => console.error(text) }

/**
 * A refusal by the CLI itself, in both languages (t()). Exit code 2 for a command line that is
 * wrong (the usage of the command follows the message), 1 for a command that could not be done
 * (no such file…). Refusals the app makes too are ApiErrors with the app's code instead.
 */
export class CliError extends Error {
  constructor(
    /** the words in each language; a string is shown as it is (already worded in the writer's language) */
    readonly text: Text | string,
    readonly exitCode: 1 | 2 = 1,
    /** the help to print after the message, in the writer's language */
    readonly usage?: (lang: Lang) => string,
  ) {
    super(typeof text === 'string' ? text : text['zh-CN'])
    this.name = 'CliError'
  }

  textIn(lang: Lang): string {
    return typeof this.text === 'string' ? this.text : this.text[lang]
  }
}

/** A wrong command line: exit code 2, the command's usage after the message. */
export function usageError(text: Text, usage?: (lang: Lang) => string): CliError {
  return new CliError(text, 2, usage)
}

/** The text of an error, in `lang`. */
export function errorText(err: unknown, lang: Lang): string {
  if (err instanceof ApiError) return messageText(err.toMessage(), lang)
  if (err instanceof CliError) return err.textIn(lang)
  if (err instanceof Error) return err.message
  return String(err)
}

/** Prints an error (and, for a wrong command line, the usage); returns the exit code. */
export function printError(err: unknown, lang: Lang, out: Out): number {
  const usage = err instanceof CliError && err.usage ? `\n${err.usage(lang)}` : ''
  out.error(`${errorText(err, lang)}${usage}`)
  return err instanceof CliError ? err.exitCode : 1
}

/** What a command prints through. */
export interface Printer {
  /** a line of the result (stdout) */
  line(text: string): void
  /** the result as JSON (stdout) */
  json(value: unknown): void
  /** a report line or warning beside the result (stderr) */
  note(text: string): void
}

export function printer(out: Out): Printer {
  return {
    line: (text) => out.log(text),
    json: (value) => out.log(JSON.stringify(value, null, 2)),
    note: (text) => out.error(text),
  }
}

/** The CLI run in-process as a test calls it: its exit code, and what it printed to stdout and stderr. */
import { runCli } from '../../electron/cli'

export async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const lines: string[] = []
  const errors: string[] = []
  const code = await runCli(args, { log: (s) => lines.push(s), error: (s) => errors.push(s) })
  return { code, out: lines.join('\n'), err: errors.join('\n') }
}

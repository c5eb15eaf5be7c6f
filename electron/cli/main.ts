/** The CLI as a program: `tsx electron/cli/main.ts`, or the bundled dist/electron/cli.cjs. */
import { runCli } from './index'

/**
 * Exits once stdout and stderr have been handed to the OS. Writes to a pipe are asynchronous in
 * Node, and process.exit() drops what is still queued: piped `--json` output stopped at 64 KB.
 * An empty write's callback runs after every write queued before it.
 */
function exitWhenFlushed(code: number): void {
  let pending = 2
  const done = () => {
    if (--pending === 0) process.exit(code)
  }
  process.exitCode = code
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.destroyed || !stream.writable) done()
    else stream.write('', () => done())
  }
}

void runCli(process.argv.slice(2)).then(exitWhenFlushed)

/** The CLI as a program: `tsx electron/cli/main.ts`, or the bundled dist/electron/cli.cjs. */
import { runCli } from './index'

void runCli(process.argv.slice(2)).then((code) => process.exit(code))

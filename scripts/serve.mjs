#!/usr/bin/env node
// `npm run serve [-- --data-dir DIR --port N]`: builds, then runs the browser shell alone.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { build, root } from './build.mjs'

await build()
const child = spawn(process.execPath, [path.join(root, 'dist', 'electron', 'serve.cjs'), ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))

// `node scripts/bench-compare.mjs --base REV [--head REV] [--rounds N]`: the benchmarks of an
// earlier revision and of this tree (or of --head) in one session, interleaved (base, this, base, this, …) so that both meet the
// same machine load, then each figure's median over the rounds side by side. For judging a change
// that must not make anything slower (a restructure): figures measured on different days differ
// more than a change does.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf(name)
  return at >= 0 && args[at + 1] ? args[at + 1] : fallback
}
const base = option('--base', null)
const headRev = option('--head', null)
const rounds = Number(option('--rounds', '2'))
if (!base || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: node scripts/bench-compare.mjs --base REV [--head REV] [--rounds N]')
  process.exit(2)
}
const here = process.cwd()
/** A detached worktree of `rev` sharing this tree's node_modules. */
function checkout(rev, label) {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), `draftdesk-bench-${label}-`))
  execFileSync('git', ['worktree', 'add', '--detach', tree, rev], { stdio: 'inherit' })
  fs.symlinkSync(path.join(here, 'node_modules'), path.join(tree, 'node_modules'))
  return tree
}
const baseTree = checkout(base, 'base')
const headTree = headRev ? checkout(headRev, 'head') : here

/** One bench run in `tree`: its JSON lines by figure name (median, or p50 when the figure has no median). */
function run(tree) {
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: tree, stdio: 'inherit' })
  const out = spawnSync('npx', ['tsx', 'tests/bench/run.ts'], { cwd: tree, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const figures = new Map()
  for (const line of out.stdout.split('\n')) {
    try {
      const f = JSON.parse(line)
      const value = f.median ?? f.p50 ?? f.value
      if (typeof f.name === 'string' && typeof value === 'number') figures.set(f.name, value)
    } catch {
      // not a figure line
    }
  }
  if (out.status !== 0) console.error(`bench in ${tree} exited ${out.status}: ${out.stderr.slice(-2000)}`)
  return figures
}

const seen = { base: [], head: [] }
try {
  for (let r = 0; r < rounds; r++) {
    console.error(`round ${r + 1}/${rounds}: ${base}`)
    seen.base.push(run(baseTree))
    console.error(`round ${r + 1}/${rounds}: ${headRev ?? 'this tree'}`)
    seen.head.push(run(headTree))
  }
} finally {
  for (const tree of headRev ? [baseTree, headTree] : [baseTree]) {
    execFileSync('git', ['worktree', 'remove', '--force', tree], { stdio: 'inherit' })
  }
}
const median = (values) => {
  const s = [...values].sort((a, b) => a - b)
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN
}
const names = [...new Set(seen.head.flatMap((m) => [...m.keys()]))]
for (const name of names) {
  const b = median(seen.base.map((m) => m.get(name)).filter((v) => v !== undefined))
  const h = median(seen.head.map((m) => m.get(name)).filter((v) => v !== undefined))
  console.log(JSON.stringify({ name, base: Number.isNaN(b) ? null : b, head: h, ratio: Number.isNaN(b) || b === 0 ? null : Math.round((h / b) * 100) / 100, rounds }))
}

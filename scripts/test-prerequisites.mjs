#!/usr/bin/env node
// Runs first in `npm test` (and test:integration, test:e2e): the programs and fonts the tests use
// from the machine. Quiet and fast when all are there. When some are missing it installs the Debian
// packages that bring them (as root, or with password-less sudo, and apt-get present), else stops
// with one line naming the install command. DRAFTDESK_NO_APT=1: never install, only say what to run.
//
//   Chromium      CHROMIUM_PATH or /usr/bin/chromium   end-to-end tests, PDF export   chromium
//   CJK fonts     Noto Serif/Sans CJK SC, AR PL UKai   print view, PDF geometry        fonts-noto-cjk, fonts-arphic-ukai
//   poppler       pdftotext, pdftoppm, pdfinfo         reading the PDFs back           poppler-utils
//   LibreOffice   soffice                              rendering exported DOCX files   libreoffice-writer-nogui
//   Redis         redis-server                         team server scale-out tests     redis-server
//   PostgreSQL    /usr/lib/postgresql/N/bin/pg_ctl     team server storage tests       postgresql
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const DEFAULT_CHROMIUM = '/usr/bin/chromium'

/** Each font: the Debian package's file, and the fontconfig family that counts when installed otherwise. */
const FONTS = [
  { file: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', family: 'Noto Serif CJK SC', pkg: 'fonts-noto-cjk' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'Noto Sans CJK SC', pkg: 'fonts-noto-cjk' },
  { file: '/usr/share/fonts/truetype/arphic/ukai.ttc', family: 'AR PL UKai CN', pkg: 'fonts-arphic-ukai' },
]

/** Package order in the install command (the order .ci/run always used). */
export const PACKAGES = ['chromium', 'fonts-noto-cjk', 'fonts-arphic-ukai', 'poppler-utils', 'libreoffice-writer-nogui', 'redis-server', 'postgresql']

/** Where Debian's postgresql puts pg_ctl and initdb (the tests run their own cluster with them). */
export const POSTGRES_VERSIONS = [18, 17, 16, 15, 14, 13]

/**
 * What is missing. `probe` answers the questions about the machine (injected so tests need not
 * uninstall anything): the environment, whether a file is an executable, whether a file exists, the
 * fontconfig families (only asked when a font file is absent; null without fc-list).
 *
 * Each problem names the Debian package that fixes it, or, for a CHROMIUM_PATH pointing at nothing,
 * none: installing cannot fix that.
 */
export function findMissing(probe) {
  const missing = []
  const chromiumPath = probe.env.CHROMIUM_PATH
  if (chromiumPath) {
    if (!probe.isExecutable(chromiumPath)) missing.push({ what: `Chromium (CHROMIUM_PATH=${chromiumPath} is not an executable file: fix or unset it)`, pkg: null })
  } else if (!probe.isExecutable(DEFAULT_CHROMIUM)) {
    missing.push({ what: `Chromium (${DEFAULT_CHROMIUM})`, pkg: 'chromium' })
  }

  let families
  const absentFonts = FONTS.filter((font) => {
    if (probe.exists(font.file)) return false
    families ??= new Set(probe.fontFamilies() ?? [])
    return !families.has(font.family)
  })
  for (const pkg of new Set(absentFonts.map((f) => f.pkg))) {
    const names = absentFonts.filter((f) => f.pkg === pkg).map((f) => f.family)
    missing.push({ what: `CJK fonts (${names.join(', ')})`, pkg })
  }

  const tools = (names) => names.filter((name) => !onPath(probe, name))
  const poppler = tools(['pdftotext', 'pdftoppm', 'pdfinfo'])
  if (poppler.length) missing.push({ what: `poppler (${poppler.join(', ')})`, pkg: 'poppler-utils' })
  if (tools(['soffice']).length) missing.push({ what: 'LibreOffice (soffice)', pkg: 'libreoffice-writer-nogui' })
  if (tools(['redis-server']).length) missing.push({ what: 'Redis (redis-server)', pkg: 'redis-server' })
  if (!POSTGRES_VERSIONS.some((v) => probe.isExecutable(`/usr/lib/postgresql/${v}/bin/pg_ctl`))) missing.push({ what: 'PostgreSQL (pg_ctl, initdb)', pkg: 'postgresql' })
  return missing
}

function onPath(probe, name) {
  return (probe.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && probe.isExecutable(path.join(dir, name)))
}

/** The command a person runs to install `packages` (with sudo unless they are root). */
export function installCommand(packages, root) {
  const sudo = root ? '' : 'sudo '
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${packages.join(' ')}`
}

/**
 * What to do about `missing` on this machine (`system`: root, apt-get present, password-less sudo):
 *   { action: 'ok' }                                  nothing missing
 *   { action: 'install', packages, sudo }             install them (then look again)
 *   { action: 'stop', line }                          one line: what is missing and the command
 * A wrong CHROMIUM_PATH always stops: no package fixes it.
 */
export function decide(missing, system) {
  if (missing.length === 0) return { action: 'ok' }
  const packages = PACKAGES.filter((pkg) => missing.some((m) => m.pkg === pkg))
  const fixable = missing.every((m) => m.pkg !== null)
  if (fixable && system.aptGet && (system.root || system.sudo)) return { action: 'install', packages, sudo: !system.root }
  return { action: 'stop', line: stopLine(missing, packages, system.root) }
}

export function stopLine(missing, packages, root) {
  const what = missing.map((m) => m.what).join('; ')
  const install = packages.length ? `; install with: ${installCommand(packages, root)}` : ''
  return `npm test needs ${what}${install}`
}

// ---------------------------------------------------------------------------------------------
// the real machine

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK)
    return fs.statSync(file).isFile()
  } catch {
    return false
  }
}

export const machine = {
  env: process.env,
  isExecutable,
  exists: (file) => fs.existsSync(file),
  fontFamilies() {
    const out = spawnSync('fc-list', ['--format', '%{family}\n'], { encoding: 'utf8' })
    if (out.status !== 0) return null
    return out.stdout.split('\n').flatMap((line) => line.split(',')).map((f) => f.trim()).filter(Boolean)
  },
}

function system() {
  const root = process.getuid?.() === 0
  const aptGet = !process.env.DRAFTDESK_NO_APT && onPath(machine, 'apt-get')
  const sudo = !root && aptGet && onPath(machine, 'sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0
  return { root, aptGet, sudo }
}

function install(packages, sudo) {
  console.log(`test prerequisites: installing ${packages.join(' ')} (apt-get, about a minute)`)
  const run = (args) => {
    const [command, ...rest] = sudo ? ['sudo', '-n', ...args] : args
    const result = spawnSync(command, rest, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    return result.status === 0
  }
  return run(['apt-get', 'update', '-qq']) && run(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...packages])
}

function main() {
  const missing = findMissing(machine)
  if (missing.length === 0) return 0
  const sys = system()
  const plan = decide(missing, sys)
  if (plan.action === 'install') {
    install(plan.packages, plan.sudo)
    const still = findMissing(machine)
    if (still.length === 0) return 0
    console.error(stopLine(still, PACKAGES.filter((pkg) => still.some((m) => m.pkg === pkg)), sys.root))
    return 1
  }
  console.error(plan.line)
  return 1
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main()

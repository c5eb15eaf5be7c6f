import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decide, findMissing, PACKAGES, type Probe } from '../../scripts/test-prerequisites.mjs'

const ROOT = path.resolve(import.meta.dirname, '../..')
const DEBIAN_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/arphic/ukai.ttc',
]
const TOOLS = ['/usr/bin/chromium', '/usr/bin/pdftotext', '/usr/bin/pdftoppm', '/usr/bin/pdfinfo', '/usr/bin/soffice', '/usr/bin/redis-server', '/usr/lib/postgresql/15/bin/pg_ctl']

/** A machine with these files and executables (PATH /usr/local/bin:/usr/bin), counting fc-list calls. */
function machine(opts: { files?: string[]; executables?: string[]; families?: string[] | null; env?: Record<string, string> } = {}) {
  const files = new Set(opts.files ?? DEBIAN_FILES)
  const executables = new Set(opts.executables ?? TOOLS)
  const probe = {
    env: { PATH: '/usr/local/bin:/usr/bin', ...opts.env },
    isExecutable: (file: string) => executables.has(file),
    exists: (file: string) => files.has(file) || executables.has(file),
    fontFamilies: () => {
      probe.fcListCalls++
      return opts.families === undefined ? [] : opts.families
    },
    fcListCalls: 0,
  } satisfies Probe & { fcListCalls: number }
  return probe
}
const without = (list: string[], ...drop: string[]) => list.filter((x) => !drop.includes(x))
const ROOT_WITH_APT = { root: true, aptGet: true, sudo: false }
const USER = { root: false, aptGet: true, sudo: false }
const packagesOf = (probe: Probe) => findMissing(probe).map((m) => m.pkg)

describe('test prerequisites: what is missing', () => {
  it('nothing on a prepared machine, without asking fontconfig', () => {
    const probe = machine()
    expect(findMissing(probe)).toEqual([])
    expect(probe.fcListCalls).toBe(0)
    expect(decide([], USER)).toEqual({ action: 'ok' })
  })

  it('everything on a fresh machine, each with its Debian package', () => {
    expect(packagesOf(machine({ files: [], executables: [] }))).toEqual([...PACKAGES])
  })

  it('finds the tools on PATH, wherever PATH points', () => {
    const local = TOOLS.map((t) => t.replace('/usr/bin/', '/usr/local/bin/')).filter((t) => !t.endsWith('chromium'))
    expect(packagesOf(machine({ executables: ['/usr/bin/chromium', ...local] }))).toEqual([])
    expect(packagesOf(machine({ env: { PATH: '/opt/bin' } }))).toEqual(['poppler-utils', 'libreoffice-writer-nogui', 'redis-server'])
  })

  it('names the one poppler tool that is absent, and soffice for LibreOffice', () => {
    const missing = findMissing(machine({ executables: without(TOOLS, '/usr/bin/pdfinfo', '/usr/bin/soffice') }))
    expect(missing).toEqual([
      { what: 'poppler (pdfinfo)', pkg: 'poppler-utils' },
      { what: 'LibreOffice (soffice)', pkg: 'libreoffice-writer-nogui' },
    ])
  })

  it('counts fonts installed another way when fontconfig knows their family', () => {
    const elsewhere = machine({ files: [], families: ['Noto Serif CJK SC', 'Noto Sans CJK SC', 'AR PL UKai CN', 'DejaVu Sans'] })
    expect(findMissing(elsewhere)).toEqual([])
    expect(elsewhere.fcListCalls).toBe(1)
    expect(packagesOf(machine({ files: DEBIAN_FILES.slice(0, 2), families: ['AR PL UKai TW'] }))).toEqual(['fonts-arphic-ukai'])
    // no fc-list at all: only the files count
    expect(findMissing(machine({ files: [DEBIAN_FILES[2]!], families: null }))).toEqual([{ what: 'CJK fonts (Noto Serif CJK SC, Noto Sans CJK SC)', pkg: 'fonts-noto-cjk' }])
  })

  it('finds Redis on PATH and PostgreSQL in Debian’s versioned folder, for the team server tests', () => {
    expect(findMissing(machine({ executables: without(TOOLS, '/usr/bin/redis-server', '/usr/lib/postgresql/15/bin/pg_ctl') }))).toEqual([
      { what: 'Redis (redis-server)', pkg: 'redis-server' },
      { what: 'PostgreSQL (pg_ctl, initdb)', pkg: 'postgresql' },
    ])
    expect(packagesOf(machine({ executables: [...without(TOOLS, '/usr/lib/postgresql/15/bin/pg_ctl'), '/usr/lib/postgresql/17/bin/pg_ctl'] }))).toEqual([])
  })

  it('uses CHROMIUM_PATH instead of /usr/bin/chromium, and no package fixes a wrong one', () => {
    expect(findMissing(machine({ executables: [...without(TOOLS, '/usr/bin/chromium'), '/opt/chrome/chrome'], env: { CHROMIUM_PATH: '/opt/chrome/chrome' } }))).toEqual([])
    expect(findMissing(machine({ env: { CHROMIUM_PATH: '/nonexistent' } }))).toEqual([
      { what: 'Chromium (CHROMIUM_PATH=/nonexistent is not an executable file: fix or unset it)', pkg: null },
    ])
  })
})

describe('test prerequisites: what to do', () => {
  const fresh = findMissing(machine({ files: [], executables: [] }))

  it('installs every missing package, in one apt-get call, as root or with password-less sudo', () => {
    expect(decide(fresh, ROOT_WITH_APT)).toEqual({ action: 'install', packages: [...PACKAGES], sudo: false })
    expect(decide(fresh, { root: false, aptGet: true, sudo: true })).toEqual({ action: 'install', packages: [...PACKAGES], sudo: true })
    const onlyFonts = findMissing(machine({ files: [] }))
    expect(decide(onlyFonts, ROOT_WITH_APT)).toEqual({ action: 'install', packages: ['fonts-noto-cjk', 'fonts-arphic-ukai'], sudo: false })
  })

  it('otherwise stops with one line naming what is missing and the exact command', () => {
    const plan = decide(fresh, USER)
    expect(plan).toEqual({
      action: 'stop',
      line:
        'npm test needs Chromium (/usr/bin/chromium); CJK fonts (Noto Serif CJK SC, Noto Sans CJK SC); CJK fonts (AR PL UKai CN); poppler (pdftotext, pdftoppm, pdfinfo); LibreOffice (soffice); Redis (redis-server); PostgreSQL (pg_ctl, initdb); ' +
        'install with: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-noto-cjk fonts-arphic-ukai poppler-utils libreoffice-writer-nogui redis-server postgresql',
    })
    const soffice = decide(findMissing(machine({ executables: without(TOOLS, '/usr/bin/soffice') })), { root: true, aptGet: false, sudo: false })
    expect(soffice).toEqual({ action: 'stop', line: 'npm test needs LibreOffice (soffice); install with: apt-get update && apt-get install -y --no-install-recommends libreoffice-writer-nogui' })
  })

  it('stops on a wrong CHROMIUM_PATH even as root, naming only the packages that would help', () => {
    const missing = findMissing(machine({ executables: without(TOOLS, '/usr/bin/soffice'), env: { CHROMIUM_PATH: '/nonexistent' } }))
    const plan = decide(missing, ROOT_WITH_APT)
    expect(plan.action).toBe('stop')
    expect(plan.action === 'stop' && plan.line).toBe(
      'npm test needs Chromium (CHROMIUM_PATH=/nonexistent is not an executable file: fix or unset it); LibreOffice (soffice); install with: apt-get update && apt-get install -y --no-install-recommends libreoffice-writer-nogui',
    )
    expect(decide(findMissing(machine({ env: { CHROMIUM_PATH: '/nonexistent' } })), ROOT_WITH_APT)).toEqual({
      action: 'stop',
      line: 'npm test needs Chromium (CHROMIUM_PATH=/nonexistent is not an executable file: fix or unset it)',
    })
  })

  it('the script itself: one line on stderr and exit code 1, without installing anything', () => {
    const run = spawnSync(process.execPath, ['scripts/test-prerequisites.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, CHROMIUM_PATH: '/nonexistent' } })
    expect(run.status).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/^npm test needs Chromium \(CHROMIUM_PATH=\/nonexistent is not an executable file: fix or unset it\)/)
  })
})

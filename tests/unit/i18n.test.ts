/**
 * The UI's catalogues: per namespace, zh-CN and en hold the same keys with the same placeholders,
 * and every key the renderer asks for with a literal exists. A missing key would show its raw name
 * to the writer; TypeScript checks most catalogues' shape, these checks hold for all of them.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { catalogues } from '../../renderer/i18n'

type Tree = { readonly [key: string]: string | Tree }

/** Every leaf of a catalogue as `a.b.c` → its text. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const at = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(at, value)
    else for (const [k, v] of leaves(value, at)) out.set(k, v)
  }
  return out
}

/** Keys of `a` that `b` lacks. */
function missingIn(a: Tree, b: Tree): string[] {
  const have = leaves(b)
  return [...leaves(a).keys()].filter((key) => !have.has(key))
}

/** Keys whose two texts name different {{placeholders}}. */
function placeholderMismatches(a: Tree, b: Tree): string[] {
  const names = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort().join(',')
  const other = leaves(b)
  return [...leaves(a)].filter(([key, text]) => other.has(key) && names(text) !== names(other.get(key)!)).map(([key]) => key)
}

const namespaces = Object.entries(catalogues as unknown as Record<string, { 'zh-CN': Tree; en: Tree }>)

describe('the comparison itself', () => {
  it('finds a key one side lacks, at any depth, and a placeholder the other side renames', () => {
    const zh: Tree = { a: '甲', b: { c: '乙 {{count}}', d: '丙' } }
    const en: Tree = { a: 'A', b: { c: 'B {{n}}' }, e: 'E' }
    expect(missingIn(zh, en)).toEqual(['b.d'])
    expect(missingIn(en, zh)).toEqual(['e'])
    expect(placeholderMismatches(zh, en)).toEqual(['b.c'])
  })
})

describe.each(namespaces)('namespace %s', (_ns, { 'zh-CN': zh, en }) => {
  it('en has every zh-CN key', () => expect(missingIn(zh, en)).toEqual([]))
  it('zh-CN has every en key', () => expect(missingIn(en, zh)).toEqual([]))
  it('both name the same placeholders', () => expect(placeholderMismatches(zh, en)).toEqual([]))
  it('has no empty text', () => {
    expect([...leaves(zh)].filter(([, text]) => text === '').map(([key]) => key)).toEqual([])
    expect([...leaves(en)].filter(([, text]) => text === '').map(([key]) => key)).toEqual([])
  })
})

describe('the keys the renderer asks for', () => {
  const root = path.resolve(import.meta.dirname, '../../renderer')
  const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.tsx')).map((f) => path.join(root, f))
  const zh = new Map(namespaces.map(([ns, c]) => [ns, c['zh-CN']]))
  /** Whether `key` (or, for a key built at run time, its fixed start) is in namespace `ns`. */
  const has = (ns: string, key: string): boolean => {
    const tree = zh.get(ns)
    if (!tree) return false
    const dynamic = key.indexOf('${')
    if (dynamic < 0) return leaves(tree).has(key)
    const start = key.slice(0, dynamic)
    return [...leaves(tree).keys()].some((k) => k.startsWith(start))
  }

  it('finds the files and the namespaces they use', () => {
    expect(files.length).toBeGreaterThan(30)
    expect(zh.has('common')).toBe(true)
  })

  it.each(files.map((f) => [path.relative(root, f), f]))('%s', (_name, file) => {
    const source = fs.readFileSync(file, 'utf8')
    // the namespaces the file's components ask for (none: the default, common)
    const own = [...source.matchAll(/useTranslation\(\s*'([\w-]+)'/g)].map((m) => m[1]!)
    const unknown: string[] = []
    for (const m of source.matchAll(/\bt\(\s*(?:'([^']+)'|`([^`]+)`)/g)) {
      const literal = (m[1] ?? m[2])!
      const [ns, key] = literal.includes(':') ? literal.split(':', 2) as [string, string] : [null, literal]
      // every namespace falls back to common
      const found = ns ? has(ns, key) : [...own, 'common'].some((n) => has(n, key))
      if (!found) unknown.push(literal)
    }
    expect(unknown).toEqual([])
  })
})

/**
 * Which of the standard's fonts this machine has, and what stands in for a missing one. A font is
 * present when text set in "<font>, monospace" and in "<font>, serif" measures differently from the
 * bare generic families (a width probe: document.fonts.check() says true for any local name).
 */
import { FONTS, type FontRole } from '../../../shared/output/layout'

const PROBE = '仿宋楷体黑体宋体标题工作总结2025，。abcdefWM'

export interface FontReport {
  role: FontRole
  wanted: string
  /** the font actually used: `wanted`, or the first substitute found, or the generic family */
  used: string
  missing: boolean
}

export function fontAvailable(name: string, doc: Document = document): boolean {
  const canvas = doc.createElement('canvas')
  const ctx = canvas.getContext('2d')
  if (!ctx) return true
  const width = (family: string) => {
    ctx.font = `32px ${family}`
    return ctx.measureText(PROBE).width
  }
  return ['monospace', 'serif', 'sans-serif'].some((g) => width(`"${name}", ${g}`) !== width(g))
}

const ROLES: FontRole[] = ['title', 'body', 'heading1', 'heading2', 'pageNumber']

export function fontReport(doc: Document = document): FontReport[] {
  const cache = new Map<string, boolean>()
  const has = (n: string) => {
    if (!cache.has(n)) cache.set(n, fontAvailable(n, doc))
    return cache.get(n)!
  }
  return ROLES.map((role) => {
    const f = FONTS[role]
    if (has(f.primary)) return { role, wanted: f.primary, used: f.primary, missing: false }
    const used = f.css.slice(1).find((n) => !/^(serif|sans-serif|monospace)$/.test(n) && has(n)) ?? f.css[f.css.length - 1]!
    return { role, wanted: f.primary, used, missing: true }
  })
}

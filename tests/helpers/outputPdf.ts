/**
 * Measuring a rendered PDF the way a person with a ruler would: pdftotext -bbox for words and lines,
 * pdftoppm for the ink (PGM, parsed here) and PNG pages to look at. Used by the export tests on our
 * own PDF and on LibreOffice's rendering of our DOCX.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const PT_TO_MM = 25.4 / 72

export interface Word {
  page: number
  xMin: number
  yMin: number
  xMax: number
  yMax: number
  text: string
}
export interface PageBox {
  width: number
  height: number
  words: Word[]
}

/** Every page's size (mm) and words (mm from the top-left corner). */
export function pdfWords(pdf: string, first?: number, last?: number): PageBox[] {
  const args = ['-bbox', ...(first ? ['-f', String(first)] : []), ...(last ? ['-l', String(last)] : []), pdf, '-']
  const xml = execFileSync('pdftotext', args, { maxBuffer: 256 * 1024 * 1024 }).toString('utf8')
  const pages: PageBox[] = []
  const re = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    if (m[1]) pages.push({ width: Number(m[1]) * PT_TO_MM, height: Number(m[2]) * PT_TO_MM, words: [] })
    else pages[pages.length - 1]!.words.push({ page: pages.length, xMin: Number(m[3]) * PT_TO_MM, yMin: Number(m[4]) * PT_TO_MM, xMax: Number(m[5]) * PT_TO_MM, yMax: Number(m[6]) * PT_TO_MM, text: decode(m[7]!) })
  }
  return pages
}

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")

export interface Line {
  y: number
  xMin: number
  xMax: number
  text: string
}

/**
 * Words grouped into lines (vertical centres within 3 mm: a run-in heading's two fonts have different
 * boxes on one line, and lines are 10 mm apart), top to bottom, within a band of the page.
 */
export function lines(page: PageBox, top = 0, bottom = page.height): Line[] {
  const out: Line[] = []
  for (const w of [...page.words].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin)) {
    const y = (w.yMin + w.yMax) / 2
    if (y < top || y > bottom) continue
    const line = out.find((l) => Math.abs(l.y - y) < 3)
    if (line) {
      line.xMin = Math.min(line.xMin, w.xMin)
      line.xMax = Math.max(line.xMax, w.xMax)
      line.text += w.text
    } else out.push({ y, xMin: w.xMin, xMax: w.xMax, text: w.text })
  }
  return out.sort((a, b) => a.y - b.y)
}

/** Characters as a reader counts them on a line: every character but spaces. */
export const lineChars = (l: Line) => [...l.text.replace(/\s/g, '')].length

/** The most common value. */
export function mode(values: number[]): number {
  const counts = new Map<number, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? NaN
}

/** Rows of ink (dark pixels) on a page rendered at `dpi`: the bands where text lines are. */
export function inkBands(pdf: string, page: number, dpi = 150): { top: number; bottom: number }[] {
  const dir = fs.mkdtempSync(path.join(path.dirname(pdf), 'ink-'))
  try {
    execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), pdf, path.join(dir, 'p')])
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.pgm'))!
    const buf = fs.readFileSync(path.join(dir, file))
    // P5 header: "P5\n<w> <h>\n<max>\n"
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'))!
    const [w, h] = [Number(header[1]), Number(header[2])]
    const data = buf.subarray(header[0].length)
    const mmPerPx = 25.4 / dpi
    const bands: { top: number; bottom: number }[] = []
    let start = -1
    for (let y = 0; y < h; y++) {
      let dark = false
      for (let x = 0; x < w && !dark; x++) dark = data[y * w + x]! < 128
      if (dark && start < 0) start = y
      if (!dark && start >= 0) {
        bands.push({ top: start * mmPerPx, bottom: y * mmPerPx })
        start = -1
      }
    }
    return bands
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** Saves pages as PNG under test-results/<name>-N.png (to look at). */
export function savePngs(pdf: string, name: string, first = 1, last = 2): string[] {
  const dir = path.resolve('test-results')
  fs.mkdirSync(dir, { recursive: true })
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', String(first), '-l', String(last), pdf, path.join(dir, name)])
  return fs.readdirSync(dir).filter((f) => f.startsWith(name + '-') && f.endsWith('.png')).map((f) => path.join(dir, f))
}

/** LibreOffice's rendering of a DOCX to PDF (a private profile, so parallel runs never collide). */
export function libreOfficePdf(docx: string, outDir: string): string {
  const profile = fs.mkdtempSync(path.join(outDir, 'lo-profile-'))
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outDir, docx], { stdio: 'ignore', timeout: 120_000 })
  const pdf = path.join(outDir, path.basename(docx).replace(/\.docx$/, '.pdf'))
  if (!fs.existsSync(pdf)) throw new Error(`LibreOffice did not write ${pdf}`)
  return pdf
}

/** The page count (pdfinfo). */
export function pdfPages(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf]).toString())?.[1] ?? 0)
}

/** Where the red seal's ink is on a rendered PDF page (pdftoppm colour, parsed here), in mm from the top-left. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export function redInkBox(pdf: string, page: number, dpi = 100): { left: number; top: number; right: number; bottom: number } | null {
  const dir = fs.mkdtempSync(path.join(path.dirname(pdf), 'red-'))
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), pdf, path.join(dir, 'p')])
    const file = fs.readdirSync(dir).find((f) => f.endsWith('.ppm'))!
    const buf = fs.readFileSync(path.join(dir, file))
    const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 64).toString('latin1'))!
    const [w, h] = [Number(header[1]), Number(header[2])]
    const data = buf.subarray(header[0].length)
    let box: { left: number; top: number; right: number; bottom: number } | null = null
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const i = (y * w + x) * 3
        if (data[i]! > 150 && data[i + 1]! < 100 && data[i + 2]! < 100) {
          box ??= { left: x, top: y, right: x, bottom: y }
          box.left = Math.min(box.left, x)
          box.right = Math.max(box.right, x)
          box.bottom = y
        }
      }
    const mm = 25.4 / dpi
    return box && { left: box.left * mm, top: box.top * mm, right: (box.right + 1) * mm, bottom: (box.bottom + 1) * mm }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The pages (1-based) that `pdfimages -list` finds images on. */
export function imagePages(pdf: string): number[] {
  return execFileSync('pdfimages', ['-list', pdf])
    .toString()
    .split('\n')
    .slice(2)
    .map((l) => /^\s*(\d+)\s+\d+\s+image\b/.exec(l)?.[1])
    .filter((p): p is string => !!p)
    .map(Number)
}

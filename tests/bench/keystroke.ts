/**
 * Keystroke latency in headless Chromium: from `beforeinput` to the first animation frame after the
 * editor has updated the DOM, for our editor and for bare Lexical holding the same text, in the same
 * run. The probe is the same script in both pages (a MutationObserver on the editable root), so
 * neither editor needs a hook.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as esbuild from 'esbuild'
import type { Page } from 'playwright-core'
import type { SummaryDocument } from '../../shared/document/model'
import { inlineText } from '../../shared/document/text'
import { ROOT } from '../helpers/shell'

/**
 * A script for page.evaluate: from each beforeinput in the editable root to the frame after the
 * next change in `observed` (a selector; the root itself by default), in ms, pushed onto
 * `window[samples]`; when each keystroke began (performance.now()) onto `window[samples + 'At']`.
 */
export const latencyProbe = (samples: string, observed?: string): string => `(() => {
  const root = document.querySelector('[contenteditable="true"]')
  window.${samples} = []
  window.${samples}At = []
  let start = null
  root.addEventListener('beforeinput', () => { start = performance.now() }, { capture: true })
  new MutationObserver(() => {
    if (start === null) return
    const t0 = start
    start = null
    requestAnimationFrame(() => {
      window.${samples}.push(performance.now() - t0)
      window.${samples}At.push(t0)
    })
  }).observe(${observed ? `document.querySelector('${observed}')` : 'root'}, { subtree: true, childList: true, characterData: true, attributes: false })
})()`

/** Types `count` Chinese characters one by one, letting frames happen between them; returns the samples. */
export async function typeAndMeasure(page: Page, count: number): Promise<number[]> {
  await page.evaluate(latencyProbe('__latency'))
  const chars = '推进工作落实责任强化措施'
  for (let i = 0; i < count; i++) {
    await page.keyboard.insertText(chars[i % chars.length]!)
    await page.waitForTimeout(25)
  }
  await page.waitForTimeout(100)
  return page.evaluate<number[]>('window.__latency')
}

/** Builds the bare-Lexical page into a temp folder and returns its file:// URL. */
export async function buildBarePage(doc: SummaryDocument): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draftdesk-bare-'))
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'tests/bench/bare/bare.ts')],
    bundle: true,
    format: 'iife',
    outfile: path.join(dir, 'bare.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    minify: true,
    logLevel: 'error',
  })
  const paragraphs = [doc.title, ...doc.blocks.map((b) => (b.type === 'heading' ? inlineText(b.title) : b.type === 'paragraph' ? inlineText(b.children) : ''))]
  fs.writeFileSync(path.join(dir, 'content.js'), `window.benchParagraphs = ${JSON.stringify(paragraphs)}`)
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><style>
      body { margin: 0; background: #eee }
      #editor { width: 156mm; margin: 24px auto; padding: 37mm 26mm 35mm 28mm; background: white; outline: none;
        font: 16pt/28.95pt 'Noto Serif CJK SC', serif; }
      #editor p { margin: 0; text-indent: 2em }
    </style><div id="editor" contenteditable="true"></div><script src="content.js"></script><script src="bare.js"></script>`,
  )
  return `file://${path.join(dir, 'index.html')}`
}

/**
 * Files as writers receive them, made by the tests from our own text: a Word document with a
 * running header and "— 3 —" page numbers (built with the docx package), turned into a PDF or an
 * old .doc by LibreOffice (`soffice --headless --convert-to`), and a PDF holding only an image
 * (printed by Chromium).
 * Each LibreOffice run gets a profile folder of its own, so parallel test files do not collide.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { AlignmentType, Document, Footer, Header, Packer, PageNumber, Paragraph, TextRun } from 'docx'

export interface OfficeText {
  title: string
  /** running header printed on every page */
  header: string
  /** heading lines ("一、…") and body paragraphs, in order */
  lines: { text: string; heading?: boolean }[]
  signature: string[]
}

/** A .docx: centred title, headings, first-line-indented justified paragraphs, header and "— N —" footer. */
export async function officeDocx(text: OfficeText): Promise<Buffer> {
  const font = { font: { eastAsia: 'Noto Serif CJK SC', ascii: 'Times New Roman' }, size: 32 }
  const body = [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ ...font, size: 44, text: text.title })] }),
    ...text.lines.map((l) =>
      l.heading
        ? new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ ...font, bold: true, text: l.text })] })
        : new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: 640 }, children: [new TextRun({ ...font, text: l.text })] }),
    ),
    ...text.signature.map((s) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ ...font, text: s })] })),
  ]
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ ...font, size: 21, text: text.header })] })] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ ...font, size: 28, text: '— ' }), new TextRun({ ...font, size: 28, children: [PageNumber.CURRENT] }), new TextRun({ ...font, size: 28, text: ' —' })] })],
          }),
        },
        children: body,
      },
    ],
  })
  return Packer.toBuffer(doc)
}

/**
 * LibreOffice converts `input` (a file path) to `to` ('pdf', 'doc', or with filter options) in `dir`;
 * returns the new file's path. `profile`: a LibreOffice profile folder to reuse (the first run in a
 * fresh one is slow), else a new one.
 */
export function sofficeConvert(input: string, to: string, dir: string, profile = fs.mkdtempSync(path.join(dir, 'lo-'))): string {
  const result = spawnSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', to, '--outdir', dir, input],
    { encoding: 'utf8', timeout: 180_000 },
  )
  const out = path.join(dir, `${path.basename(input, path.extname(input))}.${to.split(':')[0]}`)
  if (!fs.existsSync(out)) throw new Error(`soffice did not convert ${input} to ${to}: ${result.stderr || result.stdout || result.error?.message}`)
  return out
}

/** LibreOffice's PDF export options for a PDF that needs `password` to open. */
export const encryptedPdfFilter = (password: string) =>
  `pdf:writer_pdf_Export:${JSON.stringify({ EncryptFile: { type: 'boolean', value: 'true' }, DocumentOpenPassword: { type: 'string', value: password } })}`

/** A PDF holding only an image, as a scanner makes it: the PNG printed to PDF by headless Chromium. */
export function imageOnlyPdf(png: Buffer, dir: string): string {
  const page = path.join(dir, 'scan.html')
  fs.writeFileSync(page, `<html><body style="margin:0"><img src="data:image/png;base64,${png.toString('base64')}" style="width:500px"></body></html>`)
  const out = path.join(dir, 'scan.pdf')
  const result = spawnSync('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--print-to-pdf=${out}`, page], { encoding: 'utf8', timeout: 120_000 })
  if (!fs.existsSync(out)) throw new Error(`chromium did not print ${page}: ${result.stderr}`)
  return out
}

/**
 * Files as writers receive them, made by the tests from our own text: a Word document with a
 * running header and "— 3 —" page numbers (built with the docx package), turned into a PDF or an
 * old .doc by LibreOffice (`soffice --headless --convert-to`), and a PDF holding only an image.
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

/** LibreOffice converts `input` (a file path) to `to` ('pdf', 'doc'…) in `dir`; returns the new file's path. */
export function sofficeConvert(input: string, to: string, dir: string): string {
  const profile = fs.mkdtempSync(path.join(dir, 'lo-'))
  const result = spawnSync(
    'soffice',
    [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', to, '--outdir', dir, input],
    { encoding: 'utf8', timeout: 120_000 },
  )
  const out = path.join(dir, `${path.basename(input, path.extname(input))}.${to.split(':')[0]}`)
  if (!fs.existsSync(out)) throw new Error(`soffice did not convert ${input} to ${to}: ${result.stderr || result.stdout || result.error?.message}`)
  fs.rmSync(profile, { recursive: true, force: true })
  return out
}

/** A one-page PDF holding only an image (a scan): the PNG placed on a page by LibreOffice Draw. */
export function imageOnlyPdf(png: string, dir: string): string {
  return sofficeConvert(png, 'pdf:draw_pdf_Export', dir)
}

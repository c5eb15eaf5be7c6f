/**
 * What a DOCX of ours carries besides its text, so that importing it gives back the same document
 * (import/ownDocx.ts): a custom XML part (Word keeps custom XML parts through editing and saving)
 * holding, as JSON, what the page cannot say:
 *   - the figure table (a figure's text on the page is a content control tagged "dd-figure:<id>");
 *   - the title as typed (the page shows it broken into lines, some of them by us);
 *   - the 落款 as stored (the seal and signature image ids, an empty 落款 that prints nothing);
 *   - the numbering style ("1、" rather than "1."), which Word shows through numbering.xml.
 * The page stays the authority: an import uses each of these only where the visible text still
 * agrees with it (a title edited in Word is taken as edited).
 */
import type JSZip from 'jszip'
import { z } from 'zod'
import { FigureSchema, NumberingStyleSchema, SignatureSchema, type SummaryDocument } from '../../../shared/document/model'

export const MODEL_NAMESPACE = 'urn:draftdesk:docx-model:1'
export const FIGURE_TAG_PREFIX = 'dd-figure:'

export const SidecarSchema = z.object({
  title: z.string(),
  figures: z.array(FigureSchema),
  signature: SignatureSchema.optional(),
  numbering: NumberingStyleSchema.optional(),
})
export type Sidecar = z.infer<typeof SidecarSchema>

export function sidecarOf(model: SummaryDocument): Sidecar {
  const s: Sidecar = { title: model.title, figures: model.figures }
  if (model.signature) s.signature = model.signature
  if (model.numbering) s.numbering = model.numbering
  return s
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const unescapeText = (s: string) => s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!)

/** Adds customXml/item1.xml (+ its properties part, relationship and content type) to a packed DOCX. */
export async function addModelPart(zip: JSZip, sidecar: Sidecar): Promise<void> {
  zip.file('customXml/item1.xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><draftdesk xmlns="${MODEL_NAMESPACE}">${escapeText(JSON.stringify(sidecar))}</draftdesk>`)
  zip.file(
    'customXml/itemProps1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?><ds:datastoreItem ds:itemID="{6B1E4D2A-3C5F-4A8B-9D0E-1F2A3B4C5D6E}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${MODEL_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
  )
  zip.file(
    'customXml/_rels/item1.xml.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/></Relationships>',
  )
  const rels = await zip.file('word/_rels/document.xml.rels')!.async('string')
  zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', '<Relationship Id="rIdDraftDeskModel" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item1.xml"/></Relationships>'))
  let types = await zip.file('[Content_Types].xml')!.async('string')
  if (!/Extension="xml"/.test(types)) types = types.replace('</Types>', '<Default Extension="xml" ContentType="application/xml"/></Types>')
  zip.file('[Content_Types].xml', types.replace('</Types>', '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>'))
}

/** The sidecar from a custom XML part's text, or null when the part is not ours or not valid. */
export function readSidecar(partXml: string): Sidecar | null {
  if (!partXml.includes(MODEL_NAMESPACE)) return null
  const m = /<(?:\w+:)?draftdesk\b[^>]*>([\s\S]*)<\/(?:\w+:)?draftdesk>/.exec(partXml)
  if (!m) return null
  try {
    const parsed = SidecarSchema.safeParse(JSON.parse(unescapeText(m[1]!)))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

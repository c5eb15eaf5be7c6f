/**
 * A snippet body as the writer reads it in the panel, picker and dialogs: marks kept, fields as
 * small labelled chips (〔单位名称〕), query matches highlighted.
 */
import { useTranslation } from 'react-i18next'
import { foldForSearch, highlightPieces, type SnippetBody, type SnippetInline } from '../../../shared/snippets'

function Marked({ inline, children }: { inline: Extract<SnippetInline, { type: 'text' }>; children: React.ReactNode }) {
  let out = <>{children}</>
  if (inline.bold) out = <strong>{out}</strong>
  if (inline.italic) out = <em>{out}</em>
  if (inline.underline) out = <u>{out}</u>
  return out
}

export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  if (terms.length === 0) return <>{text}</>
  return (
    <>
      {highlightPieces(text, terms).map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  )
}

/** A field's tooltip ("数据项“单位名称”"); a list passes one down so its rows need no translation hook each. */
export type FieldTitle = (name: string) => string

function FieldChip({ name, terms, title }: { name: string; terms: readonly string[]; title?: FieldTitle | undefined }) {
  return (
    <span className="snippet-field" title={title ? title(name) : undefined}>
      <Highlighted text={name} terms={terms} />
    </span>
  )
}

function TranslatedFieldChip({ name, terms }: { name: string; terms: readonly string[] }) {
  const { t } = useTranslation('snippets')
  return <FieldChip name={name} terms={terms} title={(n) => t('fieldTitle', { name: n })} />
}

/** One paragraph's inlines; `terms` highlight in the text and in field names. */
export function SnippetInlines({ inlines, terms, fieldTitle }: { inlines: readonly SnippetInline[]; terms: readonly string[]; fieldTitle?: FieldTitle | undefined }) {
  return (
    <>
      {inlines.map((inline, i) =>
        inline.type === 'field' ? (
          fieldTitle ? (
            <FieldChip key={i} name={inline.name} terms={terms} title={fieldTitle} />
          ) : (
            <TranslatedFieldChip key={i} name={inline.name} terms={terms} />
          )
        ) : (
          <Marked key={i} inline={inline}>
            <Highlighted text={inline.text} terms={terms} />
          </Marked>
        ),
      )}
    </>
  )
}

export function SnippetBodyView({ body, terms = [], className, fieldTitle }: { body: SnippetBody; terms?: readonly string[]; className?: string; fieldTitle?: FieldTitle }) {
  return (
    <div className={className ?? 'snippet-body'}>
      {body.map((p, i) => (
        <p key={i}>
          <SnippetInlines inlines={p} terms={terms} fieldTitle={fieldTitle} />
        </p>
      ))}
    </div>
  )
}

/** The body flattened to one line for a list row (fields as chips), cut after `max` characters. */
export function SnippetExcerpt({ body, terms, max = 90, fieldTitle }: { body: SnippetBody; terms: readonly string[]; max?: number; fieldTitle?: FieldTitle }) {
  // show the first match, not just the start, when it is further in
  const flat: SnippetInline[] = []
  body.forEach((p, i) => {
    if (i > 0) flat.push({ type: 'text', text: ' ' })
    flat.push(...p)
  })
  const text = flat.map((i) => (i.type === 'text' ? i.text : i.name)).join('')
  const folded = foldForSearch(text)
  const first = terms.length ? Math.min(...terms.map((t) => folded.indexOf(t)).filter((n) => n >= 0), Infinity) : Infinity
  let skip = Number.isFinite(first) && first > max - 20 ? first - 12 : 0
  let left = max
  const out: SnippetInline[] = []
  for (const inline of flat) {
    if (left <= 0) break
    if (inline.type === 'field') {
      if (skip > 0) {
        skip = Math.max(0, skip - inline.name.length)
        continue
      }
      out.push(inline)
      left -= inline.name.length
      continue
    }
    let t = inline.text
    if (skip > 0) {
      const cut = Math.min(skip, t.length)
      t = t.slice(cut)
      skip -= cut
      if (!t) continue
    }
    out.push({ ...inline, text: t.slice(0, left) })
    left -= t.length
  }
  return (
    <span className="snippet-excerpt">
      {first > max - 20 && Number.isFinite(first) ? '…' : ''}
      <SnippetInlines inlines={out} terms={terms} fieldTitle={fieldTitle} />
      {left < 0 ? '…' : ''}
    </span>
  )
}

/**
 * A version against the current text, as Word's 修订 view shows it: every paragraph in reading
 * order, what the current text added underlined and coloured, what it no longer has struck
 * through, a bar beside each changed paragraph. "只看改动" folds the unchanged stretches.
 */
import { Fragment, forwardRef, useImperativeHandle, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ComparedParagraph, Comparison, Paragraph } from '../../../shared/document/history'
import type { TextEdit } from '../../../shared/text/diff'

/** Unchanged paragraphs shown around a change when only changes are shown. */
const CONTEXT = 1

export interface CompareViewHandle {
  /** Scrolls to the next (1) or previous (−1) change after the one last shown; returns its number. */
  step(dir: 1 | -1): number
}

/** Table cells are compared as one line with tabs between them; shown with a rule between. */
function cells(text: string, key: string): ReactNode {
  if (!text.includes('\t')) return text
  return text.split('\t').map((part, i) => (
    <Fragment key={`${key}-${i}`}>
      {i > 0 && <span className="cmp-cell-sep" aria-hidden="true"> │ </span>}
      {part}
    </Fragment>
  ))
}

function opsView(ops: readonly TextEdit[]): ReactNode {
  return ops.map((o, i) =>
    o.op === 'equal' ? (
      <Fragment key={i}>{cells(o.text, String(i))}</Fragment>
    ) : o.op === 'insert' ? (
      <ins key={i} className="diff-ins">{cells(o.text, String(i))}</ins>
    ) : (
      <del key={i} className="diff-del">{cells(o.text, String(i))}</del>
    ),
  )
}

function ParagraphView({ item, pageBreak }: { item: ComparedParagraph; pageBreak: string }) {
  const p: Paragraph = item.paragraph
  const className = ['cmp', `cmp-${p.kind}`, p.level ? `cmp-h${p.level}` : '', `cmp-${item.kind}`].filter(Boolean).join(' ')
  // an empty paragraph added or removed is still a change the writer should see
  const text = p.kind === 'pageBreak' ? `— ${pageBreak} —` : p.text || (item.kind === 'equal' ? '' : '¶')
  let body: ReactNode
  if (item.kind === 'changed') body = opsView(item.ops)
  else if (item.kind === 'inserted') body = <ins className="diff-ins">{cells(text, 'i')}</ins>
  else if (item.kind === 'deleted') body = <del className="diff-del">{cells(text, 'd')}</del>
  else body = cells(text, 'e') || <br />
  return (
    <p className={className} data-change={item.kind}>
      {p.number && <span className="cmp-number">{p.number}</span>}
      {body}
    </p>
  )
}

interface Props {
  comparison: Comparison
  onlyChanges: boolean
}

export const CompareView = forwardRef<CompareViewHandle, Props>(function CompareView({ comparison, onlyChanges }, ref) {
  const { t } = useTranslation('history')
  const root = useRef<HTMLDivElement>(null)
  const at = useRef(-1)
  useImperativeHandle(ref, () => ({
    step(dir) {
      const changes = root.current ? [...root.current.querySelectorAll<HTMLElement>('[data-change]:not([data-change=equal])')] : []
      if (!changes.length) return -1
      at.current = Math.min(changes.length - 1, Math.max(0, at.current + dir))
      const el = changes[at.current]!
      el.scrollIntoView({ block: 'center' })
      el.classList.add('cmp-flash')
      setTimeout(() => el.classList.remove('cmp-flash'), 1200)
      return at.current
    },
  }))

  const items = comparison.paragraphs
  // which paragraphs show: all, or the changes with CONTEXT unchanged ones around them
  const shown: (number | { skipped: number })[] = []
  if (!onlyChanges) items.forEach((_, i) => shown.push(i))
  else {
    const near = new Array<boolean>(items.length).fill(false)
    items.forEach((item, i) => {
      if (item.kind === 'equal') return
      for (let k = Math.max(0, i - CONTEXT); k <= Math.min(items.length - 1, i + CONTEXT); k++) near[k] = true
    })
    // a lone unchanged paragraph is shown rather than folded: its fold line would take its place
    let run: number[] = []
    const flush = () => {
      if (run.length > 1) shown.push({ skipped: run.length })
      else shown.push(...run)
      run = []
    }
    items.forEach((_, i) => {
      if (near[i]) {
        flush()
        shown.push(i)
      } else run.push(i)
    })
    flush()
  }

  return (
    <div className="cmp-sheet" ref={root} data-testid="compare-view">
      {shown.map((s, k) =>
        typeof s === 'number' ? (
          <ParagraphView key={k} item={items[s]!} pageBreak={t('dialog.pageBreak')} />
        ) : (
          <p key={k} className="cmp-skipped">{t('dialog.unchanged', { count: s.skipped })}</p>
        ),
      )}
    </div>
  )
})

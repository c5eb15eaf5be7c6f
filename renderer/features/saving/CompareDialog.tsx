/**
 * 对比: the text as saved beside the writer's, paragraph by paragraph, the characters that differ
 * marked (shared/text/diff.ts). The figure table is compared too, one line per figure, since a
 * change made from the CLI may touch nothing but a figure.
 */
import { Fragment, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { SummaryDocument } from '../../../shared/document/model'
import { documentPlainText } from '../../../shared/document/text'
import { figureFormatter } from '../../../shared/figures/format'
import { diffParagraphs, type DiffRow, type Segment } from '../../../shared/text/diff'
import { Modal } from '../../ui/Modal'
import './saving.css'

/** Runs of unchanged paragraphs longer than this are folded into one line. */
const CONTEXT = 2

function comparisonLines(model: SummaryDocument, figureLine: (name: string, value: string) => string): string[] {
  const format = figureFormatter(model.figures)
  return [...documentPlainText(model).split('\n'), ...model.figures.map((f) => figureLine(f.name, format(f.id).text))]
}

function Segments({ segments, mark }: { segments: Segment[]; mark: 'del' | 'ins' }) {
  return (
    <>
      {segments.map((s, i) => (s.changed ? mark === 'del' ? <del key={i}>{s.text}</del> : <ins key={i}>{s.text}</ins> : <Fragment key={i}>{s.text}</Fragment>))}
    </>
  )
}

type Shown = DiffRow | { kind: 'folded'; count: number }

/** Keeps CONTEXT unchanged paragraphs around each change and folds the rest. */
function fold(rows: DiffRow[]): Shown[] {
  const out: Shown[] = []
  for (let i = 0; i < rows.length; ) {
    if (rows[i]!.kind !== 'same') {
      out.push(rows[i]!)
      i++
      continue
    }
    let j = i
    while (j < rows.length && rows[j]!.kind === 'same') j++
    const run = rows.slice(i, j)
    const head = i === 0 ? 0 : CONTEXT
    const tail = j === rows.length ? 0 : CONTEXT
    if (run.length > head + tail + 1) {
      out.push(...run.slice(0, head), { kind: 'folded', count: run.length - head - tail }, ...run.slice(run.length - tail))
    } else out.push(...run)
    i = j
  }
  return out
}

/** What the two sides are called (by default 当前保存的 and 我的). */
export interface CompareLabels {
  title: string
  stored: string
  mine: string
}

export function CompareDialog({ stored, mine, labels, onClose }: { stored: SummaryDocument | null; mine: SummaryDocument; labels?: CompareLabels; onClose(): void }) {
  const { t } = useTranslation('saving')
  const { title, stored: storedLabel, mine: mineLabel } = labels ?? { title: t('compare.title'), stored: t('compare.stored'), mine: t('compare.mine') }
  const rows = useMemo(() => {
    if (!stored) return null
    const line = (name: string, value: string) => t('compare.figure', { name, value })
    return diffParagraphs(comparisonLines(stored, line), comparisonLines(mine, line))
  }, [stored, mine, t])
  const changed = rows?.some((r) => r.kind !== 'same') ?? false
  return (
    <Modal label={title} onClose={onClose} className="compare-dialog">
      <h2>{title}</h2>
      {!rows ? (
        <p className="muted">{t('compare.loading')}</p>
      ) : !changed ? (
        <p data-testid="compare-same">{t('compare.same')}</p>
      ) : (
        <div className="compare-scroll">
          <table className="compare-table" data-testid="compare-table">
            <thead>
              <tr>
                <th>{storedLabel}</th>
                <th>{mineLabel}</th>
              </tr>
            </thead>
            <tbody>
              {fold(rows).map((row, i) => {
                switch (row.kind) {
                  case 'folded':
                    return (
                      <tr key={i}>
                        <td className="same" colSpan={2}>{t('compare.unchanged', { count: row.count })}</td>
                      </tr>
                    )
                  case 'same':
                    return (
                      <tr key={i}>
                        <td className="same">{row.text}</td>
                        <td className="same">{row.text}</td>
                      </tr>
                    )
                  case 'removed':
                    return (
                      <tr key={i}>
                        <td className="removed" data-side="stored"><del>{row.text}</del></td>
                        <td />
                      </tr>
                    )
                  case 'added':
                    return (
                      <tr key={i}>
                        <td />
                        <td className="added" data-side="mine"><ins>{row.text}</ins></td>
                      </tr>
                    )
                  case 'changed':
                    return (
                      <tr key={i}>
                        <td className="removed" data-side="stored"><Segments segments={row.before} mark="del" /></td>
                        <td className="added" data-side="mine"><Segments segments={row.after} mark="ins" /></td>
                      </tr>
                    )
                }
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="row end">
        <button onClick={onClose} data-testid="compare-close">{t('compare.close')}</button>
      </div>
    </Modal>
  )
}

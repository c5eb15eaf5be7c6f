import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, $isElementNode } from 'lexical'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutlineEntry } from '../structure/HeadingNumbersPlugin'
import { AssignDialog, AssignmentBadge, AssignmentSummary, mineOnly, useSectionAssignments } from '../team/review/SectionAssignments'
import { moveSection } from './sections'
import './outline.css'

interface Props {
  entries: OutlineEntry[]
  ownCounts: ReadonlyMap<string, number>
  onNotice?(message: string | null): void
}

const DRAG_TYPE = 'application/x-draftdesk-section'

/** Section totals: a heading's own characters plus those of every deeper heading under it. */
function sectionTotals(entries: OutlineEntry[], own: ReadonlyMap<string, number>): Map<string, number> {
  const totals = new Map<string, number>()
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!
    let sum = own.get(e.key) ?? 0
    for (let j = i + 1; j < entries.length && entries[j]!.level > e.level; j++) sum += own.get(entries[j]!.key) ?? 0
    totals.set(e.key, sum)
  }
  return totals
}

/**
 * The live outline: every heading with its derived number and its section's character count.
 * Click to jump; ▸/▾ to fold a branch (of the outline, not the text); drag a heading onto another
 * to move its whole section before it, or onto the end marker to move it to the end.
 */
export function OutlinePanel({ entries: all, ownCounts, onNotice }: Props) {
  const { t } = useTranslation('outline')
  const [editor] = useLexicalComposerContext()
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const [dropTarget, setDropTarget] = useState<string | null>(null)
  const totals = useMemo(() => sectionTotals(all, ownCounts), [all, ownCounts])
  // 分工 on a team document (null for a local one): who writes each section, 我的部分
  const team = useSectionAssignments(all)
  const [mine, setMine] = useState(false)
  const [assigning, setAssigning] = useState<OutlineEntry | null>(null)
  const entries = useMemo(() => (team && mine ? mineOnly(all, team.byHeading, team.review.me.name) : all), [all, team, mine])

  const jump = (key: string) => {
    editor.update(() => {
      const node = $getNodeByKey(key)
      if ($isElementNode(node)) node.selectStart()
    })
    editor.getElementByKey(key)?.scrollIntoView({ block: 'center' })
    editor.focus()
  }

  // entries hidden under a folded heading
  const visible: { entry: OutlineEntry; hasChildren: boolean }[] = []
  let hiddenBelow: number | null = null
  entries.forEach((entry, i) => {
    if (hiddenBelow !== null && entry.level > hiddenBelow) return
    hiddenBelow = null
    const hasChildren = (entries[i + 1]?.level ?? 0) > entry.level
    visible.push({ entry, hasChildren })
    if (hasChildren && collapsed.has(entry.key)) hiddenBelow = entry.level
  })

  const toggle = (key: string) =>
    setCollapsed((prev) => {
      const next = new Set(prev)
      if (!next.delete(key)) next.add(key)
      return next
    })

  const drop = (event: React.DragEvent, beforeKey: string | null) => {
    event.preventDefault()
    setDropTarget(null)
    const from = event.dataTransfer.getData(DRAG_TYPE)
    if (from) moveSection(editor, from, beforeKey)
  }
  const over = (event: React.DragEvent, key: string) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'move'
    setDropTarget(key)
  }

  return (
    <aside className="outline" aria-label={t('heading')}>
      <h2>{t('heading')}</h2>
      {team && <AssignmentSummary team={team} mine={mine} onMine={setMine} />}
      {team && assigning && <AssignDialog team={team} entry={assigning} onClose={() => setAssigning(null)} onNotice={(m) => onNotice?.(m)} />}
      {entries.length === 0 ? (
        <p className="muted">{team && mine && all.length > 0 ? t('review:noneMine') : t('empty')}</p>
      ) : (
        <ol>
          {visible.map(({ entry: e, hasChildren }) => (
            <li
              key={e.key}
              className={`outline-l${e.level}${dropTarget === e.key ? ' drop-target' : ''}`}
              data-key={e.key}
              draggable
              onDragStart={(ev) => {
                ev.dataTransfer.setData(DRAG_TYPE, e.key)
                ev.dataTransfer.effectAllowed = 'move'
              }}
              onDragOver={(ev) => over(ev, e.key)}
              onDragLeave={() => setDropTarget((k) => (k === e.key ? null : k))}
              onDrop={(ev) => drop(ev, e.key)}
            >
              {hasChildren ? (
                <button className="outline-fold" aria-expanded={!collapsed.has(e.key)} onClick={() => toggle(e.key)} title={collapsed.has(e.key) ? t('expand') : t('collapse')}>
                  {collapsed.has(e.key) ? '▸' : '▾'}
                </button>
              ) : (
                <span className="outline-fold" />
              )}
              <button className="outline-jump" onClick={() => jump(e.key)} title={e.title}>
                <span className="outline-number">{e.number}</span>
                <span className="outline-title">{e.title}</span>
              </button>
              {team && e.level <= 2 && <AssignmentBadge team={team} entry={e} onOpen={() => setAssigning(e)} />}
              <span className="outline-count" title={t('sectionCount')}>{totals.get(e.key) ?? 0}</span>
            </li>
          ))}
          <li
            className={`outline-end${dropTarget === '$end' ? ' drop-target' : ''}`}
            onDragOver={(ev) => over(ev, '$end')}
            onDragLeave={() => setDropTarget((k) => (k === '$end' ? null : k))}
            onDrop={(ev) => drop(ev, null)}
          >
            {t('dropAtEnd')}
          </li>
        </ol>
      )}
    </aside>
  )
}

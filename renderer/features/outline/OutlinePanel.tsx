import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, $isElementNode } from 'lexical'
import { memo, useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutlineEntry } from '../structure/HeadingNumbersPlugin'
import { AssignDialog, AssignmentBadge, AssignmentSummary, mineOnly, useSectionAssignments, type SectionAssignments } from '../team/review/SectionAssignments'
import { useOutlineData, type OutlineStore } from './outlineStore'
import { moveSection } from './sections'
import './outline.css'

interface Props {
  /** the headings and their own counts (HeadingNumbersPlugin, CharacterCountPlugin) */
  store: OutlineStore
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
export function OutlinePanel({ store, onNotice }: Props) {
  const { t } = useTranslation('outline')
  const { entries: all, ownCounts } = useOutlineData(store)
  const [editor] = useLexicalComposerContext()
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const [dropTarget, setDropTarget] = useState<string | null>(null)
  const totals = useMemo(() => sectionTotals(all, ownCounts), [all, ownCounts])
  // 分工 on a team document (null for a local one): who writes each section, 我的部分
  const team = useSectionAssignments(all)
  const [mine, setMine] = useState(false)
  const [assigning, setAssigning] = useState<OutlineEntry | null>(null)
  const entries = useMemo(() => (team && mine ? mineOnly(all, team.byHeading, team.review.me.name) : all), [all, team, mine])

  // stable handlers: a row re-renders only when what it shows changed (a count after a pause in typing)
  const jump = useCallback(
    (key: string) => {
      editor.update(() => {
        const node = $getNodeByKey(key)
        if ($isElementNode(node)) node.selectStart()
      })
      editor.getElementByKey(key)?.scrollIntoView({ block: 'center' })
      editor.focus()
    },
    [editor],
  )

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

  const toggle = useCallback(
    (key: string) =>
      setCollapsed((prev) => {
        const next = new Set(prev)
        if (!next.delete(key)) next.add(key)
        return next
      }),
    [],
  )

  const drop = useCallback(
    (event: React.DragEvent, beforeKey: string | null) => {
      event.preventDefault()
      setDropTarget(null)
      const from = event.dataTransfer.getData(DRAG_TYPE)
      if (from) moveSection(editor, from, beforeKey)
    },
    [editor],
  )
  const over = useCallback((event: React.DragEvent, key: string) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return
    event.preventDefault()
    event.dataTransfer.dropEffect = 'move'
    setDropTarget(key)
  }, [])
  const leave = useCallback((key: string) => setDropTarget((k) => (k === key ? null : k)), [])
  const labels = useMemo(() => ({ expand: t('expand'), collapse: t('collapse'), sectionCount: t('sectionCount') }), [t])
  const handlers = useMemo<RowHandlers>(() => ({ jump, toggle, drop, over, leave, assign: setAssigning }), [jump, toggle, drop, over, leave])

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
            <OutlineRow
              key={e.key}
              entry={e}
              hasChildren={hasChildren}
              collapsed={collapsed.has(e.key)}
              dropTarget={dropTarget === e.key}
              count={totals.get(e.key) ?? 0}
              team={team}
              labels={labels}
              handlers={handlers}
            />
          ))}
          <li
            className={`outline-end${dropTarget === '$end' ? ' drop-target' : ''}`}
            onDragOver={(ev) => over(ev, '$end')}
            onDragLeave={() => leave('$end')}
            onDrop={(ev) => drop(ev, null)}
          >
            {t('dropAtEnd')}
          </li>
        </ol>
      )}
    </aside>
  )
}

interface RowHandlers {
  jump(key: string): void
  toggle(key: string): void
  drop(event: React.DragEvent, beforeKey: string | null): void
  over(event: React.DragEvent, key: string): void
  leave(key: string): void
  assign(entry: OutlineEntry): void
}

interface RowProps {
  entry: OutlineEntry
  hasChildren: boolean
  collapsed: boolean
  dropTarget: boolean
  count: number
  team: SectionAssignments | null
  labels: { expand: string; collapse: string; sectionCount: string }
  handlers: RowHandlers
}

/** One heading in the outline: drag it onto another to move its section before it. */
const OutlineRow = memo(function OutlineRow({ entry: e, hasChildren, collapsed, dropTarget, count, team, labels, handlers: h }: RowProps) {
  return (
    <li
      className={`outline-l${e.level}${dropTarget ? ' drop-target' : ''}`}
      data-key={e.key}
      draggable
      onDragStart={(ev) => {
        ev.dataTransfer.setData(DRAG_TYPE, e.key)
        ev.dataTransfer.effectAllowed = 'move'
      }}
      onDragOver={(ev) => h.over(ev, e.key)}
      onDragLeave={() => h.leave(e.key)}
      onDrop={(ev) => h.drop(ev, e.key)}
    >
      {hasChildren ? (
        <button className="outline-fold" aria-expanded={!collapsed} onClick={() => h.toggle(e.key)} title={collapsed ? labels.expand : labels.collapse}>
          {collapsed ? '▸' : '▾'}
        </button>
      ) : (
        <span className="outline-fold" />
      )}
      <button className="outline-jump" onClick={() => h.jump(e.key)} title={e.title}>
        <span className="outline-number">{e.number}</span>
        <span className="outline-title">{e.title}</span>
      </button>
      {team && e.level <= 2 && <AssignmentBadge team={team} entry={e} onOpen={() => h.assign(e)} />}
      <span className="outline-count" title={labels.sectionCount}>{count}</span>
    </li>
  )
})

/**
 * 分工 in the outline of a team document: each level-1/2 heading shows who writes it and how far
 * it is (待写 / 起草中 / 已交稿 / 已审), the outline's head shows the progress (已交稿 3/8) and a
 * 我的部分 filter. A 编辑 member assigns a section (member, due date); the member it is assigned to
 * moves its state; a 审阅 member marks it 已审 (shared/team/assignments.ts: who may do what).
 *
 * Which heading an assignment belongs to is found again after every change to the outline: by
 * the heading's anchor, else by its title (a moved section), and the handles are written back so
 * the next client finds it directly (assignments.ts explains why both).
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext'
import { $getNodeByKey, $getRoot, $isElementNode } from 'lexical'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import {
  assign,
  canAssign,
  matchAssignments,
  progress,
  reanchor,
  setState,
  statesFor,
  unassign,
  type AssignmentState,
  type KeyedAssignment,
} from '../../../../shared/team/assignments'
import { canComment } from '../../../../shared/team/comments'
import { errorMessage } from '../../../app/errors'
import { Modal } from '../../../ui/Modal'
import type { OutlineEntry } from '../../structure/HeadingNumbersPlugin'
import { $blockAnchor, $blockOfAnchor, contentRoot } from './lexicalAnchors'
import { useReview, type ReviewValue } from './ReviewContext'
import './assignments.css'

export interface SectionAssignments {
  review: ReviewValue
  /** outline entry key → its assignment */
  byHeading: ReadonlyMap<string, KeyedAssignment>
  lost: KeyedAssignment[]
  progress: { total: number; submitted: number; reviewed: number }
}

const assignable = (e: OutlineEntry): e is OutlineEntry & { level: 1 | 2 } => e.level === 1 || e.level === 2

/** The open team document's assignments matched to the outline; null for a local document. */
export function useSectionAssignments(entries: readonly OutlineEntry[]): SectionAssignments | null {
  const [editor] = useLexicalComposerContext()
  const review = useReview()
  const [matched, setMatched] = useState<{ byHeading: ReadonlyMap<string, KeyedAssignment>; lost: KeyedAssignment[] }>({ byHeading: new Map(), lost: [] })
  const assignments = review?.assignments
  const content = review?.session.doc
  const doc = review?.doc
  const writable = review ? canComment(review.me.role) : false

  useEffect(() => {
    if (!assignments || !content || !doc) return
    // after the update that changed the outline has reached the Y.Doc (the binding syncs in an
    // update listener too): match then, and write back handles only when both trees agree
    let titleTimer = 0
    const timer = window.setTimeout(() => {
      const headings = entries.filter(assignable)
      const result = editor.getEditorState().read(() => {
        const inSync = contentRoot(content).length === $getRoot().getChildrenSize()
        const m = matchAssignments(assignments, headings, (anchor) => $blockOfAnchor(content, anchor))
        const moved = inSync ? m.moved.flatMap(({ assignment, heading }) => {
          const node = $getNodeByKey(heading.key)
          const block = $isElementNode(node) ? $blockAnchor(content, node) : null
          return block ? [{ key: assignment.key, heading: { anchor: block.anchor, title: heading.title, level: heading.level } }] : []
        }) : []
        return { ...m, moved, inSync }
      })
      setMatched({ byHeading: result.byHeading, lost: result.lost })
      if (!writable || !result.inSync) return
      if (result.moved.length) doc.transact(() => result.moved.forEach((r) => reanchor(doc, r.key, r.heading)))
      // a retitled heading: its new title is kept (for finding it after a move), once typing rests
      const retitled = [...result.byHeading].flatMap(([key, a]) => {
        const h = headings.find((x) => x.key === key)
        return h && h.title !== a.heading.title ? [{ key: a.key, heading: { ...a.heading, title: h.title } }] : []
      })
      if (retitled.length) titleTimer = window.setTimeout(() => doc.transact(() => retitled.forEach((r) => reanchor(doc, r.key, r.heading))), 1500)
    }, 0)
    return () => {
      window.clearTimeout(timer)
      window.clearTimeout(titleTimer)
    }
  }, [editor, entries, assignments, content, doc, writable])

  return useMemo(() => {
    if (!review) return null
    const present = [...matched.byHeading.values()]
    return { review, byHeading: matched.byHeading, lost: matched.lost, progress: progress(present) }
  }, [review, matched])
}

/** The entries of the sections assigned to `name`: their headings and every heading under them. */
export function mineOnly(entries: readonly OutlineEntry[], byHeading: ReadonlyMap<string, KeyedAssignment>, name: string): OutlineEntry[] {
  const out: OutlineEntry[] = []
  let inside: number | null = null
  for (const e of entries) {
    if (inside !== null && e.level <= inside) inside = null
    if (inside === null && byHeading.get(e.key)?.member === name) inside = e.level
    if (inside !== null) out.push(e)
  }
  return out
}

/** The outline's head for a team document: progress and the 我的部分 filter. */
export function AssignmentSummary({ team, mine, onMine }: { team: SectionAssignments; mine: boolean; onMine(on: boolean): void }) {
  const { t } = useTranslation('review')
  const { total, submitted, reviewed } = team.progress
  return (
    <div className="assign-summary">
      {total > 0 && (
        <span className="assign-progress" data-testid="assign-progress" title={t('reviewedCount', { reviewed })}>
          <span className="assign-bar" style={{ '--done': `${(submitted / total) * 100}%` } as React.CSSProperties} />
          {t('progress', { submitted, total })}
          {reviewed > 0 && ` · ${t('reviewedCount', { reviewed })}`}
        </span>
      )}
      <label className="assign-mine">
        <input type="checkbox" checked={mine} onChange={(e) => onMine(e.target.checked)} data-testid="outline-mine" />
        {t('mine')}
      </label>
      {team.lost.length > 0 && (
        <p className="assign-lost" data-testid="assign-lost">
          {t('lost', { count: team.lost.length, titles: team.lost.map((a) => a.heading.title).join('、') })}
        </p>
      )}
    </div>
  )
}

/** Beside a level-1/2 heading: who and the state (a button to assign or move it, as one may). */
export function AssignmentBadge({ team, entry, onOpen }: { team: SectionAssignments; entry: OutlineEntry; onOpen(): void }) {
  const { t } = useTranslation('review')
  const a = team.byHeading.get(entry.key)
  const { me } = team.review
  const may = canAssign(me) || (a !== undefined && statesFor(me, a).length > 0)
  if (!a) {
    return canAssign(me) ? (
      <button className="assign-badge empty" onClick={onOpen} title={t('assignButton')} data-testid="assign-open">
        +
      </button>
    ) : null
  }
  const label = `${a.member} · ${t(`states.${a.state}`)}`
  return (
    <button
      className={`assign-badge state-${a.state}${a.member === me.name ? ' mine' : ''}`}
      onClick={may ? onOpen : undefined}
      disabled={!may}
      title={a.due ? `${label}（${t('dueOn', { date: a.due })}）` : label}
      data-testid="assign-badge"
      data-state={a.state}
      data-member={a.member}
    >
      <span className="assign-member">{a.member}</span>
      <span className="assign-state">{t(`states.${a.state}`)}</span>
    </button>
  )
}

/** 分工 for one section: member and due date (编辑), and its state (as one may move it). */
export function AssignDialog({ team, entry, onClose, onNotice }: { team: SectionAssignments; entry: OutlineEntry; onClose(): void; onNotice(message: string | null): void }) {
  const { t } = useTranslation('review')
  const [editor] = useLexicalComposerContext()
  const { review } = team
  const { me, doc, members } = review
  const current = team.byHeading.get(entry.key)
  const [member, setMember] = useState(current?.member ?? '')
  const [due, setDue] = useState(current?.due ?? '')
  const [state, setStateChoice] = useState<AssignmentState>(current?.state ?? 'todo')
  const editorRights = canAssign(me)
  const states = current ? statesFor(me, current) : editorRights ? (['todo', 'drafting', 'submitted', 'reviewed'] as AssignmentState[]) : []
  const { refreshMembers } = review
  useEffect(refreshMembers, [refreshMembers])
  const names = [...new Set([...members.map((m) => m.name), ...(current ? [current.member] : [])])]

  const save = () => {
    try {
      if (editorRights) {
        if (!member) return
        const block = editor.getEditorState().read(() => {
          const node = $getNodeByKey(entry.key)
          return $isElementNode(node) ? $blockAnchor(review.session.doc, node) : null
        })
        if (!block) throw new Error(entry.title)
        const key = current?.key ?? block.key
        doc.transact(() => {
          assign(doc, key, { anchor: block.anchor, title: entry.title, level: entry.level as 1 | 2 }, member, due || null, me)
          if (state !== (current?.state ?? 'todo')) setState(doc, key, state, me)
        })
      } else if (current && state !== current.state) setState(doc, current.key, state, me)
      onClose()
    } catch (err) {
      onNotice(t('failed', { message: errorMessage(err) }))
    }
  }

  return (
    <Modal label={t('assignTitle', { title: entry.title })} onClose={onClose}>
      <form
        className="assign-dialog"
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
        data-testid="assign-dialog"
      >
        <h2>{t('assignTitle', { title: `${entry.number}${entry.title}` })}</h2>
        <label>
          {t('member')}
          <select value={member} onChange={(e) => setMember(e.target.value)} disabled={!editorRights} data-testid="assign-member" autoFocus>
            <option value="" disabled>
              {t('pickMember')}
            </option>
            {names.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('due')}
          <input type="date" value={due} onChange={(e) => setDue(e.target.value)} disabled={!editorRights} data-testid="assign-due" />
        </label>
        <label>
          {t('stateLabel')}
          <select value={state} onChange={(e) => setStateChoice(e.target.value as AssignmentState)} disabled={states.length === 0} data-testid="assign-state">
            {(['todo', 'drafting', 'submitted', 'reviewed'] as const).map((s) => (
              <option key={s} value={s} disabled={s !== current?.state && !states.includes(s)}>
                {t(`states.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <div className="row end">
          {editorRights && current && (
            <button
              type="button"
              onClick={() => {
                unassign(doc, current.key, me)
                onClose()
              }}
              data-testid="assign-remove"
            >
              {t('unassign')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="primary" disabled={editorRights && !member} data-testid="assign-save">
            {t('save')}
          </button>
        </div>
      </form>
    </Modal>
  )
}

import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentSummary, SearchHit } from '../../shared/api'
import { CopyIcon, NextYearIcon, PencilIcon, TrashIcon } from '../ui/icons'
import { LanguageSwitch } from './LanguageSwitch'
import { translateMessage } from './errors'
import { displayDateTime } from '../../shared/i18n/dates'
import { toLang } from '../../shared/i18n/format'

interface Props {
  view: 'documents' | 'trash'
  docs: DocumentSummary[]
  hits: SearchHit[] | null
  query: string
  openId: string | null
  onQuery(query: string): void
  onOpen(id: string): void
  onNew(): void
  onImport(): void
  onTemplate(): void
  onRename(doc: DocumentSummary, title: string): void
  onDuplicate(doc: DocumentSummary): void
  /** 新年度底稿 */
  onRollover(doc: DocumentSummary): void
  onTrash(doc: DocumentSummary): void
  onRestore(doc: DocumentSummary): void
  onPurge(doc: DocumentSummary): void
  onView(view: 'documents' | 'trash'): void
  /** 备份与恢复… (the browser shell has no menu bar) */
  onBackups(): void
  /** local documents that are team documents (marked 团队) */
  teamIds?: ReadonlySet<string>
  /** the 团队文稿 section, below the local documents */
  team?: ReactNode
  /** a read-only 文稿库: nothing new can be stored, so 新建 / 模板 / 导入 say why instead of failing */
  readOnly?: boolean
}

export function DocumentList(p: Props) {
  const { t, i18n } = useTranslation('app')
  const title = (s: string) => s || t('common:untitled')
  // Inline rename (Electron has no window.prompt).
  const [renaming, setRenaming] = useState<{ id: string; value: string } | null>(null)
  return (
    <nav className="doc-list" aria-label={t('docs.heading')}>
      {p.view === 'documents' ? (
        <>
          <div className="doc-list-head">
            <div className="row-buttons">
              <button className="primary" onClick={p.onNew} disabled={p.readOnly} title={p.readOnly ? t('docs.readOnly') : undefined} data-testid="new-document">{t('docs.new')}</button>
              <button onClick={p.onTemplate} disabled={p.readOnly} data-testid="template-button" title={p.readOnly ? t('docs.readOnly') : t('docs.fromTemplate')}>{t('docs.template')}</button>
              <button onClick={p.onImport} disabled={p.readOnly} title={p.readOnly ? t('docs.readOnly') : undefined} data-testid="import-button">{t('docs.import')}</button>
            </div>
            <input type="search" placeholder={t('docs.search')} value={p.query} onChange={(e) => p.onQuery(e.target.value)} aria-label={t('docs.search')} />
          </div>
          {p.hits ? (
            <ul>
              {p.hits.length === 0 && <li className="muted">{t('docs.noResults', { query: p.query })}</li>}
              {p.hits.map((h) => (
                <li key={h.id} className={h.id === p.openId ? 'active' : ''}>
                  <button className="doc-open" onClick={() => p.onOpen(h.id)}>
                    <span className="doc-title">{title(h.title)}</span>
                    <span className="doc-excerpt">{h.excerpt}</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <ul>
              {p.docs.length === 0 && <li className="muted">{t('docs.empty')}</li>}
              {p.docs.map((d) => (
                <li key={d.id} className={d.id === p.openId ? 'active' : ''}>
                  {renaming?.id === d.id ? (
                    <form onSubmit={(e) => { e.preventDefault(); p.onRename(d, renaming.value); setRenaming(null) }}>
                      <input autoFocus aria-label={t('docs.renamePrompt')} value={renaming.value}
                        onChange={(e) => setRenaming({ id: d.id, value: e.target.value })}
                        onBlur={() => setRenaming(null)} onKeyDown={(e) => e.key === 'Escape' && setRenaming(null)} />
                    </form>
                  ) : (
                  <button className="doc-open" onClick={() => p.onOpen(d.id)} title={d.invalid && translateMessage(d.invalid)}>
                    <span className="doc-title">{title(d.title)}</span>
                    <span className="doc-meta">
                      {p.teamIds?.has(d.id) && <span className="team-badge" data-testid="team-badge">{t('team:badge')}</span>}
                      {d.invalid ? <span className="error">{t('docs.invalid')}</span> : t('common:characters', { count: d.characters })}
                      {' · '}
                      {displayDateTime(d.updatedAt, toLang(i18n.language))}
                    </span>
                  </button>
                  )}
                  <span className="doc-actions">
                    <button onClick={() => setRenaming({ id: d.id, value: d.title })} title={t('common:rename')} aria-label={t('common:rename')}><PencilIcon /></button>
                    <button onClick={() => p.onDuplicate(d)} title={t('docs.duplicate')} aria-label={t('docs.duplicate')}><CopyIcon /></button>
                    <button onClick={() => p.onRollover(d)} title={t('rollover:command')} aria-label={t('rollover:command')} data-testid="rollover-button"><NextYearIcon /></button>
                    <button onClick={() => p.onTrash(d)} title={t('common:delete')} aria-label={t('common:delete')}><TrashIcon /></button>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {p.team}
          <div className="doc-list-foot">
            <button className="link" onClick={() => p.onView('trash')}>{t('docs.trash')}</button>
            <button className="link" onClick={p.onBackups} data-testid="backups-button">{t('backups:title')}</button>
            <LanguageSwitch />
          </div>
        </>
      ) : (
        <>
          <div className="doc-list-head">
            <button onClick={() => p.onView('documents')}>← {t('docs.backToList')}</button>
            <strong>{t('docs.trash')}</strong>
          </div>
          <ul>
            {p.docs.length === 0 && <li className="muted">{t('docs.trashEmpty')}</li>}
            {p.docs.map((d) => (
              <li key={d.id}>
                <span className="doc-title">{title(d.title)}</span>
                <span className="doc-actions visible">
                  <button onClick={() => p.onRestore(d)}>{t('docs.restore')}</button>
                  <button onClick={() => p.onPurge(d)}>{t('docs.purge')}</button>
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </nav>
  )
}

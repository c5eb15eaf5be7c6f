/** 管理分类: the editable category tree — add, rename, move (up, down, under another), delete. */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Category } from '../../../shared/snippets'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { snippetsChanged } from './events'
import { categoryTree, useCategories } from './useSnippets'
import { Modal } from '../../ui/Modal'

export function CategoryDialog({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('snippets')
  const api = useApi()
  const { categories, reload } = useCategories()
  const [error, setError] = useState<string | null>(null)
  const [renaming, setRenaming] = useState<{ id: number; name: string } | null>(null)
  const [adding, setAdding] = useState<{ parentId: number | null; name: string } | null>(null)

  const act = (fn: () => Promise<unknown>) => {
    setError(null)
    void fn().then(
      () => {
        reload()
        snippetsChanged()
      },
      (err: unknown) => setError(errorMessage(err)),
    )
  }
  const tree = categoryTree(categories)
  const siblings = (c: Category) => tree.filter((x) => x.category.parentId === c.parentId).map((x) => x.category)
  const moveBy = (c: Category, delta: -1 | 1) => {
    const list = siblings(c)
    const at = list.findIndex((x) => x.id === c.id)
    const target = at + delta
    if (target < 0 || target >= list.length) return
    // before the one `delta` away, or (down) before the one after it
    const before = delta < 0 ? list[target]!.id : (list[target + 1]?.id ?? null)
    act(() => api.call('snippets.category.move', { id: c.id, parentId: c.parentId, beforeId: before }))
  }

  const addRow = (parentId: number | null, depth: number) =>
    adding && adding.parentId === parentId ? (
      <li className="category-row" style={{ paddingLeft: depth * 20 }}>
        <input
          autoFocus
          value={adding.name}
          placeholder={t('categoryName')}
          onChange={(e) => setAdding({ parentId, name: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && adding.name.trim()) {
              act(() => api.call('snippets.category.create', { name: adding.name, parentId }))
              setAdding(null)
            }
            if (e.key === 'Escape') {
              e.stopPropagation() // cancels the new name, not the dialog
              setAdding(null)
            }
          }}
        />
      </li>
    ) : null

  return (
    <Modal label={t('manageCategories')} onClose={onClose} testId="category-dialog">
        <h2>{t('manageCategories')}</h2>
        <ul className="category-tree">
          {tree.map(({ category: c, depth }) => (
            <li key={c.id}>
              <div className="category-row" style={{ paddingLeft: depth * 20 }}>
                {renaming?.id === c.id ? (
                  <input
                    autoFocus
                    value={renaming.name}
                    onChange={(e) => setRenaming({ id: c.id, name: e.target.value })}
                    onKeyDown={(e) => {
                      if (e.key === 'Enter') {
                        act(() => api.call('snippets.category.rename', { id: c.id, name: renaming.name }))
                        setRenaming(null)
                      }
                      if (e.key === 'Escape') {
                        e.stopPropagation() // cancels the rename, not the dialog
                        setRenaming(null)
                      }
                    }}
                    onBlur={() => setRenaming(null)}
                  />
                ) : (
                  <span className="category-name" onDoubleClick={() => setRenaming({ id: c.id, name: c.name })}>
                    {c.name} <span className="muted">{c.count}</span>
                  </span>
                )}
                <span className="category-actions">
                  <button className="link" title={t('moveUp')} onClick={() => moveBy(c, -1)}>↑</button>
                  <button className="link" title={t('moveDown')} onClick={() => moveBy(c, 1)}>↓</button>
                  <select
                    aria-label={t('moveUnder')}
                    value={c.parentId ?? ''}
                    onChange={(e) => act(() => api.call('snippets.category.move', { id: c.id, parentId: e.target.value ? Number(e.target.value) : null }))}
                  >
                    <option value="">{t('topLevel')}</option>
                    {tree
                      .filter((x) => x.category.id !== c.id)
                      .map((x) => (
                        <option key={x.category.id} value={x.category.id}>
                          {'\u3000'.repeat(x.depth)}
                          {x.category.name}
                        </option>
                      ))}
                  </select>
                  <button className="link" onClick={() => setRenaming({ id: c.id, name: c.name })}>{t('common:rename')}</button>
                  <button className="link" onClick={() => setAdding({ parentId: c.id, name: '' })}>{t('addChild')}</button>
                  <button
                    className="link"
                    onClick={() => {
                      if (window.confirm(t('deleteCategoryConfirm', { name: c.name }))) act(() => api.call('snippets.category.delete', { id: c.id }))
                    }}
                  >
                    {t('common:delete')}
                  </button>
                </span>
              </div>
              {addRow(c.id, depth + 1)}
            </li>
          ))}
          {addRow(null, 0)}
        </ul>
        {error && <p className="error">{error}</p>}
        <div className="row end">
          <button onClick={() => setAdding({ parentId: null, name: '' })}>{t('addCategory')}</button>
          <button className="primary" onClick={onClose}>{t('done')}</button>
        </div>
    </Modal>
  )
}

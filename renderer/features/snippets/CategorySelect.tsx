import { useTranslation } from 'react-i18next'
import type { Category } from '../../../shared/snippets'
import { categoryTree } from './useSnippets'

/** A category chooser, the tree shown by indentation. */
export function CategorySelect({ categories, value, onChange, label }: { categories: readonly Category[]; value: number | null; onChange(id: number | null): void; label?: string }) {
  const { t } = useTranslation('snippets')
  return (
    <select aria-label={label ?? t('category')} value={value ?? ''} onChange={(e) => onChange(e.target.value ? Number(e.target.value) : null)} data-testid="snippet-category-select">
      <option value="">{t('noCategory')}</option>
      {categoryTree(categories).map(({ category, depth }) => (
        <option key={category.id} value={category.id}>
          {'\u3000'.repeat(depth)}
          {category.name}
        </option>
      ))}
    </select>
  )
}

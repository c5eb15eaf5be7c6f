/** The panel's ⋯ menu: new snippet, harvest, import, export, categories, the starter snippets. */
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../app/ApiContext'
import { errorMessage } from '../../app/errors'
import { CategoryDialog } from './CategoryDialog'
import { snippetsChanged } from './events'
import { HarvestDialog } from './HarvestDialog'
import { SnippetImportDialog } from './SnippetImportDialog'
import { saveText } from '../../ui/files'
import { FileInput } from '../../ui/FileInput'

/** Saves text as a file the way a browser does (the desktop shell asks where). */


export function SnippetLibraryMenu({ onNew, onNotice, categoryId }: { onNew(): void; onNotice(message: string | null): void; categoryId: number | null }) {
  const { t } = useTranslation('snippets')
  const api = useApi()
  const [open, setOpen] = useState(false)
  const [dialog, setDialog] = useState<'harvest' | 'categories' | { import: File } | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)
  const anchor = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const close = (e: MouseEvent) => {
      if (!anchor.current?.contains(e.target as Node)) setOpen(false)
    }
    window.addEventListener('mousedown', close)
    return () => window.removeEventListener('mousedown', close)
  }, [open])

  const run = (fn: () => Promise<void> | void) => () => {
    setOpen(false)
    void Promise.resolve(fn()).catch((err: unknown) => onNotice(t('errors.generic', { message: errorMessage(err) })))
  }
  const exportAs = (format: 'json' | 'csv', scoped: boolean) =>
    run(async () => {
      const result = await api.call('snippets.export', { format, categoryId: scoped ? categoryId : null })
      saveText(result.name, result.text, format === 'json' ? 'application/json' : 'text/csv')
      onNotice(t('exported', { count: result.count, name: result.name }))
    })

  // the menu item that opened the dialog is gone: the keyboard goes back to ⋯
  const menuButton = useRef<HTMLButtonElement>(null)
  const closeDialog = () => {
    setDialog(null)
    menuButton.current?.focus()
  }

  return (
    <div className="menu-anchor" ref={anchor}>
      <button ref={menuButton} className="snippet-menu-button" aria-haspopup="menu" aria-expanded={open} title={t('menu')} onClick={() => setOpen((o) => !o)} data-testid="snippet-menu">
        ⋯
      </button>
      {open && (
        <ul className="menu snippet-menu" role="menu">
          <li><button role="menuitem" onClick={run(onNew)}>{t('new')}</button></li>
          <li><button role="menuitem" onClick={run(() => setDialog('harvest'))} data-testid="snippet-harvest">{t('harvest')}</button></li>
          <li><button role="menuitem" onClick={run(() => fileInput.current?.click())}>{t('import')}</button></li>
          <li><button role="menuitem" onClick={exportAs('json', false)}>{t('exportJson')}</button></li>
          <li><button role="menuitem" onClick={exportAs('csv', false)}>{t('exportCsv')}</button></li>
          {categoryId !== null && <li><button role="menuitem" onClick={exportAs('json', true)}>{t('exportCategory')}</button></li>}
          <li><button role="menuitem" onClick={run(() => setDialog('categories'))}>{t('manageCategories')}</button></li>
          <li>
            <button
              role="menuitem"
              onClick={run(async () => {
                const { added } = await api.call('snippets.restoreStarter', {})
                snippetsChanged()
                onNotice(added ? t('restored', { count: added }) : t('nothingToRestore'))
              })}
            >
              {t('restoreStarter')}
            </button>
          </li>
        </ul>
      )}
      <FileInput ref={fileInput} accept=".json,.csv,.tsv,.txt" testId="snippet-import-input" onFile={(file) => setDialog({ import: file })} />
      {dialog === 'harvest' && <HarvestDialog onClose={closeDialog} onNotice={onNotice} />}
      {dialog === 'categories' && <CategoryDialog onClose={closeDialog} />}
      {dialog && typeof dialog === 'object' && <SnippetImportDialog file={dialog.import} onClose={() => setDialog(null)} onNotice={onNotice} />}
    </div>
  )
}

/**
 * 收集素材: choose documents of the library (and files), then go through the proposed groups —
 * paragraphs that recur across documents, near-duplicates together, with how many documents use
 * each. Accept (with the title, category and text as edited), or reject; accepted ones become
 * snippets at once.
 */
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IMPORT_ACCEPT, type ApiOutput, type DocumentSummary } from '../../../shared/api'
import { bodyFromText, bodyToText } from '../../../shared/snippets'
import { useApi } from '../../app/ApiContext'
import { errorMessage, translateMessage } from '../../app/errors'
import { fileToBase64 } from '../../ui/files'
import { CategorySelect } from './CategorySelect'
import { snippetsChanged } from './events'
import { SnippetBodyView } from './SnippetText'
import { useCategories } from './useSnippets'
import { Modal } from '../../ui/Modal'

type Result = ApiOutput<'snippets.harvest'>
type Group = Result['groups'][number]

interface Decision {
  state: 'open' | 'accepted' | 'rejected'
  title: string
  /** undefined: the proposed category (by name), once the category list is there */
  categoryId: number | null | undefined
  text: string
  editing: boolean
  showMembers: boolean
}

export function HarvestDialog({ onClose, onNotice }: { onClose(): void; onNotice(message: string | null): void }) {
  const { t } = useTranslation('snippets')
  const api = useApi()
  const { categories } = useCategories()
  const [docs, setDocs] = useState<DocumentSummary[]>([])
  const [chosen, setChosen] = useState<Set<string>>(new Set())
  const [files, setFiles] = useState<File[]>([])
  const [result, setResult] = useState<Result | null>(null)
  const [decisions, setDecisions] = useState<Map<string, Decision>>(new Map())
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    void api.call('documents.list', {}).then((list) => {
      const ok = list.filter((d) => !d.invalid)
      setDocs(ok)
      setChosen(new Set(ok.map((d) => d.id)))
    }, (err: unknown) => setError(errorMessage(err)))
  }, [api])

  const categoryByName = useMemo(() => new Map(categories.map((c) => [c.name, c.id])), [categories])

  const run = async () => {
    setBusy(true)
    setError(null)
    try {
      const payload = await Promise.all(files.map(async (f) => ({ name: f.name, dataBase64: await fileToBase64(f) })))
      const r = await api.call('snippets.harvest', { documentIds: [...chosen], files: payload })
      setResult(r)
      setDecisions(
        new Map(
          r.groups.map((g) => {
            return [g.key, { state: 'open', title: g.title, categoryId: undefined, text: bodyToText(g.body), editing: false, showMembers: false }]
          }),
        ),
      )
    } catch (err) {
      setError(errorMessage(err))
    } finally {
      setBusy(false)
    }
  }

  const change = (key: string, patch: Partial<Decision>) =>
    setDecisions((m) => {
      const next = new Map(m)
      next.set(key, { ...m.get(key)!, ...patch })
      return next
    })

  const categoryOf = (g: Group, d: Decision) => (d.categoryId !== undefined ? d.categoryId : (categoryByName.get(g.category) ?? null))

  const accept = async (g: Group) => {
    const d = decisions.get(g.key)!
    const body = d.editing || d.text !== bodyToText(g.body) ? bodyFromText(d.text) : g.body
    const firstSource = result?.sources[g.members[0]?.source ?? 0]
    try {
      await api.call('snippets.create', {
        title: d.title,
        categoryId: categoryOf(g, d),
        tags: [],
        body,
        source: firstSource ? { title: firstSource.title, ...(firstSource.documentId ? { documentId: firstSource.documentId } : {}) } : null,
      })
      change(g.key, { state: 'accepted', editing: false })
      snippetsChanged()
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  const open = result?.groups.filter((g) => decisions.get(g.key)?.state === 'open') ?? []
  const accepted = result?.groups.filter((g) => decisions.get(g.key)?.state === 'accepted').length ?? 0

  return (
    <Modal label={t('harvestTitle')} onClose={onClose} className="harvest-dialog" testId="harvest-dialog">
        <h2>{t('harvestTitle')}</h2>
        {!result ? (
          <>
            <p className="muted">{t('harvestIntro')}</p>
            <div className="harvest-sources">
              <label className="harvest-all">
                <input
                  type="checkbox"
                  checked={docs.length > 0 && chosen.size === docs.length}
                  onChange={(e) => setChosen(e.target.checked ? new Set(docs.map((d) => d.id)) : new Set())}
                />
                {t('harvestAllDocs', { count: docs.length })}
              </label>
              <ul>
                {docs.map((d) => (
                  <li key={d.id}>
                    <label>
                      <input
                        type="checkbox"
                        checked={chosen.has(d.id)}
                        onChange={(e) =>
                          setChosen((s) => {
                            const next = new Set(s)
                            if (e.target.checked) next.add(d.id)
                            else next.delete(d.id)
                            return next
                          })
                        }
                      />
                      {d.title || t('common:untitled')} <span className="muted">{t('common:characters', { count: d.characters })}</span>
                    </label>
                  </li>
                ))}
              </ul>
              <label className="harvest-files">
                {t('harvestFiles')}
                <input type="file" multiple accept={IMPORT_ACCEPT} onChange={(e) => setFiles([...(e.target.files ?? [])])} data-testid="harvest-files" />
              </label>
            </div>
            {error && <p className="error">{error}</p>}
            <div className="row end">
              <button onClick={onClose}>{t('common:cancel')}</button>
              <button className="primary" disabled={busy || (chosen.size === 0 && files.length === 0)} onClick={() => void run()} data-testid="harvest-run">
                {busy ? t('harvesting') : t('harvestRun')}
              </button>
            </div>
          </>
        ) : (
          <>
            <p className="muted">
              {t('harvestFound', { sources: result.sources.length, groups: result.groups.length, accepted })}
            </p>
            {result.problems.map((w, i) => (
              <p key={i} className="warn">{translateMessage(w)}</p>
            ))}
            {result.groups.length === 0 && <p>{t('harvestNothing')}</p>}
            <ol className="harvest-groups" data-testid="harvest-groups">
              {result.groups.map((g) => {
                const d = decisions.get(g.key)
                if (!d || d.state === 'rejected') return null
                return (
                  <li key={g.key} className={`harvest-group ${d.state}`} data-testid="harvest-group">
                    <div className="harvest-group-head">
                      <input value={d.title} onChange={(e) => change(g.key, { title: e.target.value })} aria-label={t('titleLabel')} disabled={d.state !== 'open'} />
                      <CategorySelect categories={categories} value={categoryOf(g, d)} onChange={(id) => change(g.key, { categoryId: id })} />
                      <span className="harvest-count" title={t('harvestUseHint')}>
                        {t('harvestDocs', { count: g.documents })}
                      </span>
                      {g.inLibrary && <span className="snippet-chip">{t('inLibrary')}</span>}
                    </div>
                    {d.editing ? (
                      <textarea value={d.text} rows={Math.min(8, 2 + Math.ceil(d.text.length / 40))} onChange={(e) => change(g.key, { text: e.target.value })} />
                    ) : (
                      <SnippetBodyView body={bodyFromText(d.text)} />
                    )}
                    {g.members.length > 1 && (
                      <button className="link" onClick={() => change(g.key, { showMembers: !d.showMembers })}>
                        {d.showMembers ? t('hideVariants') : t('showVariants', { count: g.members.length })}
                      </button>
                    )}
                    {d.showMembers && (
                      <ul className="harvest-members">
                        {g.members.slice(0, 30).map((m, i) => (
                          <li key={i}>
                            <span className="muted">{result.sources[m.source]?.title}{t('common:colon')}</span>
                            {m.text}
                          </li>
                        ))}
                      </ul>
                    )}
                    <div className="harvest-actions">
                      {d.state === 'accepted' ? (
                        <span className="harvest-done">{t('harvestAccepted')}</span>
                      ) : (
                        <>
                          <button className="primary" onClick={() => void accept(g)} data-testid="harvest-accept">{t('harvestAccept')}</button>
                          <button onClick={() => change(g.key, { editing: !d.editing })}>{d.editing ? t('preview') : t('edit')}</button>
                          <button onClick={() => change(g.key, { state: 'rejected' })} data-testid="harvest-reject">{t('harvestReject')}</button>
                        </>
                      )}
                    </div>
                  </li>
                )
              })}
            </ol>
            {error && <p className="error">{error}</p>}
            <div className="row end">
              <button onClick={() => setResult(null)}>{t('harvestAgain')}</button>
              <button
                disabled={open.length === 0}
                onClick={() => void (async () => {
                  for (const g of open) await accept(g)
                  onNotice(t('harvestAcceptedAll', { count: open.length }))
                })()}
              >
                {t('harvestAcceptAll', { count: open.length })}
              </button>
              <button className="primary" onClick={onClose}>{t('done')}</button>
            </div>
          </>
        )}
    </Modal>
  )
}

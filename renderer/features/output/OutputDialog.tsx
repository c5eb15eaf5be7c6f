/**
 * 出稿: the dialog shown before every export. It opens on the 出稿检查 findings (each jumps to its
 * place), then the 落款 (signature, date, seal and signature images), 定稿, and the export buttons.
 * Findings that would go out on paper (unfilled figures, placeholders left: the errors of
 * shared/output/check.ts) are asked about before 定稿 and before exporting the current text: the
 * writer sees them again and chooses 仍然定稿 / 仍然导出 or 返回修改.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Signature, SummaryDocument } from '../../../shared/document/model'
import { checkDocument, type Finding } from '../../../shared/output/check'
import { fingerprintOf } from '../../../shared/output/canonical'
import type { AssetKind, AssetSummary, ExportFormat, FinalSummary } from '../../../shared/api'
import { todayIso } from '../../../shared/output/dates'
import { sectionNames } from '../../../shared/output/sections'
import { displayDateTime } from '../../../shared/i18n/dates'
import { toLang } from '../../../shared/i18n/format'
import { DateField, TextField } from '../../ui/TextField'
import { msg } from '../../../shared/errors'
import { useApi } from '../../app/ApiContext'
import { errorMessage, translateMessage } from '../../app/errors'
import { fileToBase64, saveBase64 } from '../../ui/files'
import { FileInput } from '../../ui/FileInput'
import { keepTabInside } from '../../ui/Modal'
import { keepFinalOnTeam } from '../team/finals'
import { useExportComments } from '../team/review/exportComments'
import { TeamFinals } from '../team/TeamFinals'
import { useTeamDoc } from '../team/session'
import { useTeam } from '../team/TeamContext'
import './output.css'

interface Props {
  documentId: string
  model: SummaryDocument
  /** saves pending edits (exports read the stored document) */
  flush(): Promise<void>
  onSignature(signature: Signature | undefined): void
  onJump(finding: Finding): void
  onPreview(final: FinalSummary | null, printMark: boolean): void
  onClose(): void
  /** the export the desktop menu asked for (导出 Word… / 导出 PDF…): its button takes the focus */
  focusFormat?: ExportFormat | null
  /** where the keyboard goes when the dialog closes and what opened it is gone (the text) */
  onRestoreFocus?(): void
}

const FORMATS: ExportFormat[] = ['docx', 'pdf', 'txt', 'md']

export function OutputDialog({ documentId, model, flush, onSignature, onJump, onPreview, onClose, focusFormat = null, onRestoreFocus }: Props) {
  const { t, i18n } = useTranslation('output')
  const lang = toLang(i18n.language)
  const api = useApi()
  const check = useMemo(() => checkDocument(model), [model])
  const sections = useMemo(() => sectionNames(model), [model])
  const blocking = check.findings.filter((f) => f.severity === 'error')
  // 定稿 or an export waiting for the writer's answer about the blocking findings
  const [asking, setAsking] = useState<null | { action: 'final' } | { action: 'export'; format: ExportFormat }>(null)
  const [finals, setFinals] = useState<FinalSummary[]>([])
  const [author, setAuthor] = useState('')
  const [name, setName] = useState(() => t('dialog.finalNameDefault'))
  const [version, setVersion] = useState<number | 'current'>('current')
  const [busy, setBusy] = useState<string | null>(null)
  // the 定稿 mark in the page footer: GB/T 9704 has none, so only when the writer asks
  const [printMark, setPrintMark] = useState(false)
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null)
  // 批注 of a team document as Word comments in the DOCX: only when asked (PDF and print never show them)
  const teamComments = useExportComments()
  const [withComments, setWithComments] = useState(false)
  const [withResolved, setWithResolved] = useState(false)
  const [assets, setAssets] = useState<AssetSummary[]>([])
  const fingerprint = useMemo(() => fingerprintOf(model), [model])
  const currentFinal = finals.find((f) => f.fingerprint === fingerprint) ?? null
  // comments are placed on the current text: a 定稿 with other words cannot carry them
  const commentsFit = version === 'current' || finals.find((f) => f.revisionId === version)?.fingerprint === fingerprint

  const fail = useCallback((err: unknown) => setMessage({ text: errorMessage(err), error: true }), [])
  // a team document's 定稿 is signed with the member's name (unless the writer names someone else)
  // and kept on the team server too
  const teamDoc = useTeamDoc()
  const team = useTeam()
  const memberName = teamDoc?.me.name ?? (team?.linkOf(documentId) ? team.status?.membership?.name : undefined)
  const loadFinals = useCallback(async () => {
    const r = await api.call('finals.list', { id: documentId })
    setFinals(r.finals)
    setAuthor((a) => a || memberName || r.lastAuthor)
  }, [api, documentId, memberName])
  useEffect(() => {
    void loadFinals().catch(fail)
    void api.call('assets.list', {}).then(setAssets, fail)
  }, [api, loadFinals, fail])
  // the keyboard goes into the dialog (Tab no longer walks the page behind it) and, when it closes
  // and nothing else took it (定位 puts it in the text), back where it was, as with every dialog
  const box = useRef<HTMLDivElement>(null)
  const latestRestore = useRef(onRestoreFocus)
  latestRestore.current = onRestoreFocus
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null))
  useEffect(() => {
    if (!box.current?.contains(document.activeElement)) box.current?.focus({ preventScroll: true })
    return () => {
      const at = document.activeElement
      if (at && at !== document.body) return
      // the 出稿 ▾ menu item that opened it is hidden by now: then the text
      if (before?.isConnected && before.getClientRects().length > 0) before.focus({ preventScroll: true })
      else latestRestore.current?.()
    }
  }, [before])
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      // Esc answers the question first (返回修改), then closes the dialog
      if (asking) setAsking(null)
      else onClose()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [onClose, asking])

  const sig: Signature = model.signature ?? { organization: '', dateStyle: 'arabic' }
  // an upload ends after renders the writer may have changed the 落款 in: it patches the latest one
  const latestSig = useRef(sig)
  latestSig.current = sig
  const setSig = (patch: Partial<Signature>) => {
    const next: Signature = { ...latestSig.current, ...patch }
    for (const k of ['date', 'sealAssetId', 'signatureAssetId'] as const) if (!next[k]) delete next[k]
    latestSig.current = next
    onSignature(next.organization || next.date || next.sealAssetId || next.signatureAssetId ? next : undefined)
  }

  // the seal or signature image being read and added (it can take seconds on a busy machine): shown
  // beside its picker, and 定稿 / export / 打印 wait for it, so that nothing goes out without the
  // image the writer just chose while the picker still says （不用）
  const [uploading, setUploading] = useState<{ kind: AssetKind; name: string } | null>(null)
  const upload = async (kind: AssetKind, file: File) => {
    setUploading({ kind, name: file.name })
    setMessage(null)
    try {
      const asset = await api.call('assets.add', { kind, name: file.name, dataBase64: await fileToBase64(file) })
      setAssets((list) => [asset, ...list.filter((a) => a.id !== asset.id)])
      setSig(kind === 'seal' ? { sealAssetId: asset.id } : { signatureAssetId: asset.id })
      setMessage({ text: t('dialog.uploaded', { name: asset.name }) })
    } catch (err) {
      // the picker keeps what it had: only the reason is new
      setMessage({ text: t('dialog.uploadFailed', { what: t(kind === 'seal' ? 'dialog.seal' : 'dialog.signatureImage'), name: file.name, reason: errorMessage(err) }), error: true })
    } finally {
      setUploading(null)
    }
  }
  const waitHint = uploading ? t('dialog.waitUpload', { what: t(uploading.kind === 'seal' ? 'dialog.seal' : 'dialog.signatureImage') }) : undefined

  const freeze = async (confirmed = false) => {
    if (uploading) return
    if (!confirmed && blocking.length) return setAsking({ action: 'final' })
    setAsking(null)
    setBusy('final')
    try {
      await flush()
      const f = await api.call('finals.create', { id: documentId, name, author })
      const onTeam = teamDoc ? keepFinalOnTeam(teamDoc, f, (await api.call('finals.get', { revisionId: f.revisionId })).model) : false
      await loadFinals()
      setVersion(f.revisionId)
      setMessage({ text: t('dialog.frozen', { name: f.name, short: f.short }) + (onTeam ? ` ${t('team:final.onTeam')}` : '') })
    } catch (err) {
      fail(err)
    } finally {
      setBusy(null)
    }
  }

  const exportAs = async (format: ExportFormat, confirmed = false) => {
    if (uploading) return
    // a 定稿 was asked about when it was made; the current text is asked about now
    if (!confirmed && version === 'current' && blocking.length) return setAsking({ action: 'export', format })
    setAsking(null)
    setBusy(format)
    setMessage(null)
    try {
      await flush()
      const placed = format === 'docx' && withComments && commentsFit && teamComments ? teamComments.collect(withResolved, model.figures) : null
      const r = await api.call('export.render', {
        id: documentId,
        format,
        ...(printMark ? { printMark } : {}),
        ...(version === 'current' ? {} : { revisionId: version }),
        ...(placed?.comments.length ? { comments: placed.comments } : {}),
      })
      saveBase64(r.fileName, r.mime, r.dataBase64)
      // pages where the pagination rules gave way (only laying out the pages finds them)
      const forced = r.forcedPages?.length ? ` ${translateMessage(msg('check.pagesForced', { pages: r.forcedPages.join('、'), count: r.forcedPages.length }))}` : ''
      const gone = (placed?.unresolvable ?? 0) + (r.comments?.skipped ?? 0)
      const noted = placed ? ` ${t('dialog.commentsWritten', { count: r.comments?.written ?? 0 })}${gone ? ` ${t('dialog.commentsGone', { count: gone })}` : ''}` : ''
      setMessage({ text: t('dialog.exported', { name: r.fileName }) + noted + forced, ...(forced ? { error: true } : {}) })
    } catch (err) {
      fail(err)
    } finally {
      setBusy(null)
    }
  }

  // the section's heading ("二、主要做法"), or 开头 before the first heading
  const where = (f: Finding) =>
    f.location.part === 'block' ? (sections[f.location.block ?? 0] ?? t('dialog.where.opening')) : t(`dialog.where.${f.location.part}`)
  const findingRow = (f: Finding, i: number) => (
    <li key={i} className={f.severity} data-kind={f.kind}>
      <span className="where" data-testid="finding-where">{where(f)}</span>
      <span className="msg">{translateMessage(f.problem)}{f.excerpt && <span className="excerpt">{t('dialog.excerpt', { text: f.excerpt })}</span>}</span>
      <button onClick={() => onJump(f)} data-testid="finding-jump">{t('dialog.jump')}</button>
    </li>
  )

  const images = (kind: AssetKind) => assets.filter((a) => a.kind === kind)
  const imagePicker = (kind: AssetKind, value: string | undefined, key: 'sealAssetId' | 'signatureAssetId') => (
    <span className="asset-picker">
      <select value={value ?? ''} onChange={(e) => setSig({ [key]: e.target.value || undefined })} data-testid={`${kind}-select`}>
        <option value="">{t('dialog.none')}</option>
        {images(kind).map((a) => <option key={a.id} value={a.id}>{t('dialog.image', { name: a.name, width: a.width, height: a.height })}</option>)}
        {value && !assets.some((a) => a.id === value) && <option value={value}>{value}</option>}
      </select>
      {uploading?.kind === kind ? (
        <span className="uploading" role="status" data-testid={`${kind}-uploading`}>{t('dialog.uploading', { what: t(kind === 'seal' ? 'dialog.seal' : 'dialog.signatureImage'), name: uploading.name })}</span>
      ) : (
        <label className={uploading ? 'upload disabled' : 'upload'}>
          {t('dialog.upload')}
          {/* one image at a time: a second upload would race the first for the picker */}
          {!uploading && <FileInput accept="image/png,image/jpeg,.png,.jpg,.jpeg" testId={`${kind}-upload`} onFile={(file) => void upload(kind, file)} />}
        </label>
      )}
    </span>
  )

  return (
    <div className="output-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={box}
        tabIndex={-1}
        className="output-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('dialog.title')}
        data-testid="output-dialog"
        onKeyDown={(e) => e.key === 'Tab' && box.current && keepTabInside(box.current, e)}
      >
        <header>
          <h2>{t('dialog.title')}</h2>
          <button className="close" onClick={onClose} aria-label={t('dialog.close')}>×</button>
        </header>

        <section className="check" data-testid="check-panel">
          <h3>{t('dialog.check')}</h3>
          {check.findings.length === 0 ? (
            <p className="ok">{t('dialog.noFindings')}</p>
          ) : (
            <>
              <p className="summary">{t('dialog.summary', { errors: check.errors, warnings: check.warnings })}</p>
              <ul className="findings">
                {check.findings.map(findingRow)}
              </ul>
            </>
          )}
        </section>

        <section className="signature">
          <h3>{t('dialog.signature')}</h3>
          <div className="grid">
            <label>{t('dialog.organization')}<TextField value={sig.organization} onCommit={(organization) => setSig({ organization })} testId="sig-organization" /></label>
            <label>{t('dialog.date')}<DateField value={sig.date} max={todayIso()} lang={lang} pickLabel={t('dialog.pickDate')} pickText={t('dialog.calendar')} onCommit={(date) => setSig({ date })} testId="sig-date" /></label>
            <label>{t('dialog.dateStyle')}
              <select value={sig.dateStyle} onChange={(e) => setSig({ dateStyle: e.target.value as Signature['dateStyle'] })} data-testid="sig-date-style">
                <option value="arabic">{t('dialog.arabic')}</option>
                <option value="chinese">{t('dialog.chinese')}</option>
              </select>
            </label>
            <label>{t('dialog.seal')}{imagePicker('seal', sig.sealAssetId, 'sealAssetId')}</label>
            <label>{t('dialog.signatureImage')}{imagePicker('signature', sig.signatureAssetId, 'signatureAssetId')}</label>
          </div>
        </section>

        <section className="final">
          <h3>{t('dialog.final')}</h3>
          <p className="hint">{t('dialog.finalHint')}</p>
          <p data-testid="final-state">{currentFinal ? t('dialog.currentIsFinal', { name: currentFinal.name, short: currentFinal.short }) : finals.length ? t('dialog.currentIsDraft') : t('dialog.noFinals')}</p>
          <div className="row">
            <label>{t('dialog.finalName')}<TextField value={name} onCommit={setName} testId="final-name" /></label>
            <label>{t('dialog.finalBy')}<TextField value={author} onCommit={setAuthor} testId="final-author" /></label>
            <button onClick={() => void freeze()} disabled={!!busy || !!uploading || !name.trim() || !author.trim()} title={waitHint} data-testid="final-create">{t('dialog.freeze')}</button>
          </div>
          {finals.length > 0 && (
            <ul className="finals" data-testid="finals">
              {finals.map((f) => <li key={f.revisionId}><strong>{f.name}</strong> · {f.author} · {displayDateTime(f.createdAt, lang)} · <code>{f.short}</code></li>)}
            </ul>
          )}
          {/* a team document: the 定稿 kept on the team, also other members' (取到本机 makes one local) */}
          <TeamFinals documentId={documentId} finals={finals} onAdopted={(f) => void loadFinals().then(() => { setVersion(f.revisionId); setMessage({ text: t('team:final.adopted', { name: f.name, short: f.short }) }) }, fail)} />
        </section>

        <section className="export">
          <h3>{t('dialog.export')}</h3>
          {check.findings.length > 0 && <p className="hint">{t('dialog.findingsFirst')}</p>}
          <div className="row">
            <label>{t('dialog.version')}
              <select value={String(version)} onChange={(e) => setVersion(e.target.value === 'current' ? 'current' : Number(e.target.value))} data-testid="export-version">
                <option value="current">{t('dialog.currentText')}</option>
                {finals.map((f) => <option key={f.revisionId} value={f.revisionId}>{t('dialog.finalOption', { name: f.name, short: f.short })}</option>)}
              </select>
            </label>
            <label className="check"><input type="checkbox" checked={printMark} onChange={(e) => setPrintMark(e.target.checked)} data-testid="export-print-mark" />{t('dialog.printMark')}</label>
          </div>
          {teamComments && (
            <div className="row comments-row" data-testid="export-comments-row">
              <label className="check">
                <input type="checkbox" checked={withComments && commentsFit} disabled={!commentsFit} onChange={(e) => setWithComments(e.target.checked)} data-testid="export-comments" />
                {t('dialog.comments')}
              </label>
              {teamComments.resolved > 0 && (
                <label className="check">
                  <input type="checkbox" checked={withResolved} disabled={!withComments || !commentsFit} onChange={(e) => setWithResolved(e.target.checked)} data-testid="export-comments-resolved" />
                  {t('dialog.commentsResolved', { count: teamComments.resolved })}
                </label>
              )}
              <small className="hint" data-testid="export-comments-hint">
                {commentsFit ? t('dialog.commentsHint', { count: teamComments.total }) : t('dialog.commentsOtherVersion')}
              </small>
            </div>
          )}
          <div className="row buttons">
            {FORMATS.map((f) => (
              <button key={f} onClick={() => void exportAs(f)} disabled={!!busy || !!uploading} title={waitHint} autoFocus={f === focusFormat} data-testid={`export-${f}`}>{busy === f ? t('dialog.exporting') : t(`dialog.${f}`)}</button>
            ))}
            <button onClick={() => onPreview(version === 'current' ? currentFinal : (finals.find((f) => f.revisionId === version) ?? null), printMark)} disabled={!!uploading} title={waitHint} data-testid="export-print">{t('dialog.print')}</button>
          </div>
          {waitHint && <p className="hint wait-upload" data-testid="export-wait">{waitHint}</p>}
          {asking && (
            <div className="blocking-confirm" role="alertdialog" aria-label={t('dialog.blockingTitle', { count: blocking.length })} data-testid="blocking-confirm">
              <p className="blocking-title">{t(asking.action === 'final' ? 'dialog.blockingFinal' : 'dialog.blockingExport', { count: blocking.length })}</p>
              <ul className="findings">{blocking.map(findingRow)}</ul>
              <div className="row buttons">
                <button autoFocus onClick={() => { setAsking(null); if (blocking[0]) onJump(blocking[0]) }} data-testid="confirm-back">{t('dialog.backToEdit')}</button>
                <button className="anyway" onClick={() => void (asking.action === 'final' ? freeze(true) : exportAs(asking.format, true))} data-testid="confirm-anyway">
                  {t(asking.action === 'final' ? 'dialog.finalAnyway' : 'dialog.exportAnyway')}
                </button>
              </div>
            </div>
          )}
          {message && <p className={message.error ? 'message error' : 'message'} role={message.error ? 'alert' : 'status'} data-testid="output-message">{message.text}</p>}
        </section>
      </div>
    </div>
  )
}

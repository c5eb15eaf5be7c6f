/** The status bar's 页面视图 switch and 显示比例 control (−, the percentage or 适合页宽, +). */
import { useTranslation } from 'react-i18next'
import { setViewSettings, useEffectiveZoom, useViewSettings, zoomStep, ZOOM_MAX, ZOOM_MIN, ZOOM_STEPS } from './viewSettings'

export function ZoomControl() {
  const { t } = useTranslation('pageview')
  const settings = useViewSettings()
  const zoom = useEffectiveZoom()
  const value = settings.zoom === 'fit' ? 'fit' : String(settings.zoom)
  const steps: number[] = [...ZOOM_STEPS]
  if (settings.zoom !== 'fit' && !steps.includes(settings.zoom)) steps.push(settings.zoom)
  steps.sort((a, b) => a - b)
  return (
    <span className="zoom-control" data-testid="zoom-control">
      <button
        className={`pv-toggle${settings.pageView ? ' on' : ''}`}
        aria-pressed={settings.pageView}
        title={t('pageViewHint')}
        data-testid="toggle-pageview"
        onClick={() => setViewSettings((s) => ({ pageView: !s.pageView }))}
      >
        {t('pageView')}
      </button>
      <button onClick={() => zoomStep(-1)} disabled={zoom <= ZOOM_MIN} title={t('zoomOut')} aria-label={t('zoomOut')} data-testid="zoom-out">−</button>
      <select
        aria-label={t('zoom')}
        title={t('zoom')}
        value={value}
        data-testid="zoom-select"
        data-zoom={zoom}
        onChange={(e) => setViewSettings({ zoom: e.target.value === 'fit' ? 'fit' : Number(e.target.value) })}
      >
        {steps.map((s) => (
          <option key={s} value={String(s)}>{s}%</option>
        ))}
        <option value="fit">{settings.zoom === 'fit' ? `${t('fit')} (${zoom}%)` : t('fit')}</option>
      </select>
      <button onClick={() => zoomStep(1)} disabled={zoom >= ZOOM_MAX} title={t('zoomIn')} aria-label={t('zoomIn')} data-testid="zoom-in">+</button>
    </span>
  )
}

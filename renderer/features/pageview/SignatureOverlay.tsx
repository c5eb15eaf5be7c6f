/**
 * The 落款 drawn on the page view's last page where the print view puts it: the same HTML and CSS
 * as the print view (`signatureHtml`, `signatureCss` of shared/output/printHtml.ts, numbers from
 * SIGNATURE in layout.ts), placed at the top PageView works out (signatureFlow.ts). Outside the
 * editable text and deaf to the mouse: it is set in the output dialog, not typed here.
 */
import { useEffect, useMemo, useState, type RefObject } from 'react'
import type { SummaryDocument } from '../../../shared/document/model'
import { MARGIN_MM } from '../../../shared/output/layout'
import { prepareSignature } from '../../../shared/output/prepare'
import { signatureCss, signatureHtml, type PrintAsset } from '../../../shared/output/printHtml'
import { useApi } from '../../app/ApiContext'

export type Signature = SummaryDocument['signature']

const CSS = signatureCss('.pv-sig', true)

/** The seal and signature images of a 落款 as data: URLs (null until fetched). */
function useSignatureAssets(signature: Signature): ReadonlyMap<string, PrintAsset> | null {
  const api = useApi()
  const seal = signature?.sealAssetId
  const sign = signature?.signatureAssetId
  const [assets, setAssets] = useState<{ key: string; map: Map<string, PrintAsset> } | null>(null)
  const key = `${seal ?? ''}|${sign ?? ''}`
  useEffect(() => {
    let live = true
    void (async () => {
      const map = new Map<string, PrintAsset>()
      for (const id of [seal, sign]) {
        if (!id || map.has(id)) continue
        try {
          const { asset, dataBase64 } = await api.call('assets.get', { id })
          map.set(id, { dataUrl: `data:${asset.mime};base64,${dataBase64}` })
        } catch {
          // a deleted image: the block shows without it, as the preview does
        }
      }
      if (live) setAssets({ key, map })
    })()
    return () => {
      live = false
    }
  }, [api, seal, sign, key])
  return assets && assets.key === key ? assets.map : null
}

interface Props {
  signature: Signature
  /** mm from the editable root's top; null until the pages are laid out */
  top: number | null
  elRef: RefObject<HTMLDivElement | null>
}

export function SignatureOverlay({ signature, top, elRef }: Props) {
  const assets = useSignatureAssets(signature)
  // the images wait for their data (a block drawn without its seal would be measured short)
  const waiting = !!(signature?.sealAssetId || signature?.signatureAssetId) && !assets
  const html = useMemo(() => (waiting ? '' : signatureHtml(prepareSignature(signature), assets ?? undefined)), [signature, assets, waiting])
  return (
    <>
      <style>{CSS}</style>
      <div
        className="pv-sig"
        ref={elRef}
        aria-hidden="true"
        data-testid="pv-signature"
        data-placed={top !== null}
        style={{ top: `${MARGIN_MM.top + (top ?? 0)}mm`, visibility: top === null ? 'hidden' : undefined }}
        dangerouslySetInnerHTML={{ __html: html }}
      />
    </>
  )
}

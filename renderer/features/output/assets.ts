/** Seal and signature images of a model as data: URLs for the print view (fetched through the API). */
import { useEffect, useState } from 'react'
import type { ApiClient } from '../../../shared/api'
import type { SummaryDocument } from '../../../shared/document/model'
import type { PrintAsset } from '../../../shared/output/printHtml'
import { useApi } from '../../app/ApiContext'

export async function printAssetsFor(api: ApiClient, model: SummaryDocument): Promise<Map<string, PrintAsset>> {
  const out = new Map<string, PrintAsset>()
  for (const id of [model.signature?.sealAssetId, model.signature?.signatureAssetId]) {
    if (!id || out.has(id)) continue
    try {
      const { asset, dataBase64 } = await api.call('assets.get', { id })
      out.set(id, { dataUrl: `data:${asset.mime};base64,${dataBase64}` })
    } catch {
      // a deleted image: the preview shows the block without it (export says so clearly)
    }
  }
  return out
}



/** The model's print images, null until fetched (a later model replaces an answer still on its way). */
export function usePrintAssets(model: SummaryDocument): Map<string, PrintAsset> | null {
  const api = useApi()
  const [assets, setAssets] = useState<Map<string, PrintAsset> | null>(null)
  useEffect(() => {
    let live = true
    void printAssetsFor(api, model).then((a) => live && setAssets(a))
    return () => {
      live = false
    }
  }, [api, model])
  return assets
}

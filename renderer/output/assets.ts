/** Seal and signature images of a model as data: URLs for the print view (fetched through the API). */
import type { ApiClient } from '../../shared/api'
import type { SummaryDocument } from '../../shared/document/model'
import type { PrintAsset } from '../../shared/output/printHtml'

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

export function downloadBase64(fileName: string, mime: string, dataBase64: string): void {
  const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0))
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

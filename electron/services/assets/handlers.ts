/** The seal and signature image methods of the API, onto the AssetStore of the open 文稿库. */
import type { assetsContract } from '../../../shared/api'
import type { Handlers } from '../handlers'
import type { LibraryHost } from '../library/store'
import { AssetStore } from './store'

export function createAssetsHandlers(host: LibraryHost): Handlers<typeof assetsContract> {
  const assets = () => new AssetStore(host.database())
  return {
    'assets.add': ({ kind, name, dataBase64 }) => assets().add(kind, name, new Uint8Array(Buffer.from(dataBase64, 'base64'))),
    'assets.list': ({ kind }) => assets().list(kind),
    'assets.get': ({ id }) => {
      const { asset, data } = assets().data(id)
      return { asset, dataBase64: Buffer.from(data).toString('base64') }
    },
    'assets.remove': ({ id }) => (assets().remove(id), { ok: true as const }),
  }
}

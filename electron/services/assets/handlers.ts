/** The seal and signature image methods of the API, onto the AssetStore of the open 文稿库. */
import type { assetsContract } from '../../../shared/api'
import type { Handlers } from '../handlers'
import type { LibraryHost } from '../library/store'
import { fileTask } from '../worker/fileMethods'
import { AssetStore } from './store'

export function createAssetsHandlers(host: LibraryHost): Handlers<typeof assetsContract> {
  const assets = () => new AssetStore(host.database())
  return {
    'assets.add': async (input, prepared) => {
      // checked in a worker thread: decoding the pixel data of a large image takes a while
      const { info, bytes } = await fileTask('assets.add', input, prepared)
      return assets().add(input.kind, input.name, bytes, info)
    },
    'assets.list': ({ kind }) => assets().list(kind),
    'assets.get': ({ id }) => {
      const { asset, data } = assets().data(id)
      return { asset, dataBase64: Buffer.from(data).toString('base64') }
    },
    'assets.remove': ({ id }) => (assets().remove(id), { ok: true as const }),
  }
}

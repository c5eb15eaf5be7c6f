/** Backups of the 文稿库: the list, 立即备份, restore, salvage. */
import type { backupsContract } from '../../../shared/api'
import type { Handlers } from '../handlers'
import type { LibraryHost } from '../library/store'
import { backupsOf } from './store'

export function createBackupsHandlers(host: LibraryHost): Handlers<typeof backupsContract> {
  const backups = backupsOf(host)
  return {
    'backups.list': () => backups.list(),
    'backups.create': async () => {
      const { file: _file, ...made } = await backups.create()
      return made
    },
    'backups.restore': ({ id }) => backups.restoreById(id),
    'library.salvage': () => backups.salvage(),
  }
}

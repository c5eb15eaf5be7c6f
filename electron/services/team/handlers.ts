/** The 团队 methods of the API, onto the TeamStore of the open 文稿库. */
import type { teamContract } from '../../../shared/api'
import type { Handlers } from '../handlers'
import type { LibraryHost } from '../library/store'
import { adoptTeamFinal } from './finals'
import { TeamStore } from './store'

export function createTeamHandlers(host: LibraryHost): Handlers<typeof teamContract> {
  const team = () => new TeamStore(host.database())
  return {
    'team.status': () => team().status(),
    'team.join': ({ serverUrl, code }) => team().join(serverUrl, code),
    'team.leave': () => (team().leave(), { ok: true as const }),
    'team.connection': () => team().connection(),
    'team.members': () => team().members(),
    'team.link': ({ documentId, teamName }) => team().link(documentId, teamName),
    'team.unlink': ({ documentId }) => (team().unlink(documentId), { ok: true as const }),
    'team.adoptFinal': ({ documentId, final }) => adoptTeamFinal(host.database(), host.documents(), documentId, final),
  }
}

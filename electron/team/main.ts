/** `npm run team-server -- …` (tsx electron/team/main.ts): see cli.ts and docs/team.md. */
import { runTeamCli } from './cli'

const out = { log: (s: string) => console.log(s), error: (s: string) => console.error(s) }

void runTeamCli(process.argv.slice(2), out).then(({ code, server }) => {
  if (!server) process.exit(code)
  let stopping = false
  const stop = () => {
    if (stopping) return
    stopping = true
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
})

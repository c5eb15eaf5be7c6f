/**
 * A writer's network to the team server, for end-to-end tests: a TCP relay that can be cut (a
 * laptop on a train) and restored. Closed by the caller.
 */
import net from 'node:net'

export interface NetworkRelay {
  /** the address to join the team with (ws://…) */
  url: string
  setOnline(online: boolean): void
  close(): Promise<void>
}

export async function networkRelay(port: number): Promise<NetworkRelay> {
  let online = true
  const sockets = new Set<net.Socket>()
  const relay = net.createServer((client) => {
    if (!online) return void client.destroy()
    const upstream = net.connect(port, '127.0.0.1')
    const end = () => {
      for (const s of [client, upstream]) {
        s.destroy()
        sockets.delete(s)
      }
    }
    for (const s of [client, upstream]) {
      sockets.add(s)
      s.on('error', end)
      s.on('close', end)
    }
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve))
  const proxy: NetworkRelay = {
    url: `ws://127.0.0.1:${(relay.address() as net.AddressInfo).port}`,
    setOnline(next) {
      online = next
      if (!next) for (const s of sockets) s.destroy()
    },
    close: () =>
      new Promise<void>((resolve) => {
        proxy.setOnline(false)
        relay.close(() => resolve())
      }),
  }
  return proxy
}

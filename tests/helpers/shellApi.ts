/** The browser shell's API called from Node as the page calls it: POST, JSON, the token in its header. */
import http from 'node:http'

/** A running shell's port and session token, from the URL it printed. */
export function shellEndpoint(url: string): { port: number; token: string } {
  const u = new URL(url)
  return { port: Number(u.port), token: u.searchParams.get('token')! }
}

/** One API call; the answer's body as text (a large one is parsed by the caller, when it chooses). */
export function postApi(port: number, token: string, method: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: 'POST', path: `/api/${method}`, headers: { 'content-type': 'application/json', 'x-draftdesk-token': token }, agent: false },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

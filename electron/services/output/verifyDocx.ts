/**
 * What `verify` reads from a DOCX (in a worker thread, like every file the writer hands us): the
 * fingerprint we wrote into its properties, and its text as mammoth reads it. The package goes
 * through SafeZip, so a DOCX that inflates to gigabytes is refused before it is read.
 */
import mammoth from 'mammoth'
import { ApiError } from '../../../shared/api'
import { FINGERPRINT_PROPERTY } from './docx'
import { SafeZip } from '../import/zip'

export interface DocxVerifyRead {
  /** false: not a zip package we can read (damaged, not a DOCX) */
  readable: boolean
  fingerprint: string | null
  /** the text, all blanks removed; only read when there is a fingerprint to compare */
  text: string | null
}

const decoder = new TextDecoder('utf-8')
export const squash = (s: string) => s.replace(/[\s\u3000\u200b]+/g, '')

export async function readDocxForVerify(bytes: Uint8Array): Promise<DocxVerifyRead> {
  let zip: SafeZip
  try {
    zip = new SafeZip(bytes)
  } catch (err) {
    if (err instanceof ApiError && err.code === 'zip.damaged') return { readable: false, fingerprint: null, text: null }
    throw err
  }
  const part = (name: string) => (zip.has(name) ? decoder.decode(zip.read(name)) : undefined)
  const custom = part('docProps/custom.xml')
  const re = new RegExp(`name="${FINGERPRINT_PROPERTY}"[^>]*>\\s*<vt:lpwstr>(sha256:[0-9a-f]{64})</vt:lpwstr>`)
  let fingerprint = custom ? (re.exec(custom)?.[1] ?? null) : null
  if (!fingerprint) {
    const core = part('docProps/core.xml')
    fingerprint = core ? (/sha256:[0-9a-f]{64}/.exec(core)?.[0] ?? null) : null
  }
  if (!fingerprint) return { readable: true, fingerprint: null, text: null }
  // mammoth reads a zip file object given as `file` (lib/unzip.js); its types name only path and buffer
  const raw = await mammoth.extractRawText({ file: zip.mammothFile() } as unknown as { buffer: Buffer })
  return { readable: true, fingerprint, text: squash(raw.value) }
}

/**
 * The 定稿 fingerprint: SHA-256 of the document model's canonical serialization.
 *
 * Canonical serialization (defined here, stable across versions of DraftDesk):
 *   1. the model in normal form (normalizeDocument: adjacent text runs with the same marks merged,
 *      empty runs dropped), every string in Unicode NFC;
 *   2. written as JSON per RFC 8785 (JCS): object keys sorted by UTF-16 code units, no whitespace,
 *      numbers in ECMAScript's shortest form, absent optional fields omitted;
 *   3. encoded as UTF-8.
 * The fingerprint is "sha256:" + 64 hex digits; its short form (printed in the PDF footer and shown
 * to people) is the first 12 hex digits in groups of four: "3f2a-9c1e-77b0".
 */
import type { SummaryDocument } from '../document/model'
import { normalizeDocument } from '../document/lexicalState'
import { sha256Hex } from './sha256'

export function canonicalJson(value: unknown): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.normalize('NFC'))
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number')
      return JSON.stringify(value)
    case 'boolean':
      return value ? 'true' : 'false'
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k.normalize('NFC'), v] as const)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
    }
    default:
      throw new TypeError(`canonicalJson: cannot serialize ${typeof value}`)
  }
}

export function canonicalModel(doc: SummaryDocument): string {
  return canonicalJson(normalizeDocument(doc))
}

export const FINGERPRINT_PREFIX = 'sha256:'

export function fingerprintOf(doc: SummaryDocument): string {
  return FINGERPRINT_PREFIX + sha256Hex(new TextEncoder().encode(canonicalModel(doc)))
}

/** "sha256:3f2a9c1e77b0…" → "3f2a-9c1e-77b0" */
export function shortFingerprint(fingerprint: string): string {
  const hex = fingerprint.startsWith(FINGERPRINT_PREFIX) ? fingerprint.slice(FINGERPRINT_PREFIX.length) : fingerprint
  return `${hex.slice(0, 4)}-${hex.slice(4, 8)}-${hex.slice(8, 12)}`
}

export const isFingerprint = (s: string): boolean => /^sha256:[0-9a-f]{64}$/.test(s)

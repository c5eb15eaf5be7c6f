// Types for scripts/test-prerequisites.mjs (a plain script: `npm test` runs it before anything is built).

export interface Probe {
  env: Record<string, string | undefined>
  isExecutable(file: string): boolean
  exists(file: string): boolean
  /** fontconfig's family names (fc-list), null when fc-list is missing */
  fontFamilies(): string[] | null
}

/** Something the tests need; `pkg` is the Debian package that brings it, null when none can. */
export interface Missing {
  what: string
  pkg: string | null
}

export interface System {
  root: boolean
  aptGet: boolean
  /** password-less sudo */
  sudo: boolean
}

export type Plan = { action: 'ok' } | { action: 'install'; packages: string[]; sudo: boolean } | { action: 'stop'; line: string }

export const DEFAULT_CHROMIUM: string
export const PACKAGES: readonly string[]
export const POSTGRES_VERSIONS: readonly number[]
export function findMissing(probe: Probe): Missing[]
export function installCommand(packages: readonly string[], root: boolean): string
export function decide(missing: readonly Missing[], system: System): Plan
export function stopLine(missing: readonly Missing[], packages: readonly string[], root: boolean): string
export const machine: Probe

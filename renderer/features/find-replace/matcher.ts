/**
 * Runs the find bar's matching off the UI thread (matcher.worker.ts), so that no pattern can
 * freeze the window: a search still running after FIND_TIMEOUT_MS is stopped by terminating its
 * worker, and the bar says so. A new search while one is still running stops that one the same way
 * (its answer would be stale anyway); the next search starts a fresh worker.
 */
import type { FindResult, TextMatch } from './matching'

/** How long a search may run before its worker is terminated. */
export const FIND_TIMEOUT_MS = 1000

export interface MatchRequest {
  id: number
  texts: string[]
  source: string
  flags: string
  wholeWord: boolean
  regex: boolean
  /** when given, the replacement of each match is expanded too */
  replacement?: string
}

export interface MatchReply {
  id: number
  /** (text, start, end) per match */
  matches: Int32Array
  capped: boolean
  timedOut: boolean
  replacements?: string[]
}

export type MatchOutcome =
  | ({ kind: 'ok'; replacements?: string[] } & FindResult)
  /** stopped after FIND_TIMEOUT_MS */
  | { kind: 'timeout' }
  /** a newer search took its place */
  | { kind: 'cancelled' }

export interface MatcherQuery {
  re: RegExp
  regex: boolean
  wholeWord: boolean
}

type Pending = { id: number; resolve: (outcome: MatchOutcome) => void; timer: ReturnType<typeof setTimeout> }

export class Matcher {
  private worker: Worker | null = null
  private pending: Pending | null = null
  private nextId = 1

  constructor(
    private readonly timeoutMs = FIND_TIMEOUT_MS,
    private readonly create: () => Worker = () => new Worker(new URL('./matcher.worker.ts', import.meta.url), { type: 'module' }),
  ) {}

  /** The matches of `query` in `texts` (and, with `replacement`, what each match becomes). */
  find(texts: string[], query: MatcherQuery, replacement?: string): Promise<MatchOutcome> {
    if (this.pending) this.stop({ kind: 'cancelled' })
    const worker = this.ensureWorker()
    const id = this.nextId++
    return new Promise<MatchOutcome>((resolve) => {
      const timer = setTimeout(() => this.stop({ kind: 'timeout' }), this.timeoutMs)
      this.pending = { id, resolve, timer }
      const request: MatchRequest = { id, texts, source: query.re.source, flags: query.re.flags, wholeWord: query.wholeWord, regex: query.regex, ...(replacement !== undefined ? { replacement } : {}) }
      worker.postMessage(request)
    })
  }

  /** Stops any search and the worker (the bar closed). */
  dispose(): void {
    if (this.pending) this.stop({ kind: 'cancelled' })
    this.worker?.terminate()
    this.worker = null
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = this.create()
    worker.onmessage = (event: MessageEvent<MatchReply>) => this.answer(event.data)
    worker.onerror = () => this.stop({ kind: 'timeout' })
    this.worker = worker
    return worker
  }

  private answer(reply: MatchReply): void {
    const pending = this.pending
    if (!pending || pending.id !== reply.id) return
    clearTimeout(pending.timer)
    this.pending = null
    const matches: TextMatch[] = []
    for (let i = 0; i < reply.matches.length; i += 3) matches.push({ text: reply.matches[i]!, start: reply.matches[i + 1]!, end: reply.matches[i + 2]! })
    pending.resolve({ kind: 'ok', matches, capped: reply.capped, timedOut: reply.timedOut, ...(reply.replacements ? { replacements: reply.replacements } : {}) })
  }

  /** Ends the pending search with `outcome`: its worker may be stuck in one match, so it goes too. */
  private stop(outcome: MatchOutcome): void {
    const pending = this.pending
    this.pending = null
    this.worker?.terminate()
    this.worker = null
    if (pending) {
      clearTimeout(pending.timer)
      pending.resolve(outcome)
    }
  }
}

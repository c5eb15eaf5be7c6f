/**
 * The find bar's matching, in a Web Worker: a regular expression that backtracks for seconds on
 * one paragraph (`(a|a)+$`, `(a+){1,30}$`, `a*a*a*a*a*b`) runs here, where the window does not
 * wait for it and matcher.ts can stop it (terminate) after its time limit. Also expands the
 * replacement of each match when asked, for the same reason.
 */
import { findInTexts, makeReplacer } from './matching'
import type { MatchReply, MatchRequest } from './matcher'

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<MatchRequest>) => void) | null
  postMessage(message: MatchReply, transfer: Transferable[]): void
}

scope.onmessage = ({ data: request }) => {
  const re = new RegExp(request.source, request.flags)
  const result = findInTexts(request.texts, re, request.wholeWord)
  // offsets as one flat array of (text, start, end), handed over rather than copied
  const flat = new Int32Array(result.matches.length * 3)
  result.matches.forEach((m, i) => flat.set([m.text, m.start, m.end], i * 3))
  let replacements: string[] | undefined
  if (request.replacement !== undefined) {
    const replace = makeReplacer({ re, regex: request.regex }, request.replacement)
    replacements = result.matches.map((m) => replace(request.texts[m.text]!, m))
  }
  scope.postMessage({ id: request.id, matches: flat, capped: result.capped, timedOut: result.timedOut, ...(replacements ? { replacements } : {}) }, [flat.buffer])
}

/**
 * The starter snippets (resources/snippets/starter.json): written by us in our own words, across
 * the default categories. A new 文稿库 file receives them once (SnippetStore.seedOnce); the
 * writer may delete any of them, and 素材库 › 恢复内置素材 puts back what was removed.
 */
import starterFile from '../../../resources/snippets/starter.json' with { type: 'json' }
import { messageText } from '../../../shared/errors'
import { parseSnippetJson, type ParsedImport } from '../../../shared/snippets'

let parsed: ParsedImport | null = null

export function starterSnippets(): ParsedImport {
  if (!parsed) {
    parsed = parseSnippetJson(JSON.stringify(starterFile))
    if (parsed.problems.length) throw new Error(`starter snippets: ${parsed.problems.map((p) => messageText(p.problem)).join('; ')}`)
  }
  return parsed
}

/**
 * 查找 in a 60,000-character document: the matching itself (renderer/features/find-replace/
 * matching.ts, what the worker runs), plain and by a regular expression with whole words on.
 */
import { findMatches } from '../../renderer/features/find-replace/matching'
import { report, time } from './stats'

/** A summary's body of about 60,000 characters: one paragraph again and again, "工作" three times in each. */
export function sixtyThousandCharacters(): string[] {
  const paragraph = '今年以来，我们坚持以习近平新时代中国特色社会主义思想为指导，扎实推进各项工作，全面完成年度目标任务。在工作中，注重统筹协调，强化督促检查，推动重点工作落地见效。'
  return Array.from({ length: Math.ceil(60_000 / paragraph.length) }, () => paragraph)
}

export async function benchFind(): Promise<void> {
  const texts = sixtyThousandCharacters()
  const characters = texts.reduce((n, t) => n + t.length, 0)
  const plain: number[] = []
  const regex: number[] = []
  for (let i = 0; i < 25; i++) {
    plain.push(await time(() => findMatches(texts, '工作', { matchCase: false, wholeWord: false, regex: false })))
    regex.push(await time(() => findMatches(texts, '(工|推)[作进]', { matchCase: false, wholeWord: true, regex: true })))
  }
  report('find_60k_plain_ms', plain.slice(5), { stat: 'median', max: 50 }, `'工作' in ${characters} characters (${texts.length} blocks)`)
  report('find_60k_regex_ms', regex.slice(5), { stat: 'median', max: 50 }, `/(工|推)[作进]/, whole words, in ${characters} characters`)
}

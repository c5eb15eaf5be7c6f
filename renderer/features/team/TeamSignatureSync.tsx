/**
 * The 落款 of a team document is shared like its text: it lives outside the editor state (the
 * editor's `carry`), so in a team document it is kept in the Y.Doc too, Y.Map "signature" (key
 * "value": the model's Signature, or null), and a change by one writer reaches the others.
 * A writer's own local copy adopts the team's 落款 when the team document opens.
 */
import { useEffect, useRef } from 'react'
import * as Y from 'yjs'
import { SignatureSchema, type Signature } from '../../../shared/document/model'
import { useTeamDoc } from './session'
import { SIGNATURE_KEY, SIGNATURE_MAP } from './shape'
import { useTeamReady } from './TeamCoEdit'


const sameSignature = (a: Signature | undefined, b: Signature | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)

function read(map: Y.Map<unknown>): Signature | undefined {
  const parsed = SignatureSchema.safeParse(map.get(SIGNATURE_KEY))
  return parsed.success ? parsed.data : undefined
}

export function TeamSignatureSync({ signature, onSignature }: { signature: Signature | undefined; onSignature(signature: Signature | undefined): void }) {
  const session = useTeamDoc()
  const ready = useTeamReady()
  const current = useRef(signature)
  current.current = signature
  const onSignatureRef = useRef(onSignature)
  onSignatureRef.current = onSignature

  // the team's 落款 → the editor (when the document opens, and on every change by someone else)
  useEffect(() => {
    if (!session || !ready) return
    const map = session.doc.getMap<unknown>(SIGNATURE_MAP)
    const adopt = () => {
      if (!map.has(SIGNATURE_KEY)) return
      const team = read(map)
      if (!sameSignature(team, current.current)) onSignatureRef.current(team)
    }
    adopt()
    const observer = (event: Y.YMapEvent<unknown>) => {
      if (!event.transaction.local) adopt()
    }
    map.observe(observer)
    return () => map.unobserve(observer)
  }, [session, ready])

  // a change made here (出稿's 落款, 整理) → the team
  const last = useRef(JSON.stringify(signature ?? null))
  useEffect(() => {
    const json = JSON.stringify(signature ?? null)
    const changed = json !== last.current
    last.current = json
    if (!changed || !session || !ready || session.me.role !== 'editor') return
    const map = session.doc.getMap<unknown>(SIGNATURE_MAP)
    if (!sameSignature(read(map), signature)) map.set(SIGNATURE_KEY, signature ?? null)
  }, [signature, session, ready])

  return null
}

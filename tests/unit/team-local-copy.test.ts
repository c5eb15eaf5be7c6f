/**
 * The browser's copy of a team document stores the doc's updates gathered, not one by one
 * (renderer/features/team/localCopy.ts): whatever was typed and received reaches the store, merged,
 * in as many writes as the store was asked to run; nothing is dropped when the store cannot take
 * it yet, and closing the document stores what is waiting.
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { coalesceUpdates } from '../../renderer/features/team/localCopy'

/** A scheduler the test runs by hand: what coalesceUpdates asked to run later. */
function manualSchedule() {
  const waiting = new Set<() => void>()
  return {
    schedule: (fn: () => void) => {
      waiting.add(fn)
      return () => void waiting.delete(fn)
    },
    get waiting() {
      return waiting.size
    },
    run() {
      const fns = [...waiting]
      waiting.clear()
      for (const fn of fns) fn()
    },
  }
}

/** The text a fresh doc holds after the stored updates are read back, as y-indexeddb does. */
function readBack(stored: Uint8Array[]): string {
  const copy = new Y.Doc()
  for (const u of stored) Y.applyUpdate(copy, u)
  return copy.getText('t').toString()
}

describe('the browser copy of a team document', () => {
  it('stores many changes, the writer’s and the others’, as one write that holds them all', () => {
    const doc = new Y.Doc()
    const other = new Y.Doc()
    const stored: Uint8Array[] = []
    const timer = manualSchedule()
    coalesceUpdates(doc, 'copy', (u) => (stored.push(u), true), timer.schedule)
    const text = doc.getText('t')
    for (const ch of '推进工作') text.insert(text.length, ch)
    // another writer's change arriving from the server
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    other.getText('t').insert(0, '一、')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)), 'server')
    expect(stored).toHaveLength(0)
    expect(timer.waiting).toBe(1)
    timer.run()
    expect(stored).toHaveLength(1)
    expect(readBack(stored)).toBe('一、推进工作')
    // later typing: a second write, and reading both back gives everything
    text.insert(text.length, '落实')
    timer.run()
    expect(stored).toHaveLength(2)
    expect(readBack(stored)).toBe('一、推进工作落实')
  })

  it('does not store again what the copy itself read back', () => {
    const doc = new Y.Doc()
    const stored: Uint8Array[] = []
    const timer = manualSchedule()
    coalesceUpdates(doc, 'copy', (u) => (stored.push(u), true), timer.schedule)
    const source = new Y.Doc()
    source.getText('t').insert(0, '离线补充')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), 'copy')
    expect(timer.waiting).toBe(0)
    expect(stored).toHaveLength(0)
  })

  it('keeps what the store cannot take yet and offers it again', () => {
    const doc = new Y.Doc()
    const stored: Uint8Array[] = []
    let open = false
    const timer = manualSchedule()
    coalesceUpdates(doc, 'copy', (u) => open && (stored.push(u), true), timer.schedule)
    doc.getText('t').insert(0, '第一段')
    timer.run()
    expect(stored).toHaveLength(0)
    expect(timer.waiting).toBe(1)
    doc.getText('t').insert(3, '。')
    open = true
    timer.run()
    expect(stored).toHaveLength(1)
    expect(readBack(stored)).toBe('第一段。')
  })

  it('stores what is waiting when the page goes away or the document closes', () => {
    const doc = new Y.Doc()
    const stored: Uint8Array[] = []
    const timer = manualSchedule()
    const batcher = coalesceUpdates(doc, 'copy', (u) => (stored.push(u), true), timer.schedule)
    doc.getText('t').insert(0, '甲')
    batcher.flush() // pagehide
    expect(readBack(stored)).toBe('甲')
    expect(timer.waiting).toBe(0)
    doc.getText('t').insert(1, '乙')
    batcher.destroy() // the document closes
    expect(readBack(stored)).toBe('甲乙')
    doc.getText('t').insert(2, '丙')
    expect(timer.waiting).toBe(0)
    expect(stored).toHaveLength(2)
  })
})

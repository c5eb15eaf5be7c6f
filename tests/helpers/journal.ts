/**
 * The unsaved-text journal (renderer/editor/journal.ts) as a test reads it: the entries in the
 * page's IndexedDB, straight from the database, whoever wrote them.
 */
import type { Page } from 'playwright-core'

export interface StoredJournalEntry {
  library: string
  documentId: string
  session: string
  baseVersion: number
  savedAt: number
  title: string
  characters: number
  /** the entry's model, as JSON (search it for the text typed) */
  modelJson: string
}

/**
 * Every entry in the page's journal. A journal not made yet reads as empty, and is left unmade: a
 * database created here without its store would leave the app's journal without one.
 */
export function journalEntries(page: Page): Promise<StoredJournalEntry[]> {
  return page.evaluate(
    () =>
      new Promise<StoredJournalEntry[]>((resolve, reject) => {
        const open = indexedDB.open('draftdesk-journal')
        open.onupgradeneeded = () => open.transaction?.abort() // it did not exist
        open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error))
        open.onsuccess = () => {
          const db = open.result
          const all = db.transaction('unsaved').objectStore('unsaved').getAll()
          all.onerror = () => reject(all.error)
          all.onsuccess = () => {
            db.close()
            resolve(
              (all.result as (Omit<StoredJournalEntry, 'modelJson'> & { model: unknown })[]).map(({ model, ...rest }) => ({
                library: rest.library,
                documentId: rest.documentId,
                session: rest.session,
                baseVersion: rest.baseVersion,
                savedAt: rest.savedAt,
                title: rest.title,
                characters: rest.characters,
                modelJson: JSON.stringify(model),
              })),
            )
          }
        }
      }),
  )
}

/** The journal's entries that hold `text` (in their model). */
export async function journalEntriesWith(page: Page, text: string): Promise<StoredJournalEntry[]> {
  return (await journalEntries(page)).filter((e) => e.modelJson.includes(text))
}

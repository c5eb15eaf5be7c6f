import type { Migration } from './index'
import { rebuildRevisions, revisionColumnsSince0004 } from './revisions'

/**
 * Versions: every document carries a version number that each stored change raises by one, and a
 * save names the version it was made from. A save made from an older version never replaces the
 * newer text: it is kept beside it as a revision with reason 'conflict' (see DocumentStore.save).
 *
 * revisions gains the reason 'conflict' and a `version` column (the document version the text
 * belongs to, or was made from). SQLite cannot widen a CHECK in place, so revisions is rebuilt
 * again (same rows and ids) and its index, partial index and trigger are made anew.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'versions',
  up: `
    ALTER TABLE documents ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

    ${rebuildRevisions(
      4,
      revisionColumnsSince0004('document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,'),
      'id, document_id, created_at, reason, model_json, characters, name, author, fingerprint',
    )}
  `,
}

import type { Migration } from './index'
import { rebuildRevisions, revisionColumnsSince0004 } from './revisions'

/**
 * 定稿 outlive their document. A 定稿 may have been sent out (报送稿), and `verify` must still
 * recognise its file after the writer empties the trash, so purging a document must not take its
 * final revisions with it. The foreign key's ON DELETE CASCADE did exactly that, and SQLite cannot
 * change a foreign key in place: revisions is rebuilt (same rows and ids) without it. Purging (the
 * one place a document row is deleted) removes the other revisions itself, in its transaction — not
 * a trigger on documents, which would name revisions and so make every later rebuild of revisions
 * (DROP, then RENAME) fail. The frozen-定稿 trigger and the indexes are made again.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'finals-kept',
  up: `
    ${rebuildRevisions(
      5,
      revisionColumnsSince0004('document_id  TEXT NOT NULL,          -- no foreign key: a 定稿 stays when its document is purged'),
      'id, document_id, created_at, reason, model_json, characters, name, author, fingerprint, version',
    )}
  `,
}

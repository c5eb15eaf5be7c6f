import type { Migration } from './index'

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

    CREATE TABLE revisions_v4 (
      id           INTEGER PRIMARY KEY,
      document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      created_at   INTEGER NOT NULL,
      reason       TEXT NOT NULL CHECK (reason IN ('interval', 'manual', 'import', 'restore', 'final', 'conflict')),
      model_json   TEXT NOT NULL,
      characters   INTEGER NOT NULL,
      name         TEXT,
      author       TEXT,
      fingerprint  TEXT,
      version      INTEGER,                -- the document version this text is, or was made from
      CHECK ((reason = 'final') = (fingerprint IS NOT NULL))
    );
    INSERT INTO revisions_v4 (id, document_id, created_at, reason, model_json, characters, name, author, fingerprint)
      SELECT id, document_id, created_at, reason, model_json, characters, name, author, fingerprint FROM revisions;
    DROP TABLE revisions;
    ALTER TABLE revisions_v4 RENAME TO revisions;
    CREATE INDEX revisions_by_document ON revisions(document_id, created_at DESC);
    CREATE INDEX revisions_by_fingerprint ON revisions(fingerprint) WHERE fingerprint IS NOT NULL;
    CREATE TRIGGER revisions_final_is_frozen BEFORE UPDATE ON revisions WHEN OLD.reason = 'final'
    BEGIN SELECT RAISE(ABORT, '定稿不可修改 / a final revision cannot be changed'); END;
  `,
}

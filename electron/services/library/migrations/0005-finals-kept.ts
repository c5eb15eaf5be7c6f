import type { Migration } from './index'

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
    CREATE TABLE revisions_v5 (
      id           INTEGER PRIMARY KEY,
      document_id  TEXT NOT NULL,          -- no foreign key: a 定稿 stays when its document is purged
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
    INSERT INTO revisions_v5 (id, document_id, created_at, reason, model_json, characters, name, author, fingerprint, version)
      SELECT id, document_id, created_at, reason, model_json, characters, name, author, fingerprint, version FROM revisions;
    DROP TABLE revisions;
    ALTER TABLE revisions_v5 RENAME TO revisions;
    CREATE INDEX revisions_by_document ON revisions(document_id, created_at DESC);
    CREATE INDEX revisions_by_fingerprint ON revisions(fingerprint) WHERE fingerprint IS NOT NULL;
    CREATE TRIGGER revisions_final_is_frozen BEFORE UPDATE ON revisions WHEN OLD.reason = 'final'
    BEGIN SELECT RAISE(ABORT, '定稿不可修改 / a final revision cannot be changed'); END;
  `,
}

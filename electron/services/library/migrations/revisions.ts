/**
 * How 0003, 0004 and 0005 rebuild `revisions`. SQLite can neither widen a CHECK nor drop a foreign
 * key in place, so each creates the table anew as `revisions_vN`, copies the rows (same ids), drops
 * the old table and renames the copy; the indexes and the frozen-定稿 trigger go with the old table
 * and are made again, the same each time.
 *
 * This SQL has run on writers' libraries: not a byte of it may change
 * (tests/integration/migrations-shipped.test.ts pins what each migration executes).
 */

/** The statements that replace `revisions` by `revisions_v{version}` with `columns`, copying `copied`. */
export function rebuildRevisions(version: number, columns: string, copied: string): string {
  const table = `revisions_v${version}`
  return `CREATE TABLE ${table} (
${columns}
    );
    INSERT INTO ${table} (${copied})
      SELECT ${copied} FROM revisions;
    DROP TABLE revisions;
    ALTER TABLE ${table} RENAME TO revisions;
    CREATE INDEX revisions_by_document ON revisions(document_id, created_at DESC);
    CREATE INDEX revisions_by_fingerprint ON revisions(fingerprint) WHERE fingerprint IS NOT NULL;
    CREATE TRIGGER revisions_final_is_frozen BEFORE UPDATE ON revisions WHEN OLD.reason = 'final'
    BEGIN SELECT RAISE(ABORT, '定稿不可修改 / a final revision cannot be changed'); END;`
}

/**
 * The columns of `revisions` from 0004 on (the reason 'conflict', the document `version`).
 * `documentId` is its one line that 0005 changed: 0004 has the foreign key, 0005 drops it.
 */
export function revisionColumnsSince0004(documentId: string): string {
  return `      id           INTEGER PRIMARY KEY,
      ${documentId}
      created_at   INTEGER NOT NULL,
      reason       TEXT NOT NULL CHECK (reason IN ('interval', 'manual', 'import', 'restore', 'final', 'conflict')),
      model_json   TEXT NOT NULL,
      characters   INTEGER NOT NULL,
      name         TEXT,
      author       TEXT,
      fingerprint  TEXT,
      version      INTEGER,                -- the document version this text is, or was made from
      CHECK ((reason = 'final') = (fingerprint IS NOT NULL))`
}

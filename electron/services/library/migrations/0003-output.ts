import type { Migration } from './index'
import { rebuildRevisions } from './revisions'

/**
 * Output: seal and signature images (assets), and 定稿 — final revisions with a name, who
 * froze them and the SHA-256 fingerprint of their model. SQLite cannot widen a CHECK in place, so
 * revisions is rebuilt (same rows and ids). A final revision can never be updated (trigger).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'output',
  up: `
    CREATE TABLE assets (
      id          TEXT PRIMARY KEY,          -- 'a' + 24 hex digits of the content's SHA-256: same bytes, same id
      kind        TEXT NOT NULL CHECK (kind IN ('seal', 'signature')),
      name        TEXT NOT NULL,
      mime        TEXT NOT NULL CHECK (mime IN ('image/png', 'image/jpeg')),
      width       INTEGER NOT NULL,
      height      INTEGER NOT NULL,
      bytes       INTEGER NOT NULL,
      sha256      TEXT NOT NULL,
      data        BLOB NOT NULL,
      created_at  INTEGER NOT NULL
    );

    ${rebuildRevisions(
      3,
      `      id           INTEGER PRIMARY KEY,
      document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      created_at   INTEGER NOT NULL,
      reason       TEXT NOT NULL CHECK (reason IN ('interval', 'manual', 'import', 'restore', 'final')),
      model_json   TEXT NOT NULL,
      characters   INTEGER NOT NULL,
      name         TEXT,                   -- 定稿: its name ("报送稿")
      author       TEXT,                   -- 定稿: who froze it
      fingerprint  TEXT,                   -- 定稿: "sha256:" + hex of the canonical model JSON
      CHECK ((reason = 'final') = (fingerprint IS NOT NULL))`,
      'id, document_id, created_at, reason, model_json, characters',
    )}
  `,
}

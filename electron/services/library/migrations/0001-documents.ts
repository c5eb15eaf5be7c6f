import type { Migration } from './index'

/** Documents (current model JSON), revisions (snapshots), settings, and a trigram full-text index. */
export const migration0001: Migration = {
  version: 1,
  name: 'documents',
  up: `
    CREATE TABLE documents (
      id          TEXT PRIMARY KEY,
      title       TEXT NOT NULL,
      model_json  TEXT NOT NULL,
      body_text   TEXT NOT NULL,   -- plain text, for search and excerpts
      characters  INTEGER NOT NULL,
      created_at  INTEGER NOT NULL,
      updated_at  INTEGER NOT NULL,
      trashed_at  INTEGER,
      fts_stale   INTEGER NOT NULL DEFAULT 1  -- the FTS row lags behind; refreshed before a search
    );
    CREATE INDEX documents_updated ON documents(trashed_at, updated_at DESC);

    CREATE TABLE revisions (
      id           INTEGER PRIMARY KEY,
      document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      created_at   INTEGER NOT NULL,
      reason       TEXT NOT NULL CHECK (reason IN ('interval', 'manual', 'import', 'restore')),
      model_json   TEXT NOT NULL,
      characters   INTEGER NOT NULL
    );
    CREATE INDEX revisions_by_document ON revisions(document_id, created_at DESC);

    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

    -- trigram: matches Chinese substrings of 3+ characters; shorter queries use instr() on body_text
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, body_text, tokenize = 'trigram');
  `,
}

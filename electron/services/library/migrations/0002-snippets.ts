import type { Migration } from './index'

/**
 * Snippets (素材): an editable category tree, the snippets, and two full-text indexes.
 *
 *   snippets_fts    FTS5 trigram over folded title / tags / body: substring search for queries of
 *                   three characters and more.
 *   snippets_heads  the same for title and tags alone: small, so "which matches are in the title"
 *                   stays cheap when a query matches thousands of bodies.
 *   snippets_grams  FTS5 over the one- and two-character grams of the same text (tokens made in
 *                   shared/snippets/search.ts gramTokens): a one- or two-character query, which
 *                   trigram cannot match, is one token lookup. The grams of the title and of the
 *                   tags are also there under their own prefix (t…, g…), so "in the title" is one
 *                   lookup too.
 *
 * All three are contentless (nothing stored twice) with contentless_delete, kept in step by
 * SnippetStore inside the same transaction as the row.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'snippets',
  up: `
    CREATE TABLE snippet_categories (
      id         INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      parent_id  INTEGER REFERENCES snippet_categories(id) ON DELETE CASCADE,
      position   INTEGER NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX snippet_categories_name ON snippet_categories(ifnull(parent_id, 0), name);

    CREATE TABLE snippets (
      id            INTEGER PRIMARY KEY,
      uid           TEXT NOT NULL UNIQUE,
      title         TEXT NOT NULL,
      category_id   INTEGER REFERENCES snippet_categories(id) ON DELETE SET NULL,
      tags_json     TEXT NOT NULL DEFAULT '[]',
      body_json     TEXT NOT NULL,
      body_key      TEXT NOT NULL,            -- hash of the normalised body text: duplicates
      created_at    INTEGER NOT NULL,
      updated_at    INTEGER NOT NULL,
      use_count     INTEGER NOT NULL DEFAULT 0,
      last_used_at  INTEGER,
      source_json   TEXT
    );
    CREATE INDEX snippets_popular ON snippets(use_count DESC, last_used_at DESC, id DESC);
    CREATE INDEX snippets_by_category ON snippets(category_id, use_count DESC, last_used_at DESC, id DESC);
    CREATE INDEX snippets_body_key ON snippets(body_key);

    CREATE VIRTUAL TABLE snippets_fts USING fts5(title, tags, body, content = '', contentless_delete = 1, tokenize = 'trigram');
    CREATE VIRTUAL TABLE snippets_heads USING fts5(title, tags, content = '', contentless_delete = 1, tokenize = 'trigram');
    CREATE VIRTUAL TABLE snippets_grams USING fts5(grams, content = '', contentless_delete = 1, detail = 'none', tokenize = 'ascii');
  `,
}

import type { Migration } from './index'

/**
 * The team's 素材库, mirrored: the entries of the team server's `team:snippets` map (kept in step
 * by snippets.teamSync), with the same three full-text indexes as the personal snippets (0002), so
 * searching both costs the same. Its ids start above 2^40 (TEAM_SNIPPET_ID_BASE, seeded in
 * sqlite_sequence): personal ids never get there, so one number names a snippet of either library.
 * The use count and last use are this writer's own, like a personal snippet's.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'team-snippets',
  up: `
    CREATE TABLE team_snippets (
      id            INTEGER PRIMARY KEY AUTOINCREMENT,
      team_id       TEXT NOT NULL UNIQUE,      -- the entry's key in the team's map
      title         TEXT NOT NULL,
      category      TEXT NOT NULL DEFAULT '',  -- a path of names: categories are each writer's own
      tags_json     TEXT NOT NULL DEFAULT '[]',
      body_json     TEXT NOT NULL,
      member        TEXT NOT NULL,             -- who last wrote it
      state         TEXT NOT NULL CHECK (state IN ('shared', 'proposed')),
      updated_at    INTEGER NOT NULL,
      entry_key     TEXT NOT NULL,             -- hash of the entry as synced: unchanged entries are not re-indexed
      use_count     INTEGER NOT NULL DEFAULT 0,
      last_used_at  INTEGER
    );
    INSERT INTO sqlite_sequence (name, seq) VALUES ('team_snippets', 1099511627776);
    CREATE INDEX team_snippets_popular ON team_snippets(use_count DESC, last_used_at DESC, id DESC);

    CREATE VIRTUAL TABLE team_snippets_fts USING fts5(title, tags, body, content = '', contentless_delete = 1, tokenize = 'trigram');
    CREATE VIRTUAL TABLE team_snippets_heads USING fts5(title, tags, content = '', contentless_delete = 1, tokenize = 'trigram');
    CREATE VIRTUAL TABLE team_snippets_grams USING fts5(grams, content = '', contentless_delete = 1, detail = 'none', tokenize = 'ascii');
  `,
}

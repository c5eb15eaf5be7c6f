import type { Migration } from './index'

/**
 * 团队: the membership of a team server (at most one: an office has one team) and the links from
 * local documents to team documents. The join code is kept as given: the app must present it on
 * every connection, and the 文稿库 file is already the writer's own. No foreign key to documents:
 * a link whose document is gone is simply not listed (and a foreign key would pin documents'
 * shape for every later rebuild of that table).
 */
export const migration0006: Migration = {
  version: 6,
  name: 'team',
  up: `
    CREATE TABLE team_membership (
      id           INTEGER PRIMARY KEY CHECK (id = 1),
      server_url   TEXT NOT NULL,
      token        TEXT NOT NULL,
      member_name  TEXT NOT NULL,
      role         TEXT NOT NULL CHECK (role IN ('editor', 'reviewer', 'reader')),
      joined_at    INTEGER NOT NULL
    );
    CREATE TABLE team_links (
      document_id  TEXT PRIMARY KEY,
      team_name    TEXT NOT NULL UNIQUE,
      linked_at    INTEGER NOT NULL
    );
  `,
}

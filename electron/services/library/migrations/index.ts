/**
 * Numbered schema migrations, one small file each (NNNN-what.ts), applied in order inside one
 * transaction and tracked by PRAGMA user_version: a library is never left half-migrated.
 */
import { migration0001 } from './0001-documents'
import { migration0002 } from './0002-snippets'
import { migration0003 } from './0003-output'
import { migration0004 } from './0004-versions'
import { migration0005 } from './0005-finals-kept'
import { migration0006 } from './0006-team'
import { migration0007 } from './0007-team-snippets'

export interface Migration {
  version: number
  name: string
  up: string
}

export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007]
export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version

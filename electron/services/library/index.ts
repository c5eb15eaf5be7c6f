export { openLibraryDatabase, LibraryOpenError, APPLICATION_ID, type SqliteDatabase } from './database'
export { DocumentStore, REVISION_INTERVAL_MS, ftsPhrase } from './documents'
export { LATEST_SCHEMA_VERSION } from './migrations'

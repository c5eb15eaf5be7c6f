export { openLibraryDatabase, LibraryOpenError, APPLICATION_ID, type SqliteDatabase } from './database'
export { LATEST_SCHEMA_VERSION } from './migrations'
export { LibraryHost } from './store'

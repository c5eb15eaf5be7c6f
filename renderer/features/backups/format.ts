/** How the backups dialog shows a time and a size. */
import { displayDateTime } from '../../../shared/i18n/dates'
import { toLang } from '../../../shared/i18n/format'

export function backupTime(time: number, language: string): string {
  return displayDateTime(time, toLang(language), { seconds: true })
}

export function backupSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

/**
 * Messages into words without i18next, for Node (the CLI, logs, ApiError.message). The renderer
 * registers the same catalogues with i18next; both read `{{name}}` placeholders the same way.
 */
import { isErrorCode, type MessageCode } from '../errors/codes'
import type { Message, Params } from '../errors/message'
import { errorsEn } from './errors.en'
import { errorsZhCN } from './errors.zh-CN'
import { findingsEn } from './findings.en'
import { findingsZhCN } from './findings.zh-CN'

export type Lang = 'zh-CN' | 'en'
export const LANGS: readonly Lang[] = ['zh-CN', 'en']

/** The catalogues by language and i18next namespace. */
export const MESSAGE_CATALOGUES = {
  'zh-CN': { errors: errorsZhCN, findings: findingsZhCN },
  en: { errors: errorsEn, findings: findingsEn },
} as const

export type MessageNamespace = 'errors' | 'findings'
export const namespaceOf = (code: MessageCode): MessageNamespace => (isErrorCode(code) ? 'errors' : 'findings')

/** How a list of part messages (the reasons under one row…) is joined. */
export const LIST_SEPARATOR: Record<Lang, string> = { 'zh-CN': '；', en: '; ' }

/** 'en' for anything English ("en", "en-US"), else the default Chinese. */
export const toLang = (language: string | undefined): Lang => (language && /^en\b/i.test(language) ? 'en' : 'zh-CN')

/** The `{{name}}` placeholders of a template, in order. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{\{\s*([^}\s]+)\s*\}\}/g)].map((m) => m[1]!)
}

export function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{\s*([^}\s]+)\s*\}\}/g, (all, name: string) => (name in values ? String(values[name]) : all))
}

/** The words of a code in a language, with its params and (already formatted or not) parts. */
export function formatMessage(code: MessageCode, params: Params = {}, lang: Lang = 'zh-CN', parts?: Message['parts']): string {
  const catalogue: Record<string, string> = MESSAGE_CATALOGUES[lang][namespaceOf(code)]
  const template = catalogue[code] ?? MESSAGE_CATALOGUES['zh-CN'][namespaceOf(code)][code as never] ?? code
  const values: Record<string, string | number> = { ...params }
  for (const [name, part] of Object.entries(parts ?? {}))
    values[name] = Array.isArray(part) ? part.map((p) => messageText(p, lang)).join(LIST_SEPARATOR[lang]) : messageText(part, lang)
  return interpolate(template, values)
}

/** A message object in words. */
export function messageText(m: Message, lang: Lang = 'zh-CN'): string {
  return formatMessage(m.code, m.params, lang, m.parts)
}

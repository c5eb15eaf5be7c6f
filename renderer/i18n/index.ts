/**
 * The one i18next setup: a namespace per feature, each with its zh-CN catalogue (the default) and
 * its en one, which hold the same keys (tests/unit/i18n.test.ts checks it). A feature's words live
 * in its own folder; `catalogues` below is where a namespace is registered.
 *
 * Components ask for their namespace (`useTranslation('snippets')`) and may read another one by
 * prefix (`t('common:cancel')`). `common` is also every namespace's fallback, so a key a feature
 * does not have, such as `errors.generic`, is looked up there.
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { appEn, appZh } from '../app/i18n'
import { editorEn, editorZh } from '../editor/i18n'
import { backupsEn, backupsZh } from '../features/backups/i18n'
import { cleanupEn, cleanupZh } from '../features/cleanup/i18n'
import { contextMenuEn, contextMenuZh } from '../features/context-menu/i18n'
import { figuresEn, figuresZh } from '../features/figures/i18n'
import { findReplaceEn, findReplaceZh } from '../features/find-replace/i18n'
import { historyEn, historyZh } from '../features/history/i18n'
import { importEn, importZh } from '../features/import/i18n'
import { outlineEn, outlineZh } from '../features/outline/i18n'
import { outputEn, outputZh } from '../features/output/i18n'
import { pasteEn, pasteZh } from '../features/paste/i18n'
import { savingEn, savingZh } from '../features/saving/i18n'
import { snippetsEn, snippetsZh } from '../features/snippets/i18n'
import { structureEn, structureZh } from '../features/structure/i18n'
import { templatesEn, templatesZh } from '../features/templates/i18n'
import { rolloverEn, rolloverZh } from '../features/rollover/i18n'
import { pageviewEn, pageviewZh } from '../features/pageview/i18n'
import { reviewEn, reviewZh } from '../features/team/review/i18n'
import { teamEn, teamZh } from '../features/team/i18n'
import { teamSnippetsEn, teamSnippetsZh } from '../features/team/snippets-i18n'
import { commonEn, commonZh } from './common'
import { MESSAGE_CATALOGUES } from '../../shared/i18n/format'

export const LANGUAGE_KEY = 'draftdesk.lang'

export const LANGUAGES = ['zh-CN', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** A namespace's catalogues: zh-CN (the default) and en, which has the same keys. */
function byLanguage<Catalogue extends object>(zhCN: Catalogue, en: Catalogue): Record<Language, Catalogue> {
  return { 'zh-CN': zhCN, en }
}

/** Every namespace and its catalogues. */
export const catalogues = {
  common: byLanguage(commonZh, commonEn),
  app: byLanguage(appZh, appEn),
  editor: byLanguage(editorZh, editorEn),
  structure: byLanguage(structureZh, structureEn),
  outline: byLanguage(outlineZh, outlineEn),
  figures: byLanguage(figuresZh, figuresEn),
  snippets: byLanguage(snippetsZh, snippetsEn),
  'find-replace': byLanguage(findReplaceZh, findReplaceEn),
  output: byLanguage(outputZh, outputEn),
  import: byLanguage(importZh, importEn),
  cleanup: byLanguage(cleanupZh, cleanupEn),
  templates: byLanguage(templatesZh, templatesEn),
  paste: byLanguage(pasteZh, pasteEn),
  history: byLanguage(historyZh, historyEn),
  backups: byLanguage(backupsZh, backupsEn),
  rollover: byLanguage(rolloverZh, rolloverEn),
  saving: byLanguage(savingZh, savingEn),
  'context-menu': byLanguage(contextMenuZh, contextMenuEn),
  pageview: byLanguage(pageviewZh, pageviewEn),
  review: byLanguage(reviewZh, reviewEn),
  team: byLanguage(teamZh, teamEn),
  'team-snippets': byLanguage(teamSnippetsZh, teamSnippetsEn),
} satisfies Record<string, Record<Language, object>>

/** One language's catalogues, by namespace (what i18next's `resources` takes per language). */
function resourcesFor(language: Language): Record<string, object> {
  const features = Object.fromEntries(Object.entries(catalogues).map(([ns, catalogue]) => [ns, catalogue[language]]))
  // errors and findings: the catalogues shared with the CLI (codes from the back end and shared/)
  return { ...features, ...MESSAGE_CATALOGUES[language] }
}

/** Simplified Chinese by default; English when asked (?lang=en, or the saved preference). */
export function initI18n(language: string = pickLanguage()): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': resourcesFor('zh-CN'), en: resourcesFor('en') },
    ns: [...Object.keys(catalogues), ...Object.keys(MESSAGE_CATALOGUES['zh-CN'])],
    defaultNS: 'common',
    fallbackNS: 'common',
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  document.documentElement.lang = language
  return i18next
}

function pickLanguage(): string {
  const asked = new URLSearchParams(window.location.search).get('lang') ?? localStorage.getItem(LANGUAGE_KEY)
  return asked === 'en' ? 'en' : 'zh-CN'
}

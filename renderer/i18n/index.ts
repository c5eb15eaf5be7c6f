import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { zhCN } from './zh-CN'
import { MESSAGE_CATALOGUES } from '../../shared/i18n/format'

export const LANGUAGE_KEY = 'draftdesk.lang'

/** Simplified Chinese by default; English when asked (?lang=en, or the saved preference). */
export function initI18n(language: string = pickLanguage()): typeof i18next {
  void i18next.use(initReactI18next).init({
    // errors and findings: the catalogues shared with the CLI (codes from the back end and shared/)
    resources: { 'zh-CN': { translation: zhCN, ...MESSAGE_CATALOGUES['zh-CN'] }, en: { translation: en, ...MESSAGE_CATALOGUES.en } },
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

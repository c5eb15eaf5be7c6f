import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { zhCN } from './zh-CN'

export const LANGUAGE_KEY = 'draftdesk.lang'

/** Simplified Chinese by default; English when asked (?lang=en, or the saved preference). */
export function initI18n(language: string = pickLanguage()): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
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

import { useTranslation } from 'react-i18next'
import { LANGUAGE_KEY } from '../i18n'

/**
 * 中文 / English: the choice is kept for the next start. Its label and options stay in both
 * languages whatever the current one, so a writer who cannot read it can still find their own.
 */
export function LanguageSwitch() {
  const { i18n } = useTranslation()
  return (
    <select
      className="language"
      aria-label="语言 / Language"
      value={i18n.language === 'en' ? 'en' : 'zh-CN'}
      onChange={(e) => {
        localStorage.setItem(LANGUAGE_KEY, e.target.value)
        void i18n.changeLanguage(e.target.value)
        document.documentElement.lang = e.target.value
      }}
    >
      <option value="zh-CN">中文</option>
      <option value="en">English</option>
    </select>
  )
}

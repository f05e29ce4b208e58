// The console's two languages: a dictionary lookup with {name} placeholders, the choice kept in
// localStorage, and antd's and dayjs's locales switched along with it.
import { ConfigProvider } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCNLocale from 'antd/locale/zh_CN'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import type { ReactNode } from 'react'
import type { Bilingual } from '../api/types'
import { en } from './en'
import { zhCN } from './zh-cn'

export type Lang = 'zh-CN' | 'en'
export type MessageKey = keyof typeof zhCN
type Vars = Record<string, string | number>

const STORAGE_KEY = 'grayline.lang'
const dictionaries: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, en }

export type I18n = {
  lang: Lang
  setLang: (lang: Lang) => void
  t: (key: MessageKey, vars?: Vars) => string
  /** For codes the server may extend (signals, actions): the raw code when no label exists. */
  label: (prefix: string, code: string) => string
  pick: (text: Bilingual) => string
}

const I18nContext = createContext<I18n | null>(null)

function interpolate(text: string, vars?: Vars): string {
  if (!vars) return text
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    vars[name] === undefined ? m : String(vars[name]),
  )
}

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN'
  } catch {
    return 'zh-CN'
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang)

  const setLang = useCallback((next: Lang) => {
    setLangState(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Private mode without storage: the choice lasts for this tab only.
    }
  }, [])

  useEffect(() => {
    document.documentElement.lang = lang
    dayjs.locale(lang === 'en' ? 'en' : 'zh-cn')
  }, [lang])

  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang]
    const t = (key: MessageKey, vars?: Vars) => interpolate(dict[key], vars)
    const label = (prefix: string, code: string) =>
      (dict as Record<string, string | undefined>)[`${prefix}.${code}`] ?? code
    const pick = (text: Bilingual) => (lang === 'en' ? text.en : text['zh-CN']) || text['zh-CN']
    return { lang, setLang, t, label, pick }
  }, [lang, setLang])

  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCNLocale} theme={theme}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  )
}

// A font stack that renders Chinese with the system's CJK faces before any Latin fallback.
const theme = {
  token: {
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    colorPrimary: '#1f5fbf',
    borderRadius: 4,
  },
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext)
  if (!ctx) throw new Error('useI18n outside I18nProvider')
  return ctx
}

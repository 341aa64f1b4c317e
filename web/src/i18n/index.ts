import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { type Lang, setApiLanguage } from '../api/client';
import en from './en.json';
import zhCN from './zh-CN.json';

/** Where the chosen UI language is remembered between visits. */
export const LANG_STORAGE_KEY = 'doorstep.lang';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

function storedLang(): Lang {
  try {
    const value = window.localStorage.getItem(LANG_STORAGE_KEY);
    if (value === 'en' || value === 'zh-CN') return value;
  } catch {
    // storage may be unavailable (private mode); fall back to Chinese
  }
  return 'zh-CN';
}

/** Everything that follows the language: API header, <html lang>, dates. */
function applyLang(lang: Lang): void {
  setApiLanguage(lang);
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lang;
    document.title = i18n.t('app.documentTitle');
  }
}

const initial = storedLang();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'zh-CN',
  supportedLngs: LANGS as Lang[],
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLang(initial);

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'zh-CN';
}

/** Switch the UI language and remember it. */
export async function changeLang(lang: Lang): Promise<void> {
  try {
    window.localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // not remembered, still switched
  }
  await i18n.changeLanguage(lang);
  applyLang(lang);
}

export default i18n;

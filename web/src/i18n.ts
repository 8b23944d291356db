import { createContext, createElement, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Message } from './api/types.ts';
import { messages, type MessageKey } from './messages.ts';

/**
 * Chinese first, English on request. Words the app writes itself live in messages.ts as {zh, en}
 * pairs; words the server sends arrive as {zh, en} objects; names from a contest definition are
 * Chinese with an optional English `nameEn`.
 */
export type Lang = 'zh' | 'en';

export const storageKey = 'leitai.lang';

export type Vars = Record<string, string | number>;

/**
 * Fills `{name}` placeholders, and `{name:one|other}` with the word for that count ("{n} {n:hour|hours}"
 * → "1 hour", "2 hours"): English counts need it, Chinese does not. An unknown placeholder stays as written.
 */
export const fill = (text: string, vars?: Vars) =>
  vars
    ? text.replace(/\{(\w+)(?::([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
        if (!(name in vars)) return whole;
        if (one === undefined) return String(vars[name]);
        return Number(vars[name]) === 1 ? one : (other ?? one);
      })
    : text;

export const translate = (lang: Lang, key: MessageKey, vars?: Vars) => fill(messages[key][lang], vars);

/** The server's message in the reader's language, falling back to the other one when empty. */
export const pick = (lang: Lang, message: Message | undefined | null) => (message ? (lang === 'en' ? message.en || message.zh : message.zh || message.en) : '');

/** A definition's name: Chinese as published, or its English name where one is given (a reply may send none as null). */
export const nameIn = (lang: Lang, named: { name: string; nameEn?: string | null } | undefined | null) =>
  named ? (lang === 'en' && named.nameEn ? named.nameEn : named.name) : '';

/**
 * The language to start in: the stored choice, else Chinese — whatever the browser's languages, since
 * the contests are Chinese and English is one click away (the switch in the header).
 */
export const initialLang = (stored: string | null): Lang => (stored === 'zh' || stored === 'en' ? stored : 'zh');

export const htmlLang = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: MessageKey, vars?: Vars) => string;
  pick: (message: Message | undefined | null) => string;
  name: (named: { name: string; nameEn?: string | null } | undefined | null) => string;
}

const makeI18n = (lang: Lang, setLang: (lang: Lang) => void): I18n => ({
  lang,
  setLang,
  t: (key, vars) => translate(lang, key, vars),
  pick: (message) => pick(lang, message),
  name: (named) => nameIn(lang, named),
});

const I18nContext = createContext<I18n>(makeI18n('zh', () => {}));

const readStored = () => {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
};

export const LanguageProvider = ({ children }: { children: ReactNode }) => {
  const [lang, setLangState] = useState<Lang>(() => initialLang(readStored()));
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(storageKey, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = htmlLang(lang);
    document.title = translate(lang, 'app.title');
  }, [lang]);
  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  return createElement(I18nContext.Provider, { value }, children);
};

export const useI18n = () => useContext(I18nContext);

export type { MessageKey };

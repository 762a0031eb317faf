// A tiny i18n: the current language lives in a rune, so every `t(...)` in a template
// re-renders when it changes.
import { api, type Lang } from "../api";
import { en } from "./en";
import { nb, type MessageKey } from "./nb";
import { nn } from "./nn";

export type { MessageKey };

export const dictionaries: Record<Lang, Record<MessageKey, string>> = { nb, nn, en };

const state = $state<{ lang: Lang }>({ lang: "nb" });

export const i18n = {
  get lang(): Lang {
    return state.lang;
  },
  /** Sets the language locally only (no backend call). */
  set lang(value: Lang) {
    state.lang = value;
    if (typeof document !== "undefined") document.documentElement.lang = value;
  },
};

/** The message for `key` in the current language, with `{name}` placeholders filled in. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  let text: string = dictionaries[state.lang][key] ?? nb[key] ?? key;
  if (params) {
    for (const [name, value] of Object.entries(params)) {
      text = text.replaceAll(`{${name}}`, String(value));
    }
  }
  return text;
}

/** Reads the language from the backend at start-up; keeps Bokmål if that fails. */
export async function loadLanguage(): Promise<void> {
  try {
    i18n.lang = await api.getLanguage();
  } catch {
    i18n.lang = "nb";
  }
}

/** Switches language in the backend (so its messages follow) and in the UI. */
export async function setLanguage(lang: Lang): Promise<void> {
  await api.setLanguage(lang);
  i18n.lang = lang;
}

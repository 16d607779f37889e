// The languages a plan, its labels and every output can be written in. The
// plan's `language` must be one of them, `translations` name the others, and
// the handbook, form, DDL comments and editor settings offer exactly these.

export const LANGUAGES = ["sv", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** A plan without a `language` setting is Swedish. */
export const DEFAULT_LANGUAGE: Language = "sv";

/** Each language in its own words (offered by completion after `language`). */
export const LANGUAGE_NAMES: Record<Language, string> = { sv: "svenska", en: "English" };

export function isLanguage(lang: string): lang is Language {
  return (LANGUAGES as readonly string[]).includes(lang);
}

/** The locale numbers are written in, per language. */
export const LOCALES: Record<Language, string> = { sv: "sv-SE", en: "en-GB" };

/**
 * A language's entry in a per-language table (a table keyed by Language
 * cannot miss one), or the fallback's for a language the compiler does not
 * write (a translation-only language).
 */
export function inLanguage<T>(table: Record<Language, T>, lang: string, fallback: Language): T {
  return table[isLanguage(lang) ? lang : fallback];
}

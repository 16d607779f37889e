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

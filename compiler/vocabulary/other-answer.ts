// The words for an `other` answer and the description it asks for, in each
// language. The model labels the implicit description field with them (and
// the form, the DDL comments and the handbook print that label); the
// handbook's codebook marks an `other` value with them.
import { inLanguage, type Language } from "./languages.js";

export const OTHER_ANSWER: Record<Language, { other: string; describe: string; alsoWritten: string[] }> = {
  sv: { other: "annat", describe: "beskriv", alsoWritten: ["övrigt", "ovrigt"] },
  en: { other: "other", describe: "describe", alsoWritten: [] },
};

/** Whether a value's label says "other" in any language the compiler writes (`Annat`, `Övrigt`, `Other`). */
export function saysOther(label: string): boolean {
  const t = label.trim().toLowerCase();
  return Object.values(OTHER_ANSWER).some((w) => w.other === t || w.alsoWritten.includes(t));
}

/** The label of the implicit description field: `Kön: annat, beskriv`. */
export function otherDescriptionLabel(lang: string, variableLabel: string): string {
  // A translation into a language the compiler does not write gets the English words.
  const w = inLanguage(OTHER_ANSWER, lang, "en");
  return `${variableLabel}: ${w.other}, ${w.describe}`;
}

/** How a value marked `other` is shown: `Annat – beskriv`. */
export function otherMarker(lang: Language): string {
  const w = OTHER_ANSWER[lang];
  return `${w.other.charAt(0).toUpperCase()}${w.other.slice(1)} – ${w.describe}`;
}

// The words for an `other` answer and the description it asks for, in each
// language. The model labels the implicit description field with them (and
// the form, the DDL comments and the handbook print that label); the
// handbook's codebook marks an `other` value with them.
import { isLanguage, type Language } from "./languages.js";

export const OTHER_ANSWER: Record<Language, { other: string; describe: string }> = {
  sv: { other: "annat", describe: "beskriv" },
  en: { other: "other", describe: "describe" },
};

/** The words in a label's language; a translation into a language the compiler does not write gets the English ones. */
function words(lang: string): { other: string; describe: string } {
  return OTHER_ANSWER[isLanguage(lang) ? lang : "en"];
}

/** The label of the implicit description field: `Kön: annat, beskriv`. */
export function otherDescriptionLabel(lang: string, variableLabel: string): string {
  const w = words(lang);
  return `${variableLabel}: ${w.other}, ${w.describe}`;
}

/** How a value marked `other` is shown: `Annat – beskriv`. */
export function otherMarker(lang: Language): string {
  const w = OTHER_ANSWER[lang];
  return `${w.other.charAt(0).toUpperCase()}${w.other.slice(1)} – ${w.describe}`;
}

// A LocalizedText read as it is written, for the views that show every line
// (the hover lists each definition, tagged or not, in source order).
import type { LocalizedText, Name, TextLit } from "./ast.js";

/** One written text of a LocalizedText: untagged, or a translation with its language. */
export interface WrittenText {
  lang?: Name;
  text: TextLit;
}

/** Every text of a LocalizedText in source order: the untagged ones (also those that do not count) and the translations. */
export function writtenTexts(t: LocalizedText | undefined): WrittenText[] {
  if (!t) return [];
  const untagged = [...(t.text ? [t.text] : []), ...t.repeated].map((text) => ({ at: text.range.start.offset, part: { text } }));
  const tagged = t.translations.map((tr) => ({ at: tr.range.start.offset, part: { lang: tr.lang, text: tr.text } }));
  return [...untagged, ...tagged].sort((a, b) => a.at - b.at).map((x) => x.part);
}

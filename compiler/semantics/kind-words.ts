// Each kind of declaration as messages name it ("time point", "value set"):
// the checks and the language server say it the same way.
import type { SymbolKind } from "./resolve.js";

export const KIND_WORDS: Record<SymbolKind, string> = {
  plan: "plan",
  timepoint: "time point",
  valueset: "value set",
  variable: "variable",
  group: "group",
  question: "question",
};

/** "a time point", "an integer …": the word with its indefinite article. */
export const withArticle = (w: string): string => (/^[aeiou]/.test(w) ? "an " : "a ") + w;

// The handbook generator: handbook.html (one self-contained printable page)
// and handbook.md, in Swedish unless opts.lang asks for English.
import type { PlanModel } from "../../model/index.js";
import type { GenerateOptions, Generator, OutputFile } from "../output.js";
import { htmlFormat, markdownFormat } from "./escape.js";
import { renderHandbook } from "./render.js";
import { HANDBOOK_LANGUAGES, handbookStrings, isHandbookLanguage, type HandbookLanguage } from "./strings.js";
import { buildView } from "./view.js";
import { DEFAULT_LANGUAGE } from "../../vocabulary/languages.js";

export { HANDBOOK_LANGUAGES, isHandbookLanguage, type HandbookLanguage };

/** The handbook's language: opts.lang when given, else Swedish. */
export function handbookLanguage(opts: Partial<GenerateOptions>): HandbookLanguage {
  const lang = opts.lang || DEFAULT_LANGUAGE;
  if (!isHandbookLanguage(lang)) throw new Error(`the handbook can be written in ${HANDBOOK_LANGUAGES.join(" or ")}, not '${lang}'`);
  return lang;
}

export const handbookGenerator: Generator = (model: PlanModel, opts: GenerateOptions): OutputFile[] => {
  const lang = handbookLanguage(opts);
  const strings = handbookStrings[lang];
  return [
    { path: "handbook.html", content: renderHandbook(buildView(model, lang, strings, htmlFormat), "html") },
    { path: "handbook.md", content: renderHandbook(buildView(model, lang, strings, markdownFormat), "markdown") },
  ];
};

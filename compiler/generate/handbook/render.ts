// Compiles the templates once per format in an isolated Handlebars
// environment (no global helpers or partials leak in or out).
import Handlebars from "handlebars";
import { htmlPartials, htmlTemplate } from "./templates/html.js";
import { markdownPartials, markdownTemplate } from "./templates/markdown.js";
import type { HandbookView } from "./view-types.js";

export type HandbookFormat = "html" | "markdown";

type Render = (view: HandbookView) => string;
const compiled = new Map<HandbookFormat, Render>();

function build(format: HandbookFormat): Render {
  const hb = Handlebars.create();
  const partials = format === "html" ? htmlPartials : markdownPartials;
  // strict: a field the view lacks is a template bug and must fail loudly.
  const options = { strict: true, noEscape: format === "markdown" };
  for (const [name, text] of Object.entries(partials)) hb.registerPartial(name, hb.compile(text, options));
  const template = hb.compile<HandbookView>(format === "html" ? htmlTemplate : markdownTemplate, options);
  return (view) => template(view);
}

export function renderHandbook(view: HandbookView, format: HandbookFormat): string {
  let render = compiled.get(format);
  if (!render) compiled.set(format, (render = build(format)));
  const out = render(view);
  return format === "markdown" ? tidyMarkdown(out) : out;
}

/** Template whitespace leaves blank runs and trailing spaces; Markdown needs neither. */
function tidyMarkdown(s: string): string {
  return (
    s
      .split("\n")
      .map((l) => l.replace(/[ \t]+$/, ""))
      .join("\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim() + "\n"
  );
}

// The handbook: every question, variable and value of the plan reaches both
// formats in the chosen language; plan text is escaped (HTML and Markdown);
// the HTML is one self-contained page that renders in headless Chromium with
// no console errors and no requests, and prints.
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import type { Diagnostic } from "../compiler/syntax/diagnostic.js";
import { DIALECTS } from "../compiler/sql/dialects/index.js";
import { handbookGenerator, handbookLanguage } from "../compiler/generate/handbook/index.js";
import { generateQueries } from "../compiler/generate/queries/index.js";
import { handbookStrings, type HandbookLanguage, type HandbookStrings } from "../compiler/generate/handbook/strings.js";
import { LANGUAGES } from "../compiler/vocabulary/languages.js";
import { tr, type Localized, type PlanModel } from "../compiler/model/index.js";

const root = path.resolve(__dirname, "..");
const fixturesDir = path.join(root, "test", "fixtures", "plans");
const examplesDir = path.join(root, "examples");
const ESCAPE = path.join(fixturesDir, "hb-escape.isu");
const COMPLETE = path.join(fixturesDir, "hb-complete.isu");
const ENGLISH = path.join(fixturesDir, "hb-english.isu");
const LANGS: readonly HandbookLanguage[] = LANGUAGES;

interface Handbook {
  html: string;
  md: string;
}

function handbook(model: PlanModel, lang: string): Handbook {
  const files = handbookGenerator(model, { lang, dialects: [] });
  expect(files.map((f) => f.path).sort()).toEqual(["handbook.html", "handbook.md"]);
  return { html: files.find((f) => f.path === "handbook.html")!.content, md: files.find((f) => f.path === "handbook.md")!.content };
}

const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

/** What a reader of the HTML sees: tags dropped, character references decoded. */
function htmlText(html: string): string {
  const text = html
    .replace(/<style>[\s\S]*?<\/style>/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
  return squash(text);
}

/** What a reader of the rendered Markdown sees, near enough: backslash escapes resolved. */
function markdownText(md: string): string {
  return squash(md.replace(/\\([!-/:-@[-`{-~])/g, "$1"));
}

/** The part of the HTML from the element with this id to the end of its article or section. */
function htmlBlock(html: string, id: string): string {
  const start = html.indexOf(` id="${id}"`);
  expect(start, `an element with id ${id}`).toBeGreaterThan(-1);
  const end = html.slice(start).search(/<\/(article|section)>/);
  return html.slice(start, start + end);
}

/** Every text of the plan the handbook must show, in the handbook's language. */
function planTexts(model: PlanModel, lang: string): { what: string; text: string }[] {
  const t = (l: Parameters<typeof tr>[0]) => tr(l, lang, model.language);
  const out: { what: string; text: string }[] = [{ what: "plan title", text: t(model.title) }];
  for (const q of model.questions) out.push({ what: `question ${q.name}`, text: t(q.label) });
  for (const v of model.variables) {
    out.push({ what: `variable ${v.name} label`, text: t(v.label) }, { what: `variable ${v.name} name`, text: v.name });
    if (v.definition) out.push({ what: `variable ${v.name} definition`, text: t(v.definition) });
  }
  for (const vs of model.valuesets) {
    out.push({ what: `value set ${vs.name}`, text: t(vs.label) });
    for (const v of vs.values) {
      out.push({ what: `value ${vs.name}.${v.code} code`, text: v.code }, { what: `value ${vs.name}.${v.code} label`, text: t(v.label) });
      if (v.definition) out.push({ what: `value ${vs.name}.${v.code} definition`, text: t(v.definition) });
    }
  }
  for (const tp of model.timepoints) out.push({ what: `time point ${tp.name}`, text: t(tp.label) });
  for (const g of model.groups) {
    out.push({ what: `group ${g.name}`, text: t(g.label) });
    for (const e of g.entries) out.push({ what: `group entry ${g.name}.${e.code}`, text: t(e.label) });
  }
  // A legal basis shows in the handbook's language when the plan translates it.
  for (const l of model.legalBasis) out.push({ what: "legal basis", text: t(l) });
  for (const d of model.openDiagnostics) out.push({ what: `${d.code} code`, text: d.code }, { what: `${d.code} message`, text: d.message });
  return out.map((x) => ({ ...x, text: squash(x.text) }));
}

/** The plan's model, or the errors that keep it from having one. */
function tryModel(file: string): { model?: PlanModel; problems: string[] } {
  const c = compile(file);
  const problems = c.diagnostics.filter((d) => d.severity === "error").map((d) => `${path.basename(d.file)}:${d.range.start.line} ${d.code} ${d.message}`);
  if (!c.model && problems.length === 0) problems.push(`${path.relative(root, file)} declares no plan`);
  return c.model ? { model: c.model, problems } : { problems };
}

function mustCompile(file: string): PlanModel {
  const { model, problems } = tryModel(file);
  expect(problems, `${path.relative(root, file)} compiles`).toEqual([]);
  return model!;
}

/** The labels of a split's categories: group entries, or the non-missing values of a variable's value set. */
function categoryLabels(model: PlanModel, name: string): Localized[] {
  const g = model.groups.find((x) => x.name === name);
  if (g) return g.entries.map((e) => e.label);
  const type = model.variables.find((v) => v.name === name)?.type;
  if (type?.kind !== "choice") return [];
  return (
    model.valuesets
      .find((vs) => vs.name === type.valueset)
      ?.values.filter((v) => !v.missing)
      .map((v) => v.label) ?? []
  );
}

function sectionHeadings(s: HandbookStrings): string[] {
  return [...Object.values(s.sections), s.toc, s.subtitle, ...s.reliability.topics.map((t) => t.heading), ...s.checklist.parts.map((p) => p.heading)];
}

const fixtures = fs
  .readdirSync(fixturesDir)
  .filter((f) => /^hb-.*\.isu$/.test(f))
  .sort()
  .map((f) => path.join(fixturesDir, f));
const examples = fs.existsSync(examplesDir)
  ? fs
      .readdirSync(examplesDir)
      .filter((f) => f.endsWith(".isu"))
      .sort()
      .map((f) => path.join(examplesDir, f))
  : [];

/** The content checks every plan gets, in both languages and both formats. */
function planSuite(file: string, model: PlanModel): void {
  // Plan text may contain any word; the foreign-heading check skips words the plan itself uses.
  const source = model.files.map((f) => fs.readFileSync(f, "utf8")).join("\n");
  for (const lang of LANGS) {
    describe(`${path.relative(root, file)} (${lang})`, () => {
      const hb = handbook(model, lang);
      const s = handbookStrings[lang];
      const other = handbookStrings[lang === "sv" ? "en" : "sv"];

      it("shows every question, variable, value, group, time point and open warning in both formats", () => {
        const html = htmlText(hb.html);
        const md = markdownText(hb.md);
        const texts = planTexts(model, lang);
        expect(texts.length).toBeGreaterThan(5);
        for (const { what, text } of texts) {
          expect(html.includes(text), `HTML shows ${what}: ${text}`).toBe(true);
          expect(md.includes(text), `Markdown shows ${what}: ${text}`).toBe(true);
        }
      });

      it(`uses the ${lang === "sv" ? "Swedish" : "English"} fixed text, not the other language's`, () => {
        const html = htmlText(hb.html);
        const md = markdownText(hb.md);
        for (const h of sectionHeadings(s)) {
          expect(html, `HTML heading ${h}`).toContain(h);
          expect(md, `Markdown heading ${h}`).toContain(h);
        }
        const foreign = sectionHeadings(other).filter((h) => !sectionHeadings(s).includes(h) && !source.includes(h));
        expect(foreign.length).toBeGreaterThan(5);
        for (const h of foreign) {
          expect(html.includes(h), `HTML has no ${h}`).toBe(false);
          expect(md.includes(h), `Markdown has no ${h}`).toBe(false);
        }
        expect(hb.html).toContain(`<html lang="${lang}">`);
      });

      it("asks for nothing from elsewhere: no scripts, images, fonts, style sheets or links out", () => {
        expect(hb.html).not.toMatch(/<(script|img|link|iframe|object|embed|video|audio|source)\b/i);
        expect(hb.html).not.toMatch(/\ssrc\s*=/i);
        const css = /<style>([\s\S]*?)<\/style>/.exec(hb.html)?.[1] ?? "";
        expect(css).toContain("@media print");
        expect(css).not.toMatch(/url\(|@import|https?:/i);
        for (const [, href] of hb.html.matchAll(/href="([^"]*)"/g)) expect(href, "links stay inside the page").toMatch(/^#/);
        if (!/https?:/i.test(source)) expect(hb.html).not.toMatch(/https?:/i);
      });

      it("has the same tables in both formats, each Markdown table well formed", () => {
        const htmlTables = (hb.html.match(/<figure class="table">/g) ?? []).length;
        const mdTables = [...hb.md.matchAll(/^\|( --- \|)+$/gm)];
        expect(htmlTables).toBeGreaterThan(3);
        expect(mdTables.length).toBe(htmlTables);
        const lines = hb.md.split("\n");
        // Every table row has as many cells as its header; a table starts after a blank line.
        for (let i = 0; i < lines.length; i++) {
          if (!/^\|( --- \|)+$/.test(lines[i]!)) continue;
          const width = (lines[i]!.match(/---/g) ?? []).length;
          expect(lines[i - 2], `blank line before the table at line ${i}`).toBe("");
          const cells = (l: string) => l.replace(/\\\|/g, "").split("|").length - 2;
          expect(cells(lines[i - 1]!), `header at line ${i}`).toBe(width);
          for (let j = i + 1; j < lines.length && lines[j]!.startsWith("|"); j++) expect(cells(lines[j]!), `row at line ${j + 1}`).toBe(width);
        }
      });

      it("links only to anchors that exist, in both formats", () => {
        const ids = new Set([...hb.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
        const hrefs = [...hb.html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
        expect(hrefs.length).toBeGreaterThan(10);
        for (const h of hrefs) expect(ids.has(h), `HTML anchor #${h}`).toBe(true);
        const mdIds = new Set([...hb.md.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
        const mdLinks = [...hb.md.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
        expect(mdLinks.length).toBeGreaterThan(10);
        for (const h of mdLinks) expect(mdIds.has(h), `Markdown anchor #${h}`).toBe(true);
      });

      it("lists each time point's variables in the registration schedule", () => {
        for (const tp of model.timepoints) {
          const block = htmlBlock(hb.html, `tp-${tp.name}`);
          const listed = new Set([...block.matchAll(/href="#var-([^"]+)"/g)].map((m) => m[1]));
          const recorded = model.variables.filter((v) => v.timepoints.includes(tp.name)).map((v) => v.name);
          expect([...listed].sort(), `variables at ${tp.name}`).toEqual([...recorded].sort());
        }
      });

      it("gives every question its tables, with missing data and the suppression rule", () => {
        for (const q of model.questions) {
          const block = htmlText(htmlBlock(hb.html, `q-${q.name}`));
          const tables = (htmlBlock(hb.html, `q-${q.name}`).match(/<table class="result">/g) ?? []).length;
          const a = q.analysis;
          // As the queries: one table for everyone and one per split; change adds its transition table.
          const expected = { count: 1, summary: 1, crosstab: 1 - q.splits.length, change: 2, attainment: 1 }[a.kind] + q.splits.length;
          expect(tables, `tables for ${q.name}`).toBe(expected);
          expect(block).toContain(s.cells.missing);
          expect(block).toContain(squash(s.questions.suppression(model.minCell)));
          if (a.kind === "change") for (const w of [s.cells.improved, s.cells.unchanged, s.cells.worsened]) expect(block).toContain(w);
          if (a.kind === "attainment") for (const w of [s.cells.reached, s.cells.notReached]) expect(block).toContain(w);
          for (const split of q.splits)
            for (const part of split.parts)
              for (const l of categoryLabels(model, part.name)) expect(block, `split category of ${part.name} in ${q.name}`).toContain(squash(tr(l, lang, model.language)));
        }
      });

      it("names, for each question, every generated query that returns its figures", () => {
        const queries = generateQueries(model, DIALECTS.sqlite, lang).queries.filter((q) => q.question !== null);
        expect(queries.length).toBe(model.questions.length);
        for (const query of queries) {
          const block = htmlBlock(hb.html, `q-${query.question}`);
          expect(block, `query ${query.id} in question ${query.question}`).toContain(`<code>${query.id}</code>`);
          expect(hb.md).toContain(`\`${query.id}\``);
        }
      });

      it("names every sensitive variable with its category, and the plan's legal basis", () => {
        const block = htmlText(htmlBlock(hb.html, "protection"));
        for (const v of model.variables.filter((x) => x.sensitive.length)) {
          expect(block).toContain(squash(tr(v.label, lang, model.language)));
          for (const c of v.sensitive) expect(block).toContain(s.protection.categories[c] ?? c);
        }
        for (const l of model.legalBasis) expect(block).toContain(squash(tr(l, lang, model.language)));
        if (model.legalBasis.length === 0) expect(block).toContain(s.protection.noLegalBasis);
        expect(block).toContain(squash(s.protection.key[1]!));
      });

      it("shows the analysis scenarios A–E and all 13 checklist points", () => {
        const html = htmlText(hb.html);
        const md = markdownText(hb.md);
        for (const sc of s.scenarios.list) {
          expect(html).toContain(`${sc.letter}. ${sc.name}`);
          expect(md).toContain(`${sc.letter}. ${sc.name}`);
        }
        const points = s.checklist.parts.flatMap((p) => p.items);
        expect(points).toHaveLength(13);
        for (const [i, p] of points.entries()) {
          expect(html).toContain(p);
          expect(md).toContain(`${i + 1}. ${p}`);
        }
      });
    });
  }
}

describe("handbook of the fixture plans", () => {
  for (const file of fixtures) {
    const { model, problems } = tryModel(file);
    if (!model) it(`${path.relative(root, file)} compiles`, () => expect(problems).toEqual([]));
    else planSuite(file, model);
  }
});

describe("handbook of the example plans", () => {
  for (const file of examples) {
    const { model, problems } = tryModel(file);
    if (!model) {
      it.skip(`${path.relative(root, file)}: skipped, it does not compile to a plan (${problems.join("; ")})`, () => {});
      continue;
    }
    planSuite(file, model);
  }
});

describe("the handbook points to the report for the figures", () => {
  it.each([
    ["sv", "Handboken innehåller inga siffror, det gör rapporten"],
    ["en", "The handbook holds no figures: the report does"],
  ])("%s: where the result tables are described, it names isu report and the report's files", (lang, words) => {
    const { model } = tryModel(path.join(root, "examples", "hemtjanst_ibic.isu"));
    const h = handbook(model!, lang);
    for (const text of [squash(htmlText(h.html)), squash(h.md)]) {
      const at = text.indexOf(words);
      expect(at, `${lang}: the words are there`).toBeGreaterThan(0);
      expect(text.slice(at, at + 300)).toMatch(/isu report .*report\.html, report\.pdf, report\.xlsx/);
    }
  });
});

describe("escaping", () => {
  const model = mustCompile(ESCAPE);

  it("the fixture really carries markup in its labels", () => {
    expect(tr(model.questions[0]!.label, "sv", "sv")).toContain("<script>alert(1)</script>");
    expect(tr(model.title, "sv", "sv")).toContain("&");
  });

  for (const lang of LANGS) {
    it(`HTML (${lang}): plan markup appears only escaped`, () => {
      const { html } = handbook(model, lang);
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<(b|i|em)>/);
      expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(html).toContain(" &amp; ");
      expect(html).toContain("&amp;amp;");
    });

    it(`Markdown (${lang}): plan text cannot become markup, links or structure`, () => {
      const { md } = handbook(model, lang);
      const withoutAnchors = md.replace(/<a id="[a-z]+(?:-[A-Za-z0-9_]+)?"><\/a>/g, "");
      expect(withoutAnchors).not.toMatch(/(^|[^\\])</m);
      expect(md).toContain("\\<script\\>alert(1)\\</script\\>");
      expect(md).toContain(lang === "sv" ? "\\*fet\\*" : "\\*best\\*");
      expect(md).toContain("\\[x\\](y)");
      expect(md).toContain(lang === "sv" ? "Mellan \\| mitt" : "Middle \\| mid");
      // The purpose's lines are not a heading or a list, and &amp; stays literal.
      expect(md).not.toMatch(/^#+ Ingen rubrik/m);
      expect(md).toContain("\\&amp;");
      expect(md).not.toMatch(/^\s*[-*+] ingen lista/m);
    });
  }

  it("Markdown rendered as GitHub does: bare URLs and e-mail stay text, a | in a file name keeps its table row", async () => {
    const MarkdownIt = (await import("markdown-it")).default;
    const renderer = new MarkdownIt({ html: true, linkify: true });
    // GitHub links www. on its own; linkify-it calls that a fuzzy link and would also link any x.se, which GitHub does not.
    renderer.linkify.set({ fuzzyLink: false });
    const dir = path.dirname(model.files[model.files.length - 1]!);
    const file = path.join(dir, "a|b.isu");
    const warning: Diagnostic = {
      file,
      range: { start: { offset: 0, line: 7, column: 3 }, end: { offset: 4, line: 7, column: 7 } },
      code: "ISU0999",
      rule: "test-rule",
      severity: "warning",
      message: "see https://example.se/x | or www.example.se",
    };
    const { md } = handbook({ ...model, files: [file], openDiagnostics: [warning] }, "sv");
    const html = renderer.render(md);
    const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((h) => !h.startsWith("#"))).toEqual([]);
    expect(md).toContain("www\\.example.se");
    const text = htmlText(html);
    for (const t of ["https://www.socialstyrelsen.se/su", "www.example.se", "ftp://filer.example.se", "fel@example.se", "a|b.isu:7", "a|b.isu"]) expect(text).toContain(t);
    // The warnings table: every row has the four cells of its header.
    const table = html.slice(html.indexOf('id="warnings"')).match(/<table>[\s\S]*?<\/table>/)![0];
    const rows = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]!.match(/<t[hd]>/g) ?? []).length);
    expect(rows).toEqual([4, 4]);
  });

  it("open warnings are escaped too, with code, message and place", () => {
    const warning: Diagnostic = {
      file: model.files[model.files.length - 1]!,
      range: { start: { offset: 0, line: 7, column: 3 }, end: { offset: 4, line: 7, column: 7 } },
      code: "ISU0999",
      rule: "test-rule",
      severity: "warning",
      message: "label '<script>alert(2)</script>' & more",
      hint: "write <b>less</b>",
    };
    const { html, md } = handbook({ ...model, openDiagnostics: [warning] }, "sv");
    expect(html).not.toMatch(/<script|<b>/);
    const text = htmlText(htmlBlock(html, "warnings"));
    for (const t of ["ISU0999", "label '<script>alert(2)</script>' & more", "write <b>less</b>", "hb-escape.isu:7", "varning"]) expect(text).toContain(t);
    const mdText = markdownText(md.slice(md.indexOf('<a id="warnings">')));
    for (const t of ["ISU0999", "label '<script>alert(2)</script>' & more", "write <b>less</b>", "hb-escape.isu:7"]) expect(mdText).toContain(t);
  });
});

describe("small plans", () => {
  const fromText = (text: string): PlanModel => {
    const c = compile(path.join(os.tmpdir(), "handbook-small.isu"), { rootText: text });
    expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return c.model!;
  };

  it("a plan block alone: every section says what is missing instead of being empty", () => {
    const model = fromText('plan tom "Tom plan" {\n  language sv\n  min_cell 1\n}\n');
    const { html, md } = handbook(model, "sv");
    const s = handbookStrings.sv;
    const text = htmlText(html);
    for (const t of [s.purpose.none, s.questions.none, s.groups.none, s.protection.noSensitive, s.protection.noLegalBasis, s.protection.noFreeText, s.protection.allUsed]) {
      expect(text).toContain(t);
      expect(markdownText(md)).toContain(t);
    }
    expect(text).toContain("Tom plan");
  });

  it("the brief's minimal plan: one time point, one question, no translations", () => {
    const model = fromText(
      [
        'plan exempel "Exempel" {',
        "  language sv",
        '  purpose "Att visa hur en regel fungerar."',
        "}",
        'timepoint bedomning "Bedömning" { when "vid utredning" }',
        'valueset kon "Kön" {',
        '  kvinna "Kvinna"',
        '  man "Man"',
        '  annat "Annat" other',
        "}",
        'variable kon "Kön" : kon at bedomning',
        'question fordelning "Hur fördelar sig brukarna på kön?" {',
        "  count kon",
        "}",
      ].join("\n"),
    );
    const text = htmlText(handbook(model, "en").html);
    for (const t of ["Att visa hur en regel fungerar.", "Hur fördelar sig brukarna på kön?", "Kvinna", "kon_annat", "Required when Kön is Annat", "Database query (queries.json): fordelning"])
      expect(text).toContain(t);
    // The implicit description field carries the model's label (in the plan's
    // language, the only one it has); the codebook marks the `other` value in
    // the handbook's language. Both come from compiler/vocabulary/other-answer.ts.
    expect(text).toContain("Kön: annat, beskriv");
    expect(text).toContain("Other – describe");
    const sv = htmlText(handbook(model, "sv").html);
    expect(sv).toContain("Kön: annat, beskriv");
    expect(sv).toContain("Annat – beskriv");
    expect(sv).not.toContain("Other – describe");
  });
});

describe("languages", () => {
  it("English labels fall back to the plan's language where a translation is missing", () => {
    const model = mustCompile(COMPLETE);
    const text = htmlText(handbook(model, "en").html);
    expect(text).toContain("Safety");
    expect(text).toContain("Avslut"); // time point without `label en`
    expect(text).toContain("Ekonomiskt bistånd"); // value without `label en`
    expect(text).toContain("Registered at");
  });

  it("a Swedish handbook of an English plan uses Swedish labels where there are some", () => {
    const model = mustCompile(ENGLISH);
    const text = htmlText(handbook(model, "sv").html);
    expect(text).toContain("Daglig verksamhet – uppföljning");
    expect(text).toContain("Delaktighet");
    expect(text).toContain("Main activity"); // no `label sv`
    expect(text).toContain("Registreras vid");
  });

  it("Swedish by default, and a clear error for a language it cannot write", () => {
    expect(handbookLanguage({})).toBe("sv");
    expect(handbookLanguage({ lang: "en" })).toBe("en");
    expect(() => handbookLanguage({ lang: "de" })).toThrow("the handbook can be written in sv or en, not 'de'");
  });
});

function findChromium(): string | undefined {
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  try {
    return execFileSync("which", ["chromium"], { encoding: "utf8" }).trim() || undefined;
  } catch {
    return undefined;
  }
}

const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)(`in headless Chromium${chromiumPath ? "" : " (skipped: no chromium at /usr/bin/chromium or on PATH)"}`, () => {
  let browser: Browser;
  let dir: string;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath!, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-handbook-test-"));
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const plans = [...fixtures, ...examples.filter((f) => tryModel(f).model)];
  for (const file of plans) {
    for (const lang of LANGS) {
      it(`${path.relative(root, file)} (${lang}) renders with no errors and no requests`, async () => {
        const model = mustCompile(file);
        const page = await browser.newPage();
        const problems: string[] = [];
        const requests: string[] = [];
        let dialogs = 0;
        page.on("console", (m) => {
          if (m.type() === "error") problems.push(`console: ${m.text()}`);
        });
        page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
        page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()}`));
        page.on("request", (r) => requests.push(r.url()));
        page.on("dialog", (d) => {
          dialogs++;
          void d.dismiss();
        });
        const out = path.join(dir, `${path.basename(file, ".isu")}-${lang}.html`);
        fs.writeFileSync(out, handbook(model, lang).html);
        const url = pathToFileURL(out).href;
        await page.goto(url, { waitUntil: "load" });
        expect(problems).toEqual([]);
        expect(requests.filter((r) => r !== url)).toEqual([]);
        expect(dialogs).toBe(0);
        expect(await page.locator("script").count()).toBe(0);
        const text = squash(await page.locator("body").innerText());
        expect(text).toContain(squash(tr(model.title, lang, model.language)));
        expect(await page.title()).toBe(squash(tr(model.title, lang, model.language)));
        // Every table of contents entry leads somewhere.
        const targets = await page.locator("nav.toc a").evaluateAll((as) => as.map((a) => !!document.getElementById(a.getAttribute("href")!.slice(1))));
        expect(targets.length).toBeGreaterThan(10);
        expect(targets.every(Boolean)).toBe(true);
        await page.close();
      });
    }
  }

  it("prints: the print style sheet applies and the PDF starts each section on a new page", async () => {
    const model = mustCompile(COMPLETE);
    const page = await browser.newPage();
    await page.setContent(handbook(model, "sv").html, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const breakBefore = await page
      .locator("main > section")
      .first()
      .evaluate((el) => getComputedStyle(el).breakBefore);
    expect(breakBefore).toBe("page");
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length;
    // Title page, contents and one page per section at least.
    expect(pages).toBeGreaterThanOrEqual(12);
    await page.close();
  });
});

// The report's renderers on hand-written results (test/fixtures/results/):
// results.json against its schema, report.html in headless Chromium (no
// errors, nothing fetched, every chart with its text alternative, every
// hidden figure shown as "..", text contrast), report.xlsx read back cell by
// cell against results.json, report.pdf read with pdfjs (a page per
// question, every title), report.md parsed as GFM (every table).
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import ExcelJS from "exceljs";
import MarkdownIt from "markdown-it";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Figure, PublishedQuestion, PublishedTable, Results } from "../compiler/results/published.js";
import { renderCharts, renderHtml, renderMarkdown, renderPdf, renderXlsx, resultsJson, type ChartView } from "../compiler/results/report/index.js";
import { pdfReport } from "../compiler/results/report/pdf.js";
import { sheetNames } from "../compiler/results/report/xlsx.js";

const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;
const root = path.resolve(__dirname, "..");
const fixtureDir = path.join(root, "test", "fixtures", "results");
const fixtures = fs
  .readdirSync(fixtureDir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => ({ file: f, results: JSON.parse(fs.readFileSync(path.join(fixtureDir, f), "utf8")) as Results }));
const schema = JSON.parse(fs.readFileSync(path.join(root, "schemas", "results.schema.json"), "utf8"));
const artifacts = path.join(os.tmpdir(), "isu-report-artifacts");
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

function validator() {
  const warnings: string[] = [];
  const log = (...a: unknown[]) => warnings.push(a.join(" "));
  const ajv = new Ajv2020({ allErrors: true, logger: { log, warn: log, error: log } });
  addFormats(ajv);
  return { validate: ajv.compile(schema), warnings };
}

/** Every figure of a question's tables, with where it sits (an independent walk over results.json). */
function questionFigures(q: PublishedQuestion): Figure[] {
  return q.tables.flatMap((t) => [...t.groups.flatMap((g) => [g.size, g.missing, g.n, g.mean, g.median, g.q1, g.q3].filter((f): f is Figure => !!f)), ...t.rows.flatMap((r) => [r.n, r.share])]);
}

/** The text each shown figure of a question must have on the page, written with Intl here, not by the report's code. */
function shownTexts(q: PublishedQuestion, r: Results): string[] {
  const locale = r.language === "sv" ? "sv-SE" : "en-GB";
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const d = Math.max(0, r.precision.share - 2);
  const share = new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d });
  const stat = new Intl.NumberFormat(locale, { minimumFractionDigits: r.precision.mean, maximumFractionDigits: r.precision.mean });
  const out: string[] = [];
  const add = (f: Figure | undefined, as: "count" | "share" | "stat") => {
    if (!f || f.hidden) return;
    if (f.value === null) return void out.push(".");
    out.push(as === "count" ? count.format(f.value) : as === "share" ? `${share.format(f.value * 100)} %` : stat.format(f.value));
  };
  for (const t of q.tables) {
    for (const g of t.groups) {
      add(g.size, "count");
      add(g.missing, "count");
      add(g.n, "count");
      for (const k of ["mean", "median", "q1", "q3"] as const) add(g[k], "stat");
    }
    for (const row of t.rows) {
      add(row.n, "count");
      add(row.share, "share");
    }
  }
  return out.map((x) => x.replace(/\s/g, " ")).sort();
}

const hiddenByReason = (figs: Figure[]) => {
  const out: Record<string, number> = {};
  for (const f of figs) if (f.hidden) out[f.hidden] = (out[f.hidden] ?? 0) + 1;
  return out;
};

describe("the fixtures cover what the report must render", () => {
  const all = fixtures.map((f) => f.results);
  const questions = all.flatMap((r) => r.questions);
  it("every analysis kind, splits (a combined one too), hidden figures of each reason, a figure that does not exist, a reference level, sv and en", () => {
    expect(new Set(questions.map((q) => q.analysis))).toEqual(new Set(["count", "summary", "crosstab", "change", "attainment"]));
    expect(questions.some((q) => q.tables.some((t) => (t.split?.parts.length ?? 0) > 1))).toBe(true);
    expect(Object.keys(hiddenByReason(questions.flatMap(questionFigures))).sort()).toEqual(["derived", "suppressed"]);
    expect(questions.flatMap(questionFigures).some((f) => f.value === null && !f.hidden)).toBe(true);
    expect(questions.some((q) => q.reference)).toBe(true);
    expect(new Set(all.map((r) => r.language))).toEqual(new Set(["sv", "en"]));
  });
});

describe("results.json and its schema", () => {
  for (const { file, results } of fixtures) {
    it(`${file}: resultsJson writes the results unchanged, and the schema accepts it`, () => {
      const text = resultsJson(results);
      expect(JSON.parse(text)).toEqual(results);
      const { validate, warnings } = validator();
      expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
      expect(warnings).toEqual([]);
    });
  }

  it("rejects an unknown hidden reason, a shown figure with a reason, and an unknown field", () => {
    const { validate } = validator();
    const base = fixtures[0]!.results;
    const broken = (edit: (r: Results) => void) => {
      const r = structuredClone(base);
      edit(r);
      return validate(r);
    };
    expect(broken((r) => (r.basis.individuals = { value: null, hidden: "unknown" as never }))).toBe(false);
    expect(broken((r) => (r.basis.individuals = { value: 3, hidden: "suppressed" }))).toBe(false);
    expect(broken((r) => ((r as unknown as Record<string, unknown>).extra = 1))).toBe(false);
    expect(broken((r) => (r.questions[0]!.analysis = "mean" as never))).toBe(false);
    expect(broken(() => {})).toBe(true);
  });
});

describe("sheet names", () => {
  it("are at most 31 characters, unique (whatever the case), without the characters Excel refuses", () => {
    const long = "How do our clients live? | A question whose title is far longer";
    const names = sheetNames(["Basis", long, long, `${long} [a]`, "a/b:c*d?e\\f", "BASIS", "'quoted'"]);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
      expect(n).not.toMatch(/^'|'$/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names[0]).toBe("Basis");
  });
});

const renders = new Map<string, { html: string; charts: Map<string, ChartView> }>();
beforeAll(async () => {
  for (const { file, results } of fixtures) {
    const charts = await renderCharts(results);
    renders.set(file, { html: renderHtml(results, charts), charts });
  }
}, 120_000);

describe("charts", () => {
  for (const { file, results } of fixtures) {
    it(`${file}: one static SVG per question, text as SVG text, the reference level as a dashed rule, hidden figures left out and said so`, () => {
      const { charts } = renders.get(file)!;
      for (const q of results.questions) {
        const c = charts.get(q.name)!;
        expect(c.svg).toMatch(/^<svg [^>]*role="img"/);
        expect(c.svg).toContain(`aria-label="${c.label.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")}"`);
        expect(c.svg).not.toMatch(/<script|<foreignObject|href="(?!#)/i);
        expect(c.svg).toMatch(/<text\b/);
        expect(/stroke-dasharray/.test(c.svg), `${q.name}: reference rule`).toBe(!!q.reference);
        // The chart draws the total and the first split: count what is hidden there, independently.
        const drawn = [q.tables.find((t) => !t.split), q.tables.find((t) => t.split)].filter((t): t is PublishedTable => !!t);
        const hidden =
          q.analysis === "summary"
            ? drawn.flatMap((t) => t.groups.flatMap((g) => [g.mean, g.median, g.q1, g.q3])).filter((f) => f?.hidden).length
            : q.analysis === "crosstab"
              ? drawn[0]!.rows.filter((r) => r.n.hidden).length
              : drawn.flatMap((t) => t.rows.filter((r) => (q.analysis === "count" ? r.key.category : r.key.outcome) && r.share.hidden)).length;
        if (hidden > 0) expect(c.summary, q.name).toMatch(new RegExp(`\\b${hidden} (dolda|dolt|hidden)`));
        else expect(c.summary).not.toMatch(/dolda tal|dolt tal|hidden figure/);
      }
    });
  }

  it("draw in colours with at least 3:1 contrast against white, and text with at least 4.5:1", () => {
    for (const { charts } of renders.values())
      for (const c of charts.values()) {
        const fills = [...c.svg.matchAll(/<(path|rect|line)\b[^>]*?(?:fill|stroke)="(#[0-9a-f]{6})"/gi)].map((m) => m[2]!.toLowerCase()).filter((x) => x !== "#ffffff" && x !== "#d9dce1");
        for (const f of fills) expect(contrast(f, "#ffffff"), f).toBeGreaterThanOrEqual(3);
        const texts = [...c.svg.matchAll(/<text\b[^>]*fill="(#[0-9a-f]{6})"/gi)].map((m) => m[1]!);
        expect(texts.length).toBeGreaterThan(0);
        for (const f of texts) expect(contrast(f, "#ffffff"), f).toBeGreaterThanOrEqual(4.5);
      }
  });
});

/** WCAG 2.1 contrast ratio of two sRGB colours (#rrggbb or rgb()). */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const v = c.startsWith("#")
      ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16))
      : c
          .match(/\d+(\.\d+)?/g)!
          .slice(0, 3)
          .map(Number);
    const [r, g, bl] = v.map((x) => x / 255).map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

function findChromium(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (fs.existsSync(path.join(dir, "chromium"))) return path.join(dir, "chromium");
  return fs.existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}
const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)(`report.html in headless Chromium${chromiumPath ? "" : " (skipped: no chromium on PATH)"}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath!, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const { file, results } of fixtures) {
    it(`${file}: opens without errors or requests, every chart and hidden figure present, headers, captions, contrast`, async () => {
      const { html } = renders.get(file)!;
      const page = await browser.newPage({ viewport: { width: 1100, height: 1400 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      page.on("request", (r) => requests.push(r.url()));
      const target = path.join(artifacts, file.replace(/\.json$/, ".html"));
      fs.mkdirSync(artifacts, { recursive: true });
      fs.writeFileSync(target, html);
      await page.goto(`file://${target}`, { waitUntil: "load" });
      expect(problems).toEqual([]);
      expect(requests.filter((u) => u !== `file://${target}`)).toEqual([]);
      expect(await page.locator("script").count()).toBe(0);
      expect(await page.title()).toBe(squash(results.title));
      // Plan text is text, never markup.
      expect(squash(await page.locator("h1").innerText())).toBe(squash(results.title));
      expect(await page.locator("live, clients, others, b").count()).toBe(0);

      for (const q of results.questions) {
        const article = page.locator(`article#q-${q.name}`);
        expect(await article.count(), q.name).toBe(1);
        expect(squash(await article.locator("h3").innerText())).toContain(squash(q.title));
        const svg = article.locator('svg[role="img"]');
        expect(await svg.count()).toBe(1);
        expect((await svg.getAttribute("aria-label"))!.length).toBeGreaterThan(10);
        const described = await svg.getAttribute("aria-describedby");
        const summary = await page.locator(`[id="${described}"]`).innerText();
        expect(await page.locator(`[id="${described}"]`).isVisible()).toBe(true);
        expect(summary.length).toBeGreaterThan(30);
        expect(await svg.boundingBox()).not.toBeNull();
        if (q.reference) expect(squash(await article.locator("p.reference").innerText())).toContain(squash(q.reference.label));
        // Every hidden figure is a ".." cell with its reason's footnote mark, as many of each reason as results.json holds.
        const cells = await article.locator("td.hidden").evaluateAll((tds) => tds.map((td) => ({ text: td.textContent, reason: td.getAttribute("data-hidden") })));
        for (const c of cells) expect(c.text).toMatch(/^\.\.[123]$/);
        const counted: Record<string, number> = {};
        for (const c of cells) counted[c.reason!] = (counted[c.reason!] ?? 0) + 1;
        expect(counted, q.name).toEqual(hiddenByReason(questionFigures(q)));
        // Every shown figure once, and nothing else: the cells' texts are exactly results.json's figures.
        const shown = (await article.locator("td:not(.hidden)").allTextContents()).filter((t) => t.trim() !== "").map((t) => t.replace(/\s/g, " "));
        expect(shown.sort(), q.name).toEqual(shownTexts(q, results));
      }
      // The basis: every hidden registration and bortfall count is "..".
      const basisHidden = [...results.basis.registrations, ...results.basis.missing].filter((x) => x.n.value === null).length;
      expect(await page.locator("section#basis td.hidden").count()).toBeGreaterThanOrEqual(basisHidden);

      // Ids are unique (the table of contents and aria-describedby rely on them).
      const ids = await page.locator("[id]").evaluateAll((es) => es.map((e) => e.id));
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);

      // Real table headers: every th has a scope, every result table a caption.
      expect(await page.locator("th:not([scope])").count()).toBe(0);
      const tables = page.locator("main table.result");
      expect(await tables.count()).toBeGreaterThan(results.questions.length);
      expect(await page.locator("main table.result:not(:has(caption))").count()).toBe(0);

      // Text contrast (WCAG 2.1 AA, 4.5:1): every element with its own text, against its effective background.
      const pairs = await page.evaluate(() => {
        const out: { fg: string; bg: string; text: string }[] = [];
        const bgOf = (el: Element | null): string => {
          for (let e = el; e; e = e.parentElement) {
            const c = getComputedStyle(e).backgroundColor;
            if (c && c !== "transparent" && !/rgba\(.*,\s*0\)$/.test(c)) return c;
          }
          return "rgb(255, 255, 255)";
        };
        for (const el of Array.from(document.body.querySelectorAll("*"))) {
          if (el.closest("svg")) continue;
          const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim());
          if (own) out.push({ fg: getComputedStyle(el).color, bg: bgOf(el), text: el.textContent!.slice(0, 30) });
        }
        return out;
      });
      for (const p of pairs) expect(contrast(p.fg, p.bg), `${p.text}: ${p.fg} on ${p.bg}`).toBeGreaterThanOrEqual(4.5);

      // Order: title, basis, reliability, questions, protection, scenarios A–E.
      const order = await page.locator("main > section").evaluateAll((ss) => ss.map((s) => s.id));
      expect(order).toEqual(["basis", "reliability", "questions", "protection", "scenarios"]);
      const scenarios = await page.locator("section#scenarios tbody th").allInnerTexts();
      expect(scenarios.map((t) => t.trim()[0])).toEqual(["A", "B", "C", "D", "E"]);

      const shot = path.join(artifacts, file.replace(/\.json$/, ".png"));
      await page.screenshot({ path: shot, fullPage: true });
      console.log(`report screenshot: ${shot}`);
      await page.close();
    });
  }
});

describe("report.xlsx", () => {
  for (const { file, results } of fixtures) {
    it(`${file}: a basis sheet, one sheet per question, a protection sheet; every figure equals results.json`, async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await renderXlsx(results)) as unknown as ArrayBuffer);
      const sheets = wb.worksheets;
      expect(sheets.length).toBe(results.questions.length + 2);
      expect(new Set(sheets.map((s) => s.name)).size).toBe(sheets.length);
      for (const s of sheets) expect(s.name.length).toBeLessThanOrEqual(31);

      const values = (ws: ExcelJS.Worksheet) => {
        const rows: ExcelJS.CellValue[][] = [];
        ws.eachRow({ includeEmpty: true }, (row, n) => (rows[n - 1] = (row.values as ExcelJS.CellValue[]).slice(1)));
        return Array.from({ length: rows.length }, (_, i) => rows[i] ?? []);
      };
      const expectFigure = (got: ExcelJS.CellValue | undefined, f: Figure | undefined, where: string) => {
        if (!f) return;
        expect(got, where).toBe(f.hidden ? ".." : f.value === null ? "." : f.value);
      };
      const memberCells = (ms: { code: string | null; label: string }[]) => ms.flatMap((m) => [m.code ?? undefined, m.label]);

      results.questions.forEach((q, i) => {
        const ws = sheets[i + 1]!;
        const rows = values(ws);
        expect(String(rows[0]![0])).toContain(q.title);
        for (const t of q.tables) {
          let at = rows.findIndex((r) => r[0] === t.id);
          expect(at, t.id).toBeGreaterThan(0);
          at += 1;
          const roles = (["category", "row", "column", "from", "to", "outcome"] as const).filter((role) => t.rows.some((r) => r.key[role]));
          const parts = t.split?.parts.length ?? 0;
          if (t.rows.length > 0) {
            at += 1; // header
            for (const r of t.rows) {
              const line = rows[at++]!;
              const keyCells = roles.flatMap((role) => (r.key[role] ? memberCells([r.key[role]!]) : [undefined, undefined]));
              expect(line.slice(0, parts * 2 + roles.length * 2).map((v) => (v === "" || v === null ? undefined : v))).toEqual([...memberCells(r.split), ...keyCells]);
              expectFigure(line[parts * 2 + roles.length * 2], r.n, `${t.id} n`);
              expectFigure(line[parts * 2 + roles.length * 2 + 1], r.share, `${t.id} share`);
            }
            at += 1; // blank
          }
          at += 1; // group header
          for (const g of t.groups) {
            const line = rows[at++]!;
            expect(line.slice(0, parts * 2).map((v) => (v === "" || v === null ? undefined : v))).toEqual(memberCells(g.split));
            expectFigure(line[parts * 2], g.size, `${t.id} size`);
            expectFigure(line[parts * 2 + 1], g.missing, `${t.id} missing`);
            if (q.analysis === "summary") (["n", "mean", "median", "q1", "q3"] as const).forEach((k, j) => expectFigure(line[parts * 2 + 2 + j], g[k], `${t.id} ${k}`));
          }
        }
        // Every ".." has a note saying why, and a footnote under its table.
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (cell.value === "..") expect(String(cell.note ?? "")).toMatch(/\w{4,}/);
          }),
        );
      });

      const basis = values(sheets[0]!);
      for (const t of results.basis.registrations) {
        const line = basis.find((r) => r[0] === t.timepoint && r[1] === t.label)!;
        expectFigure(line[2], t.n, `registrations ${t.timepoint}`);
      }
      for (const m of results.basis.missing) {
        const line = basis.find((r) => r[0] === m.variable && r[2] === m.timepoint)!;
        expectFigure(line[3], m.n, `missing ${m.variable}`);
      }
      const protection = values(sheets[sheets.length - 1]!).flat();
      for (const v of [results.protection.cells, results.protection.hiddenPrimary, results.protection.hiddenSecondary, results.protection.statement]) expect(protection).toContain(v);
    });
  }
});

describe.skipIf(!chromiumPath)("report.pdf", () => {
  for (const { file, results } of fixtures) {
    it(`${file}: A4, each question starts a page of its own, the text holds every question's title`, async () => {
      const pdf = await renderPdf(renders.get(file)!.html);
      fs.mkdirSync(artifacts, { recursive: true });
      fs.writeFileSync(path.join(artifacts, file.replace(/\.json$/, ".pdf")), pdf);
      const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
      const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
      const pages: string[] = [];
      for (let i = 1; i <= doc.numPages; i++) {
        const page = await doc.getPage(i);
        const [, , w, h] = page.view;
        expect(Math.round(w!)).toBe(595);
        expect(Math.round(h!)).toBe(842);
        const content = await page.getTextContent();
        pages.push(squash(content.items.map((x) => ("str" in x ? x.str : "")).join(" ")));
      }
      // Title page, contents, basis, reliability, then a page (at least) per question.
      expect(doc.numPages).toBeGreaterThanOrEqual(results.questions.length + 3);
      const found = results.questions.map((q, i) => pages.findIndex((p) => p.replace(/\s/g, "").includes(`${i + 1}.${q.title}`.replace(/\s/g, ""))));
      for (const [i, at] of found.entries()) expect(at, results.questions[i]!.title).toBeGreaterThanOrEqual(0);
      for (let i = 1; i < found.length; i++) expect(found[i]!).toBeGreaterThan(found[i - 1]!);
      await doc.destroy();
    });
  }

  it("says clearly when there is no Chromium to print with", async () => {
    const saved = process.env.ISU_CHROMIUM;
    process.env.ISU_CHROMIUM = "/nonexistent/chromium";
    try {
      await expect(renderPdf("<p>x</p>")).rejects.toThrow(/no Chromium found.*ISU_CHROMIUM/s);
    } finally {
      if (saved === undefined) delete process.env.ISU_CHROMIUM;
      else process.env.ISU_CHROMIUM = saved;
    }
    await expect(pdfReport("<p>x</p>", "/nonexistent/chromium")).rejects.toThrow(/did not start/);
  });
});

describe("report.md", () => {
  for (const { file, results } of fixtures) {
    it(`${file}: GFM with every table, every question's title, every hidden figure as ".."`, () => {
      const md = renderMarkdown(results);
      const html = new MarkdownIt({ html: true }).render(md);
      // The tables, counted from results.json: a summary, outcome or distribution table per published
      // table, a matrix per group for transitions and crosstabs; two for the basis, one of scenarios.
      const expected =
        3 + results.questions.reduce((n, q) => n + q.tables.reduce((m, t) => m + (q.analysis === "change" ? 1 + t.groups.length : q.analysis === "crosstab" ? t.groups.length : 1), 0), 0);
      expect((html.match(/<table>/g) ?? []).length).toBe(expected);
      const text = squash(
        html
          .replace(/<[^>]+>/g, " ")
          .replace(/&lt;/g, "<")
          .replace(/&gt;/g, ">")
          .replace(/&amp;/g, "&")
          .replace(/&quot;/g, '"'),
      );
      for (const q of results.questions) expect(text).toContain(squash(q.title));
      const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]!);
      const hiddenCells = cells.filter((c) => /^\.\.[¹²³]$/.test(c)).length;
      expect(hiddenCells).toBeGreaterThanOrEqual(results.questions.flatMap(questionFigures).filter((f) => f.hidden).length);
      for (const s of ["A", "B", "C", "D", "E"]) expect(html).toMatch(new RegExp(`<td>${s}\\. `));
    });
  }
});

// A question's reference level ("önskat läge", docs/language.md#reference-a-level-to-relate-the-result-to)
// through the pipeline: parsed, formatted, in the model and the handbook, in
// results.json (against its schema) and beside the result in report.html,
// report.md, report.xlsx and the chart. The rule is
// test/rules/ISU0314-reference-mismatch.test.ts.
import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import ExcelJS from "exceljs";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { formatIsu } from "../compiler/format/index.js";
import { handbookGenerator } from "../compiler/generate/handbook/index.js";
import type { PlanModel } from "../compiler/model/index.js";
import { parseSource } from "../compiler/syntax/source.js";
import type { QuestionDecl } from "../compiler/syntax/ast.js";
import { openEngine } from "../compiler/data/engines/index.js";
import { loadSimulation } from "../compiler/data/simulate/index.js";
import { collectCounts } from "../compiler/results/collect.js";
import type { ProtectionOutcome } from "../compiler/results/protect/problem.js";
import type { Results } from "../compiler/results/published.js";
import { renderCharts, renderHtml, renderMarkdown, renderXlsx, resultsJson } from "../compiler/results/report/index.js";
import { chartData } from "../compiler/results/report/charts/data.js";
import { chartSpec } from "../compiler/results/report/charts/specs.js";
import { resultsFromCounts } from "../compiler/results/tables/index.js";

const root = path.resolve(__dirname, "..");
const IBIC = path.join(root, "examples", "hemtjanst_ibic.isu");

const PLAN = `plan p "P" {
  language sv
  translations en
  label en "P"
  purpose "Att prova önskat läge."
  purpose en "To try a reference level."
}
timepoint a "A" {
  label en "A"
  when "vid utredning"
  when en "at assessment"
}
variable timmar "Timmar" : decimal 0..200 unit "timmar" at a {
  label en "Hours"
  unit en "hours"
}
question tid "Hur mycket tid beviljas?" {
  label en "How much time is granted?"
  summary timmar
  reference   7.5   "Riket 2024"   source "SCB"
  reference en "Sweden 2024" source "Statistics Sweden"
}
`;

const PATH = "/virtual/p.isu";
const modelOf = (text: string): PlanModel => {
  const c = compile(PATH, { host: { readFile: (p) => (p === PATH ? text : undefined) } });
  expect(c.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return c.model!;
};
const questionOf = (text: string): QuestionDecl => parseSource(PATH, text).ast.declarations.find((d): d is QuestionDecl => d.kind === "Question")!;

describe("reference: syntax", () => {
  it("parses the level, its label and source, and the translation line", () => {
    const q = questionOf(PLAN);
    expect(q.referenceLines).toHaveLength(2);
    const r = q.reference!;
    expect(r.value.value).toBe(7.5);
    expect(r.percent).toBeUndefined();
    expect(r.label.text?.value).toBe("Riket 2024");
    expect(r.label.translations.map((t) => [t.lang.text, t.text.value])).toEqual([["en", "Sweden 2024"]]);
    expect(r.source?.text?.value).toBe("SCB");
    expect(r.source?.translations.map((t) => t.text.value)).toEqual(["Statistics Sweden"]);
  });

  it("reads `%` with or without a space, and a source is optional", () => {
    for (const written of ["60 %", "60%"]) {
      const r = questionOf(`question q "Q" { attainment f at b against m  reference ${written} "Riket" }`).reference!;
      expect([r.value.value, !!r.percent, r.source]).toEqual([60, true, undefined]);
    }
  });

  it("a reference without its label is a syntax error naming the place", () => {
    const text = PLAN.replace(/ {2}reference[^\n]*\n/g, "").replace("summary timmar\n", "summary timmar\n  reference 60 %\n");
    const c = compile(PATH, { host: { readFile: (p) => (p === PATH ? text : undefined) } });
    expect(c.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column, d.message])).toEqual([["ISU0001", 20, 17, expect.stringMatching(/^expected a text in quotes/)]]);
    expect(c.model).toBeUndefined();
  });

  it("the formatter writes it canonically, and formatting again changes nothing", async () => {
    const once = await formatIsu(PLAN.replace("reference en", "reference   en").replace('"Riket 2024"', '"Riket 2024"') + `question q "Q" { summary timmar reference 50% "x" }\n`);
    expect(once).toContain(`  reference 7.5 "Riket 2024" source "SCB"\n  reference en "Sweden 2024" source "Statistics Sweden"\n`);
    expect(once).toContain(`question q "Q" { summary timmar  reference 50 % "x" }\n`);
    expect(await formatIsu(once)).toBe(once);
    expect(questionOf(once).reference).toBeDefined();
  });
});

describe("reference: model", () => {
  it("a summary's level is a value, with its label and source by language", () => {
    const q = modelOf(PLAN).questions.find((x) => x.name === "tid")!;
    expect(q.reference).toEqual({ kind: "value", value: 7.5, label: { sv: "Riket 2024", en: "Sweden 2024" }, source: { sv: "SCB", en: "Statistics Sweden" } });
  });

  it("the IBIC example states a share on an attainment and a change question, and none elsewhere", () => {
    const c = compile(IBIC);
    expect(c.diagnostics).toEqual([]);
    const refs = Object.fromEntries(c.model!.questions.filter((q) => q.reference).map((q) => [q.name, [q.analysis.kind, q.reference!.kind, q.reference!.value]]));
    expect(refs).toEqual({ forflyttning_mal: ["attainment", "share", 60], samhallsliv_forandring: ["change", "share", 25] });
  });
});

describe("reference: handbook", () => {
  const files = (model: PlanModel, lang: string) => handbookGenerator(model, { lang, dialects: [] });
  const md = (model: PlanModel, lang: string) => files(model, lang).find((f) => f.path === "handbook.md")!.content;
  const html = (model: PlanModel, lang: string) => files(model, lang).find((f) => f.path === "handbook.html")!.content;

  it("shows the level under the question, in the handbook's language", () => {
    const m = modelOf(PLAN);
    expect(md(m, "sv")).toMatch(/Önskat läge[^\n]*medelvärde 7,5 timmar \(Riket 2024; källa: SCB\)/);
    expect(md(m, "en")).toMatch(/Reference level[^\n]*mean 7.5 hours \(Sweden 2024; source: Statistics Sweden\)/);
    expect(html(m, "sv")).toContain("medelvärde 7,5 timmar (Riket 2024; källa: SCB)");
  });

  it("a share says of whom: who reach the goal, who improve", () => {
    const m = compile(IBIC).model!;
    const text = md(m, "sv");
    expect(text).toContain("60 % når målet (Nämndens målnivå 2025; källa: Äldrenämndens verksamhetsplan 2025)");
    expect(text).toContain("25 % förbättras (Jämförelsekommunerna 2024; källa: Nätverket för uppföljning med IBIC, gemensam sammanställning 2024)");
    expect(md(m, "en")).toContain("60 % reach the goal (The board's target 2025; source: Elderly care board's operational plan 2025)");
  });

  it("a question without a reference has no such line", () => {
    const m = modelOf(PLAN.replace(/ {2}reference[^\n]*\n/g, ""));
    expect(md(m, "sv")).not.toContain("Önskat läge");
  });
});

describe("reference: results.json and the report", () => {
  let sv: Results;
  let en: Results;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-reference-"));
  // Protection is tested elsewhere; here every figure is shown, so the report's numbers are the counts'.
  const showAll = async (): Promise<ProtectionOutcome> => ({ hidden: new Map(), ranges: [] });

  beforeAll(async () => {
    const model = compile(IBIC).model!;
    const engine = await openEngine(path.join(dir, "sim.db"), { create: true });
    try {
      await loadSimulation(engine, model, { individuals: 150, seed: 3 });
      const { counts, basis } = await collectCounts(model, engine);
      sv = await resultsFromCounts(model, counts, basis, { lang: "sv", source: "simulated", protect: showAll });
      en = await resultsFromCounts(model, counts, basis, { lang: "en", source: "simulated", protect: showAll });
    } finally {
      await engine.close();
    }
  }, 60_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const question = (r: Results, name: string) => r.questions.find((q) => q.name === name)!;
  const LEVEL_SV = "Önskat läge: 60,0 % når målet (Nämndens målnivå 2025; källa: Äldrenämndens verksamhetsplan 2025).";

  it("results.json carries each question's level, a share as a fraction like the rows' shares, and follows its schema", () => {
    expect(question(sv, "forflyttning_mal").reference).toEqual({ kind: "share", value: 0.6, label: "Nämndens målnivå 2025", source: "Äldrenämndens verksamhetsplan 2025" });
    expect(question(en, "samhallsliv_forandring").reference).toEqual({ kind: "share", value: 0.25, label: "The comparison municipalities 2024", source: "IBIC follow-up network, joint summary 2024" });
    expect(sv.questions.filter((q) => q.reference).map((q) => q.name)).toEqual(["forflyttning_mal", "samhallsliv_forandring"]);
    const ajv = new Ajv2020Module.default({ allErrors: true });
    addFormatsModule.default(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(root, "schemas", "results.schema.json"), "utf8")));
    const written = JSON.parse(resultsJson(sv)) as Results;
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true);
    // The schema holds a share to 0..1, so a level written as per cent would be refused.
    question(written, "forflyttning_mal").reference!.value = 60;
    expect(validate(written)).toBe(false);
  });

  it("report.html and report.md show the level beside the result, in the report's language", async () => {
    const html = renderHtml(sv, await renderCharts(sv));
    const article = html.slice(html.indexOf('id="q-forflyttning_mal"'), html.indexOf("</article>", html.indexOf('id="q-forflyttning_mal"')));
    expect(article).toContain(`<p class="reference">${LEVEL_SV}</p>`);
    expect(html).toContain("Önskat läge: 25,0 % förbättras (Jämförelsekommunerna 2024; källa: Nätverket för uppföljning med IBIC, gemensam sammanställning 2024).");
    expect(html.match(/<p class="reference">/g)).toHaveLength(2);
    expect(renderMarkdown(sv)).toContain(`> ${LEVEL_SV}`);
    expect(renderMarkdown(en)).toContain("> Desired level: 60.0 % reach the goal (The board's target 2025; source: Elderly care board's operational plan 2025).");
  });

  it("the chart draws the level as a dashed rule at its share, and its text alternative says so", async () => {
    const q = question(sv, "forflyttning_mal");
    const spec = chartSpec(chartData(q, "Alla"), q.reference, { share: "%", count: "n", value: "v", group: "g", median: "m", mean: "x" }) as {
      layer: { mark: { type: string; strokeDash?: number[] }; data: { values: unknown[] } }[];
    };
    const rules = spec.layer.filter((l) => l.mark.type === "rule");
    expect(rules).toEqual([expect.objectContaining({ data: { values: [{ reference: 0.6 }] }, mark: expect.objectContaining({ strokeDash: [6, 4] }) })]);
    const chart = (await renderCharts(sv)).get("forflyttning_mal")!;
    expect(chart.summary).toContain("Den streckade linjen är önskat läge: 60,0 % når målet (Nämndens målnivå 2025).");
    expect(chart.svg).toMatch(/stroke-dasharray="6,4"/);
    // The line is labelled in the picture too, not only in the text under it.
    expect(chart.svg).toMatch(/<text[^>]*>Önskat läge: 60,0 %<\/text>/);
    const plain = (await renderCharts(sv)).get("forflyttning_forandring")!;
    expect(plain.svg).not.toMatch(/stroke-dasharray="6,4"/);
    expect(plain.summary).not.toContain("önskat läge");
  });

  it("report.xlsx writes the level on the question's sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await renderXlsx(sv));
    const rows: unknown[][] = [];
    wb.eachSheet((ws) => ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1))));
    expect(rows).toContainEqual(["Önskat läge", "60,0 % når målet", "Nämndens målnivå 2025", "Äldrenämndens verksamhetsplan 2025"]);
  });
});

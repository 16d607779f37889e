// Charts rendered at build time to static SVG: the Vega-Lite spec compiled
// to Vega and drawn headless (no browser, no script in the report). The
// <svg> becomes one image for assistive technology: role="img", an
// aria-label and a <title>, and aria-describedby pointing at the summary
// printed under it.
import { compile } from "vega-lite";
import * as vega from "vega";
import type { PublishedQuestion, Results } from "../../published.js";
import { Numbers } from "../numbers.js";
import { reportStrings, type ReportStrings } from "../strings.js";
import type { ChartView } from "../view-types.js";
import { chartData } from "./data.js";
import { chartSpec, type ChartTexts } from "./specs.js";
import { chartSummary } from "./summary.js";
import Handlebars from "handlebars";

const esc = Handlebars.Utils.escapeExpression;

export const chartId = (q: Pick<PublishedQuestion, "name">) => `chart-${q.name}`;
export const chartSummaryId = (q: Pick<PublishedQuestion, "name">) => `chart-${q.name}-summary`;

function texts(s: ReportStrings, q: PublishedQuestion, num: Numbers): ChartTexts {
  const ref = q.reference;
  return {
    share: s.cells.share,
    count: s.cells.n,
    value: q.description,
    group: s.cells.group,
    median: s.cells.median,
    mean: s.cells.mean,
    ...(ref ? { reference: `${s.reference}: ${ref.kind === "share" ? num.percent(ref.value) : num.statValue(ref.value)}` } : {}),
  };
}

/** The chart's text alternative without drawing it (Markdown needs only this). */
export function describeChart(q: PublishedQuestion, s: ReportStrings, num: Numbers): { label: string; summary: string } {
  const d = chartData(q, s.cells.all);
  return { label: s.chart.label(q.title), summary: chartSummary(d, q.analysis, q.reference, s, num) };
}

async function svgOf(spec: ReturnType<typeof chartSpec>): Promise<string> {
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

function accessible(svg: string, id: string, label: string, describedBy: string): string {
  const open = svg.match(/^<svg\b[^>]*>/);
  if (!open) throw new Error("vega wrote no <svg> element");
  const tag = open[0].replace(/^<svg/, `<svg id="${esc(id)}" role="img" aria-label="${esc(label)}" aria-describedby="${esc(describedBy)}" focusable="false"`);
  return `${tag}<title>${esc(label)}</title>${svg.slice(open[0].length)}`;
}

export async function renderChart(q: PublishedQuestion, s: ReportStrings, num: Numbers): Promise<ChartView> {
  const d = chartData(q, s.cells.all);
  const { label, summary } = describeChart(q, s, num);
  const svg = await svgOf(chartSpec(d, q.reference, texts(s, q, num)));
  return { id: chartId(q), svg: accessible(svg, chartId(q), label, chartSummaryId(q)), label, summary };
}

/** Every question's chart, by question name. */
export async function renderCharts(results: Results): Promise<Map<string, ChartView>> {
  const s = reportStrings(results.language);
  const num = new Numbers(s.locale, results.precision);
  const out = new Map<string, ChartView>();
  for (const q of results.questions) out.set(q.name, await renderChart(q, s, num));
  return out;
}

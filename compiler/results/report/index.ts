// The report of a results stage, from results.json only: results.json itself,
// report.html (charts inline), report.md, report.xlsx and report.pdf. Charts
// are drawn asynchronously (vega), so they are rendered once and passed to
// renderHtml; renderReport does all of it in one call.
import type { Results } from "../published.js";
import { renderCharts } from "./charts/render.js";
import { htmlReport } from "./html.js";
import { markdownReport } from "./markdown.js";
import { pdfReport } from "./pdf.js";
import { buildView } from "./view.js";
import type { ChartView } from "./view-types.js";
import { xlsxReport } from "./xlsx.js";

export { renderCharts } from "./charts/render.js";
export { ChromiumMissingError, findChromium, NO_CHROMIUM } from "./pdf.js";
export type { ChartView } from "./view-types.js";

/** results.json: every published table exactly as the report shows it (schemas/results.schema.json). */
export function resultsJson(results: Results): string {
  return JSON.stringify(results, null, 2) + "\n";
}

/** report.html, with the charts renderCharts drew for the same results. */
export function renderHtml(results: Results, charts: Map<string, ChartView>): string {
  return htmlReport(buildView(results, charts));
}

/** report.md: each chart given by its text alternative. */
export function renderMarkdown(results: Results): string {
  return markdownReport(buildView(results, null));
}

export function renderXlsx(results: Results): Promise<Buffer> {
  return xlsxReport(results);
}

/** report.pdf printed from report.html by headless Chromium. */
export function renderPdf(html: string): Promise<Buffer> {
  return pdfReport(html);
}

export interface ReportFiles {
  "results.json": string;
  "report.html": string;
  "report.md": string;
  "report.xlsx": Buffer;
  /** Absent when asked not to print (no Chromium on the machine). */
  "report.pdf"?: Buffer;
}

export async function renderReport(results: Results, options: { pdf?: boolean } = {}): Promise<ReportFiles> {
  const html = renderHtml(results, await renderCharts(results));
  const files: ReportFiles = { "results.json": resultsJson(results), "report.html": html, "report.md": renderMarkdown(results), "report.xlsx": await renderXlsx(results) };
  if (options.pdf !== false) files["report.pdf"] = await renderPdf(html);
  return files;
}

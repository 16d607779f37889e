// The results stage in one call: counts → tables → protection over all of
// them jointly → the published results → the report's files. Nothing here
// writes to disk; compiler/build/report-plan.ts stages and commits the files.
import type { CollectedCounts } from "./collect.js";
import type { PlanModel } from "../model/index.js";
import type { Results } from "./published.js";
import { protect, type ProtectProgress } from "./protect/index.js";
import { renderReport } from "./report/index.js";
import { resultsFromCounts } from "./tables/index.js";

/** A report's files, in the order they are written. */
export const REPORT_FILES = ["results.json", "report.html", "report.md", "report.xlsx", "report.pdf"] as const;

export interface ReportFile {
  path: (typeof REPORT_FILES)[number];
  text?: string;
  bytes?: Uint8Array;
}

export interface ReportOptions {
  lang: string;
  /** Where the counts came from (results.json's `source`). */
  source: string;
  progress?: (text: string) => void;
}

/** The audit's progress at most once a second. */
function throttled(progress: (text: string) => void): (p: ProtectProgress) => void {
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last < 1000 && p.done < p.total) return;
    last = now;
    progress(`auditing hidden cells: ${p.done} of ${p.total}`);
  };
}

export async function makeReport(model: PlanModel, collected: CollectedCounts, opts: ReportOptions): Promise<{ results: Results; files: ReportFile[] }> {
  const progress = opts.progress ?? (() => {});
  const t0 = performance.now();
  const results = await resultsFromCounts(model, collected.counts, collected.basis, {
    lang: opts.lang,
    source: opts.source,
    protect: (problem) => protect(problem, { onProgress: throttled(progress) }),
  });
  const p = results.protection;
  progress(`protected ${p.cells} cells: ${p.hiddenPrimary} hidden as small, ${p.hiddenSecondary} to protect them, in ${Math.round(performance.now() - t0)} ms`);
  progress("drawing the charts and printing report.pdf with Chromium");
  const r = await renderReport(results);
  const files: ReportFile[] = [
    { path: "results.json", text: r["results.json"] },
    { path: "report.html", text: r["report.html"] },
    { path: "report.md", text: r["report.md"] },
    { path: "report.xlsx", bytes: r["report.xlsx"] },
  ];
  if (r["report.pdf"]) files.push({ path: "report.pdf", bytes: r["report.pdf"] });
  return { results, files };
}

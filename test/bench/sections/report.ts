// The results stage (issue 8): tables + protection + audit of the IBIC
// example against the time the counting took on the same database in the
// same run, and the whole report but its PDF, on SQLite and DuckDB. The aim
// is 100,000 individuals in about a second of protection; today protection
// does not finish at that size (its problem grows with the distinct values
// and the links between questions), so the section runs at INDIVIDUALS.
import * as fs from "node:fs";
import * as path from "node:path";
import { compile } from "../../../compiler/compile.js";
import { openEngine, type Engine } from "../../../compiler/data/engines/index.js";
import { loadSimulation } from "../../../compiler/data/simulate/index.js";
import type { PlanModel } from "../../../compiler/model/index.js";
import { collectCounts } from "../../../compiler/results/collect.js";
import { protect } from "../../../compiler/results/protect/index.js";
import { renderHtml, renderCharts, renderMarkdown, renderXlsx, resultsJson } from "../../../compiler/results/report/index.js";
import { resultsFromCounts } from "../../../compiler/results/tables/index.js";

const ms = (t: number) => `${t.toFixed(0)} ms`;

async function simulated(model: PlanModel, url: string, individuals: number): Promise<Engine> {
  const engine = await openEngine(url, { create: true });
  await loadSimulation(engine, model, { individuals, seed: 1 });
  return engine;
}

/** Counting, then tables + protection + audit, on one engine; returns both times. */
async function countAndProtect(model: PlanModel, engine: Engine): Promise<{ count: number; protect: number; hidden: string; results: Awaited<ReturnType<typeof resultsFromCounts>> }> {
  let t0 = performance.now();
  const collected = await collectCounts(model, engine);
  const count = performance.now() - t0;
  t0 = performance.now();
  const results = await resultsFromCounts(model, collected.counts, collected.basis, { lang: model.language, source: engine.kind, protect: (p) => protect(p) });
  const p = results.protection;
  return { count, protect: performance.now() - t0, hidden: `${p.hiddenPrimary} + ${p.hiddenSecondary} of ${p.cells} counts hidden, narrowest range ${p.audit.narrowestRange}`, results };
}

export async function run({ root, tmp }: { root: string; tmp: string }): Promise<void> {
  console.log("results stage (isu report):");
  const ibic = compile(path.join(root, "examples", "hemtjanst_ibic.isu")).model!;
  const INDIVIDUALS = 600;
  for (const kind of ["sqlite", "duckdb"] as const) {
    const file = path.join(tmp, `report-bench.${kind === "sqlite" ? "db" : "duckdb"}`);
    fs.rmSync(file, { force: true });
    const t0 = performance.now();
    const engine = await simulated(ibic, file, INDIVIDUALS);
    const load = performance.now() - t0;
    try {
      const r = await countAndProtect(ibic, engine);
      const t1 = performance.now();
      const charts = await renderCharts(r.results);
      const bytes = [resultsJson(r.results), renderHtml(r.results, charts), renderMarkdown(r.results)].reduce((s, x) => s + x.length, 0) + (await renderXlsx(r.results)).length;
      const render = performance.now() - t1;
      console.log(
        `  IBIC, ${INDIVIDUALS} individuals on ${kind} (loaded in ${ms(load)}): counting ${ms(r.count)}, tables + protection + audit ${ms(r.protect)} (${(r.protect / r.count).toFixed(2)}× the counting; aim ≤ 1 s), files but the PDF ${ms(render)} (${(bytes / 1024 / 1024).toFixed(1)} MiB); ${r.hidden}`,
      );
      console.log(`  whole report without loading and PDF on ${kind}: ${ms(r.count + r.protect + render)}`);
    } finally {
      await engine.close();
    }
  }
}

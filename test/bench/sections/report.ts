// The results stage (issue 8): tables + protection + audit of the IBIC
// example against the time the counting took on the same database in the
// same run, and the whole report but its PDF, at 600 and 100,000 simulated
// individuals on SQLite, DuckDB and a PostgreSQL 15 server (aim: protection
// in about a second at 100,000; the whole report in seconds).
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
import { startPostgresServer } from "../../support/databases.js";
import pg from "pg";

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
  const server = await startPostgresServer();
  if ("unavailable" in server) console.log(`  PostgreSQL server unavailable (${server.unavailable})`);
  try {
    for (const individuals of [600, 100_000]) {
      const urls: [string, () => Promise<string>][] = [
        ["sqlite", async () => path.join(tmp, "report-bench.db")],
        ["duckdb", async () => path.join(tmp, "report-bench.duckdb")],
      ];
      if (!("unavailable" in server))
        urls.push([
          "postgres",
          async () => {
            const admin = new pg.Client({ host: "127.0.0.1", port: server.port, user: "postgres", database: "postgres" });
            await admin.connect();
            await admin.query("DROP DATABASE IF EXISTS isu_report_bench");
            await admin.query("CREATE DATABASE isu_report_bench");
            await admin.end();
            return `postgres://postgres@127.0.0.1:${server.port}/isu_report_bench`;
          },
        ]);
      for (const [kind, url] of urls) {
        const where = await url();
        if (kind !== "postgres") fs.rmSync(where, { force: true });
        const t0 = performance.now();
        const engine = await simulated(ibic, where, individuals);
        const load = performance.now() - t0;
        try {
          const r = await countAndProtect(ibic, engine);
          const t1 = performance.now();
          const charts = await renderCharts(r.results);
          const bytes = [resultsJson(r.results), renderHtml(r.results, charts), renderMarkdown(r.results)].reduce((n, x) => n + x.length, 0) + (await renderXlsx(r.results)).length;
          const render = performance.now() - t1;
          console.log(
            `  IBIC, ${individuals.toLocaleString("en")} individuals on ${kind} (loaded in ${ms(load)}): counting ${ms(r.count)}, tables + protection + audit ${ms(r.protect)} (${(r.protect / r.count).toFixed(2)}× the counting; aim ≤ 1 s at 100,000), files but the PDF ${ms(render)} (${(bytes / 1024 / 1024).toFixed(1)} MiB); ${r.hidden}`,
          );
          console.log(`  whole report without loading and PDF on ${kind}: ${ms(r.count + r.protect + render)}`);
        } finally {
          await engine.close();
        }
        if (kind !== "postgres") fs.rmSync(where, { force: true });
      }
    }
  } finally {
    if (!("unavailable" in server)) server.stop();
  }
}

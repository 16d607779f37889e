// A report's published results from seeded synthetic data, through the whole
// pipeline the product runs (counts queries on a real SQLite database, the
// tables, protection), for tests that judge what is published — the attacker
// above all. The data come from test/support/synthetic.ts, the independent
// generator with skewed small groups, not from the product's simulator.
import { compile } from "../../compiler/compile.js";
import type { PlanModel } from "../../compiler/model/index.js";
import { collectCounts } from "../../compiler/results/collect.js";
import type { Results } from "../../compiler/results/published.js";
import { protect } from "../../compiler/results/protect/index.js";
import { resultsFromCounts } from "../../compiler/results/tables/index.js";
import { openSqlite } from "./databases.js";
import { loadRecords } from "./load-records.js";
import { syntheticRecords } from "./synthetic.js";

const models = new Map<string, PlanModel>();

function modelOf(planPath: string): PlanModel {
  let m = models.get(planPath);
  if (!m) {
    const c = compile(planPath);
    if (!c.model) throw new Error(`${planPath} does not build: ${c.diagnostics.map((d) => d.message).join("; ")}`);
    m = c.model;
    models.set(planPath, m);
  }
  return m;
}

export async function reportFor(planPath: string, individuals: number, seed: number): Promise<Results> {
  const model = modelOf(planPath);
  const db = openSqlite();
  try {
    await loadRecords(db, model, syntheticRecords(model, { individuals, seed }));
    const collected = await collectCounts(model, db);
    return await resultsFromCounts(model, collected.counts, collected.basis, { lang: model.language, source: "sqlite", protect: (p) => protect(p) });
  } finally {
    await db.close();
  }
}

// A report of a plan from simulated individuals through the whole results
// stage — simulate, load into an embedded SQLite database, count with the
// generated queries, roll up, protect — as `isu report --simulate` makes it,
// without the files. The attacker test reads only what it publishes.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compile } from "../../compiler/compile.js";
import { openEngine } from "../../compiler/data/engines/index.js";
import { loadSimulated, simulate } from "../../compiler/data/simulate/index.js";
import { collectCounts } from "../../compiler/results/collect.js";
import { protect } from "../../compiler/results/protect/index.js";
import type { Results } from "../../compiler/results/published.js";
import { resultsFromCounts } from "../../compiler/results/tables/index.js";

export async function reportFor(planPath: string, individuals: number, seed: number): Promise<Results> {
  const compiled = compile(planPath);
  if (!compiled.model) throw new Error(`${planPath} does not compile`);
  const model = compiled.model;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-attack-"));
  try {
    const engine = await openEngine(path.join(dir, "plan.db"), { create: true });
    try {
      await loadSimulated(engine, model, simulate(model, { individuals, seed }));
      const { counts, basis } = await collectCounts(model, engine);
      return await resultsFromCounts(model, counts, basis, { lang: model.language, source: "simulated", protect: (p) => protect(p) });
    } finally {
      await engine.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

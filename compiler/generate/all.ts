// Every generator, in the order `isu build` runs them.
import type { PlanModel } from "../model.js";
import { ddlGenerator } from "./ddl.js";
import { formGenerator } from "./form.js";
import { handbookGenerator } from "./handbook/index.js";
import type { GenerateOptions, Generator, OutputFile } from "./output.js";
import { queriesGenerator } from "./queries.js";
import { recordSchemaGenerator } from "./record-schema.js";

export const GENERATORS: { name: string; run: Generator }[] = [
  { name: "registration form", run: formGenerator },
  { name: "record schemas", run: recordSchemaGenerator },
  { name: "database schema", run: ddlGenerator },
  { name: "aggregation queries", run: queriesGenerator },
  { name: "handbook", run: handbookGenerator },
];

export function generateAll(model: PlanModel, opts: GenerateOptions, progress: (s: string) => void = () => {}): OutputFile[] {
  const out: OutputFile[] = [];
  for (const g of GENERATORS) {
    const t0 = performance.now();
    const files = g.run(model, opts);
    progress(`generated ${g.name} (${files.map((f) => f.path).join(", ")}) in ${Math.round(performance.now() - t0)} ms`);
    out.push(...files);
  }
  const seen = new Set<string>();
  for (const f of out) {
    if (seen.has(f.path)) throw new Error(`two generators wrote ${f.path}`);
    seen.add(f.path);
  }
  return out;
}

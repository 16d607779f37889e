// Every generator, in the order `isu build` runs them.
import type { PlanModel } from "../model/index.js";
import { ddlGenerator } from "./ddl/index.js";
import { formGenerator } from "./form/index.js";
import { handbookGenerator } from "./handbook/index.js";
import { collecting, emitting, type GenerateOptions, type OutputEmitter, type OutputFile, type StreamingGenerator } from "./output.js";
import { emitQueries } from "./queries/index.js";
import { recordSchemaGenerator } from "./record-schema/index.js";

export const GENERATORS: { name: string; run: StreamingGenerator }[] = [
  { name: "registration form", run: emitting(formGenerator) },
  { name: "record schemas", run: emitting(recordSchemaGenerator) },
  { name: "database schema", run: emitting(ddlGenerator) },
  { name: "aggregation queries", run: emitQueries },
  { name: "handbook", run: emitting(handbookGenerator) },
];

/** Runs every generator, handing each piece of each file to emit; no output is held whole. */
export function emitAll(model: PlanModel, opts: GenerateOptions, emit: OutputEmitter, progress: (s: string) => void = () => {}): string[] {
  const seen = new Set<string>();
  for (const g of GENERATORS) {
    const t0 = performance.now();
    const mine: string[] = [];
    g.run(model, opts, (path, chunk) => {
      if (!mine.includes(path)) {
        if (seen.has(path)) throw new Error(`two generators wrote ${path}`);
        seen.add(path);
        mine.push(path);
      }
      emit(path, chunk);
    });
    progress(`generated ${g.name} (${mine.join(", ")}) in ${Math.round(performance.now() - t0)} ms`);
  }
  return [...seen];
}

/** Every output as whole texts (the editor and tests; `isu build` streams through emitAll). */
export function generateAll(model: PlanModel, opts: GenerateOptions, progress: (s: string) => void = () => {}): OutputFile[] {
  const c = collecting();
  emitAll(model, opts, c.emit, progress);
  return c.files();
}

// The counts queries on 100,000 synthetic individuals of the IBIC example, on
// SQLite, PostgreSQL (the real server when the machine has one) and DuckDB,
// against a hand-written single GROUP BY per question on the same engine and
// the same data: the stored columns the question reads, grouped once (plus the
// multiple-choice table joined once where a key has one). Printed as a ratio;
// the aim (issue 8) is at most 1.2×.
import * as fs from "node:fs";
import * as path from "node:path";
import { compile } from "../../../compiler/compile.js";
import { openEngine } from "../../../compiler/data/engines/index.js";
import { countsQuery, basisQuery } from "../../../compiler/generate/queries/index.js";
import { conditionSql } from "../../../compiler/generate/queries/conditions.js";
import { MeasureReader } from "../../../compiler/generate/queries/measures.js";
import { questionGrain } from "../../../compiler/model/grain.js";
import type { MeasureRef, PlanModel, QuestionModel } from "../../../compiler/model/index.js";
import { lookup } from "../../../compiler/model/lookup.js";
import { CHOICE_CODE, INDIVID_KEY, choiceTable } from "../../../compiler/sql/storage.js";
import { DIALECTS, DIALECT_NAMES, type DialectName } from "../../../compiler/sql/dialects/index.js";
import { openSqlite, startPostgresServer } from "../../support/databases.js";
import { loadRecords, type SqlDb } from "../../support/load-records.js";
import { syntheticRecords } from "../../support/synthetic.js";

const INDIVIDUALS = 100_000;
const RUNS = 5;

/** The plain GROUP BY an analyst would write for a question: stored columns, one aggregation. */
function handWritten(model: PlanModel, q: QuestionModel, dialect: DialectName): string[] {
  const d = DIALECTS[dialect];
  const r = new MeasureReader(model, d);
  const grain = questionGrain(model, q);
  const where = q.where ? conditionSql(q.where, r) : undefined;
  const stored = (ref: MeasureRef) => r.column(ref.kind === "group" ? lookup(model).group(ref.name)!.source : ref.name, ref.timepoint);
  const refs = [...grain.dims, ...grain.keys];
  const single = refs.filter((c) => !c.multiple).map((c) => stored(c.ref));
  // A multiple-choice key: whether the individual was registered then, and, once more, the chosen codes.
  const present = refs.filter((c) => c.multiple).map((c) => `CASE WHEN ${r.registration(c.ref.timepoint)}.${d.quote(INDIVID_KEY)} IS NULL THEN 0 ELSE 1 END`);
  const cols = [...single, ...present];
  const from = r.fromClause();
  const filter = where ? `\nWHERE ${where}` : "";
  const out = [`SELECT ${cols.join(", ")}, COUNT(*) AS n\n${from}${filter}\nGROUP BY ${cols.join(", ")}`];
  refs.forEach((c, i) => {
    if (!c.multiple) return;
    const ch = `ch${i}`;
    const join = `JOIN ${d.quote(choiceTable(c.ref.timepoint, c.ref.name))} ${ch} ON ${ch}.${d.quote(INDIVID_KEY)} = i.${d.quote(INDIVID_KEY)}`;
    const g = [...single, `${ch}.${d.quote(CHOICE_CODE)}`];
    out.push(`SELECT ${g.join(", ")}, COUNT(*) AS n\n${from}\n${join}${filter}\nGROUP BY ${g.join(", ")}`);
  });
  return out;
}

/** Every statement once, in ms. */
async function timeOnce(db: SqlDb, statements: string[]): Promise<number> {
  const t0 = performance.now();
  for (const s of statements) await db.query(s);
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Medians over RUNS of each set, the sets run in turn so that a busy machine slows both alike. */
async function timeSets(db: SqlDb, sets: string[][]): Promise<number[]> {
  const ts: number[][] = sets.map(() => []);
  for (let k = 0; k < RUNS; k++) for (const [i, set] of sets.entries()) ts[i]!.push(await timeOnce(db, set));
  return ts.map(median);
}

export async function run({ root, tmp }: { root: string; tmp: string }): Promise<void> {
  const plan = path.join(root, "examples", "hemtjanst_ibic.isu");
  const model = compile(plan).model;
  if (!model) {
    console.log("queries: examples/hemtjanst_ibic.isu does not compile; skipped");
    return;
  }
  const data = syntheticRecords(model, { individuals: INDIVIDUALS, seed: 7 });
  console.log(`counts queries of examples/hemtjanst_ibic.isu (${model.questions.length} questions) on ${INDIVIDUALS.toLocaleString("en")} synthetic individuals, median of ${RUNS} runs in turn:`);
  const report = async (label: string, db: SqlDb & { close(): Promise<void> }) => {
    try {
      const t0 = performance.now();
      await loadRecords(db, model, data);
      const load = performance.now() - t0;
      const counts = model.questions.map((q) => countsQuery(model, q, DIALECTS[db.dialect]).sql);
      const plain = model.questions.flatMap((q) => handWritten(model, q, db.dialect));
      await timeOnce(db, [...counts, ...plain]); // warm-up: caches, plans
      const [a, b, basis] = (await timeSets(db, [counts, plain, [basisQuery(model, DIALECTS[db.dialect]).sql]])) as [number, number, number];
      console.log(
        `  ${label.padEnd(24)} finest grain ${(a / 1000).toFixed(2)} s, hand-written GROUP BY ${(b / 1000).toFixed(2)} s: ${(a / b).toFixed(2)}×; isu_basis ${basis.toFixed(0)} ms (load ${(load / 1000).toFixed(1)} s)`,
      );
    } catch (e) {
      console.log(`  ${label}: ${(e as Error).message.split("\n")[0]}`);
    } finally {
      await db.close();
    }
  };
  await report("SQLite (better-sqlite3)", openSqlite());
  const server = await startPostgresServer();
  if ("unavailable" in server) console.log(`  PostgreSQL server unavailable (${server.unavailable})`);
  else {
    try {
      await report("PostgreSQL 15 server", await server.open());
    } finally {
      server.stop();
    }
  }
  if ((DIALECT_NAMES as string[]).includes("duckdb")) {
    const file = path.join(tmp, "bench.duckdb");
    await report("DuckDB", await openEngine(`duckdb:${file}`, { create: true }));
    fs.rmSync(file, { force: true });
  }
}

// Reading the counts a report is made from: each question's counts query
// (its finest grain, unprotected) and the basis query, run on the plan's
// database. Only counts leave the database; protection comes after.
import { basisQuery, countsQuery } from "../generate/queries/index.js";
import type { CountsRow } from "../model/grain.js";
import type { PlanModel } from "../model/index.js";
import { DIALECTS, type DialectName } from "../sql/dialects/index.js";

export interface CollectedCounts {
  counts: { question: string; rows: CountsRow[] }[];
  basis: CountsRow[];
}

/** Plain values: engines give bigints, Decimals or Dates for some columns. */
function plainRow(row: Record<string, unknown>): CountsRow {
  const out: CountsRow = {};
  for (const [k, v] of Object.entries(row)) {
    if (v === null || v === undefined) out[k] = null;
    else if (typeof v === "number" || typeof v === "string") out[k] = v;
    else if (typeof v === "bigint") out[k] = Number(v);
    else if (typeof v === "boolean") out[k] = v ? "true" : "false";
    else out[k] = String(v);
  }
  return out;
}

/** `n` arrives as text from PostgreSQL's bigint and as a string from some decimals: make counts and values numbers. */
function numeric(row: CountsRow, columns: string[]): CountsRow {
  for (const c of columns) {
    const v = row[c];
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) row[c] = Number(v);
  }
  return row;
}

/** What counting needs of a database engine (data/engines' Engine has it): its dialect and a way to run a query. */
export interface CountingEngine {
  dialect: DialectName;
  query(sql: string): Promise<Record<string, unknown>[]>;
}

export async function collectCounts(model: PlanModel, engine: CountingEngine, progress: (text: string) => void = () => {}): Promise<CollectedCounts> {
  const dialect = DIALECTS[engine.dialect];
  const counts: CollectedCounts["counts"] = [];
  let i = 0;
  for (const q of model.questions) {
    i++;
    const query = countsQuery(model, q, dialect);
    const t0 = performance.now();
    const rows = (await engine.query(query.sql)).map((r) => numeric(plainRow(r), ["n", "value"]));
    counts.push({ question: q.name, rows });
    progress(`counted question ${i}/${model.questions.length} ${q.name} (${rows.length} cells) in ${Math.round(performance.now() - t0)} ms`);
  }
  const basis = (await engine.query(basisQuery(model, dialect).sql)).map((r) => numeric(plainRow(r), ["n"]));
  return { counts, basis };
}

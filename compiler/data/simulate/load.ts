// Simulated records into a new database: the generated DDL for the engine's
// dialect, then every row, in one transaction, so a failure leaves the
// database as empty as it was.
import { generateDdl } from "../../generate/ddl/index.js";
import { storageLayout } from "../../generate/storage-layout.js";
import type { PlanModel } from "../../model/index.js";
import { DIALECTS, type Dialect } from "../../sql/dialects/index.js";
import { CHOICE_CODE, INDIVID_KEY, INDIVID_TABLE, REGISTERED_DATE } from "../../sql/storage.js";
import type { Engine } from "../engines/engine.js";
import { DatabaseError } from "../errors.js";
import { simulateBatches, type SimulatedData, type SimulateOptions } from "./records.js";

export interface LoadProgress {
  table: string;
  /** Rows written so far, over all tables, and how many there are in all. */
  done: number;
  total: number;
}

export interface LoadOptions {
  /** Language of the value-set labels and the plan title stored in the database (the plan's own by default). */
  lang?: string;
  onProgress?: (p: LoadProgress) => void;
}

/** Rows per insert call: often enough for progress, large enough for speed. */
const CHUNK = 20_000;

interface TableRows {
  table: string;
  columns: string[];
  rows: unknown[][];
}

/** The rows of every table the DDL creates and the data fills, in an order the foreign keys accept. */
export function simulatedRows(model: PlanModel, data: SimulatedData): TableRows[] {
  const out: TableRows[] = [{ table: INDIVID_TABLE, columns: [INDIVID_KEY], rows: data.individuals.map((id) => [id]) }];
  for (const layout of storageLayout(model)) {
    const records = data.registrations[layout.timepoint.name] ?? [];
    const columns = layout.columns.map((c) => c.name);
    out.push({ table: layout.table, columns: [INDIVID_KEY, REGISTERED_DATE, ...columns], rows: records.map((r) => [r.individ_id, r.registrerad_datum, ...columns.map((c) => r[c] ?? null)]) });
    for (const ct of layout.choiceTables) {
      const rows: unknown[][] = [];
      for (const r of records) {
        const codes = r[ct.variable.name];
        if (Array.isArray(codes)) for (const code of codes) rows.push([r.individ_id, code]);
      }
      out.push({ table: ct.name, columns: [INDIVID_KEY, CHOICE_CODE], rows });
    }
  }
  return out;
}

/** The DDL without its own BEGIN and COMMIT, to run inside the load's transaction. */
export function ddlInTransaction(model: PlanModel, d: Dialect, lang?: string): string {
  const lines = generateDdl(model, d, lang ?? model.language).split("\n");
  // The statement that opens the script's transaction is the last of its opening ones (after PRAGMAs and SETs).
  const begin = lines.indexOf(`${d.script.begin[d.script.begin.length - 1]}${d.terminator}`);
  const commit = lines.lastIndexOf(`${d.script.commit[d.script.commit.length - 1]}${d.terminator}`);
  if (begin < 0 || commit < 0) throw new Error(`the ${d.title} schema script has no transaction of its own to take out`);
  return lines.filter((_, i) => i !== begin && i !== commit).join("\n");
}

/** Throws a DatabaseError unless the database holds no tables: simulated data never mix with other data. */
export async function checkEmpty(engine: Engine): Promise<void> {
  const existing = await engine.tables();
  if (existing.length === 0) return;
  const shown = existing.slice(0, 5).join(", ") + (existing.length > 5 ? ` and ${existing.length - 5} more` : "");
  const fix = engine.kind === "postgres" ? "use a new, empty database (createdb <name>) or drop these tables" : "use a new file name or delete the file";
  throw new DatabaseError(`${engine.url} already holds tables (${shown}): simulated data go into a new database only; ${fix}`);
}

/** Creates the plan's schema in an empty database and stores the simulated records, all or nothing. */
export async function loadSimulated(engine: Engine, model: PlanModel, data: SimulatedData, opts: LoadOptions = {}): Promise<void> {
  await checkEmpty(engine);
  const tables = simulatedRows(model, data);
  const total = tables.reduce((s, t) => s + t.rows.length, 0);
  let done = 0;
  await engine.transaction(async () => {
    await engine.exec(ddlInTransaction(model, DIALECTS[engine.dialect], opts.lang));
    for (const t of tables) {
      opts.onProgress?.({ table: t.table, done, total });
      for (let i = 0; i < t.rows.length; i += CHUNK) {
        const chunk = t.rows.slice(i, i + CHUNK);
        await engine.insert(t.table, t.columns, chunk);
        done += chunk.length;
        opts.onProgress?.({ table: t.table, done, total });
        await nextTurn();
      }
    }
  });
}

export interface SimulationProgress {
  /** Individuals simulated and stored so far, and how many in all. */
  done: number;
  total: number;
  /** Rows stored so far, over all tables. */
  rows: number;
}

/**
 * Simulates and stores in one go, a batch of individuals at a time
 * (simulateBatches), so memory stays flat however many individuals: the
 * database gets exactly what loadSimulated(simulate(…)) would give it, in one
 * transaction. Resolves with the number of registrations stored.
 */
export async function loadSimulation(
  engine: Engine,
  model: PlanModel,
  sim: SimulateOptions,
  opts: { lang?: string; onProgress?: (p: SimulationProgress) => void } = {},
): Promise<{ registrations: number; rows: number }> {
  await checkEmpty(engine);
  const total = Math.max(0, Math.floor(sim.individuals));
  let done = 0;
  let rows = 0;
  let registrations = 0;
  await engine.transaction(async () => {
    await engine.exec(ddlInTransaction(model, DIALECTS[engine.dialect], opts.lang));
    opts.onProgress?.({ done, total, rows });
    for (const batch of simulateBatches(model, sim)) {
      for (const t of simulatedRows(model, batch)) {
        await engine.insert(t.table, t.columns, t.rows);
        rows += t.rows.length;
      }
      done += batch.individuals.length;
      registrations += Object.values(batch.registrations).reduce((s, r) => s + r.length, 0);
      opts.onProgress?.({ done, total, rows });
      await nextTurn();
    }
  });
  return { registrations, rows };
}

/** Embedded engines insert synchronously: a turn of the event loop between chunks lets a signal (Ctrl-C) be answered. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

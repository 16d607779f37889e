// Loads registration records into a real database through the generated
// schema (generateDdl), exactly as a team's own system would store them: one
// `reg_<tp>` row per record, one child row per multiple-choice code.
// Works on anything that runs SQL in one of the dialects (the test databases,
// compiler/data/engines).
import { generateDdl } from "../../compiler/generate/ddl/index.js";
import { CHOICE_CODE, INDIVID_KEY, INDIVID_TABLE, REGISTERED_DATE } from "../../compiler/sql/storage.js";
import { storageLayout } from "../../compiler/generate/storage-layout.js";
import { DIALECTS, type DialectName } from "../../compiler/sql/dialects/index.js";
import type { PlanModel } from "../../compiler/model/index.js";
import type { RecordValue, SyntheticData } from "./synthetic.js";

const BATCH = 500;

/** A database the loader and the timings need: scripts, queries, and the dialect to write them in. */
export interface SqlDb {
  dialect: DialectName;
  exec(sql: string): Promise<void>;
  query(sql: string): Promise<Record<string, unknown>[]>;
}

function insertStatements(db: SqlDb, table: string, columns: string[], rows: string[][]): string[] {
  const d = DIALECTS[db.dialect];
  const head = `INSERT INTO ${d.quote(table)} (${columns.map(d.quote).join(", ")}) VALUES\n`;
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += BATCH) {
    out.push(
      `${head}${rows
        .slice(i, i + BATCH)
        .map((r) => `(${r.join(", ")})`)
        .join(",\n")};`,
    );
  }
  return out;
}

/** The registration date of a time point's i-th record: spread over 90 days from a day that grows with the time point. */
export function registrationDay(timepoint: string, model: PlanModel, i: number): string {
  const t = model.timepoints.findIndex((x) => x.name === timepoint);
  return new Date(Date.UTC(2025, 0, 1 + 120 * t + ((i * 37) % 90))).toISOString().slice(0, 10);
}

/** Creates the schema and stores the records. */
export async function loadRecords(db: SqlDb, model: PlanModel, data: SyntheticData): Promise<void> {
  const d = DIALECTS[db.dialect];
  await db.exec(generateDdl(model, d));
  const literal = (v: RecordValue | undefined): string => {
    if (v === null || v === undefined) return "NULL";
    if (typeof v === "boolean") return d.booleanLiteral(v);
    if (typeof v === "number") return String(v);
    if (typeof v === "string") return d.string(v);
    throw new Error(`a list cannot be stored in one column: ${JSON.stringify(v)}`);
  };
  const statements: string[] = [
    ...insertStatements(
      db,
      INDIVID_TABLE,
      [INDIVID_KEY],
      data.individuals.map((id) => [d.string(id)]),
    ),
  ];
  for (const layout of storageLayout(model)) {
    const records = data.registrations[layout.timepoint.name] ?? [];
    const columns = layout.columns.map((c) => c.name);
    statements.push(
      ...insertStatements(
        db,
        layout.table,
        [INDIVID_KEY, REGISTERED_DATE, ...columns],
        records.map((r, i) => [d.string(r.individ_id), d.string(registrationDay(layout.timepoint.name, model, i)), ...columns.map((c) => literal(r[c]))]),
      ),
    );
    for (const ct of layout.choiceTables) {
      const rows: string[][] = [];
      for (const r of records) {
        const codes = r[ct.variable.name];
        if (Array.isArray(codes)) for (const code of codes) rows.push([d.string(r.individ_id), literal(code)]);
      }
      statements.push(...insertStatements(db, ct.name, [INDIVID_KEY, CHOICE_CODE], rows));
    }
  }
  await db.exec(["BEGIN;", ...statements, "COMMIT;"].join("\n"));
}

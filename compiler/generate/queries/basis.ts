// The data basis query `isu_basis`: the figures a report opens with, as rows
// (item, timepoint, variable, n):
//   individuals    every individual in `individ` (timepoint and variable NULL);
//   registrations  per time point, the individuals with a registration row;
//   missing        per variable and time point it is recorded at, the
//                  individuals registered then without a usable value (NULL,
//                  a `missing` code; multiple choice: only `missing` codes —
//                  no option chosen is an answer);
//   first_registered, last_registered
//                  per time point with registrations, the earliest and the
//                  latest registration date as the number YYYYMMDD (the
//                  report's period).
// One scan of each registration table; rows in plan order.
import type { PlanModel } from "../../model/index.js";
import { INDIVID_TABLE, REGISTERED_DATE, registrationTable } from "../../sql/storage.js";
import type { Dialect } from "../../sql/dialects/index.js";
import { MeasureReader } from "./measures.js";
import { indent } from "./counts.js";

export const BASIS_ID = "isu_basis";
export const BASIS_COLUMNS = ["item", "timepoint", "variable", "n"] as const;

export interface BasisQuery {
  id: typeof BASIS_ID;
  sql: string;
}

/** SQL over the registration row: 1 when the variable has no usable value, else 0. */
function missingFlag(r: MeasureReader, variable: string, tp: string): string {
  const v = r.variable(variable);
  const col = r.column(v.name, tp);
  if (v.type.kind === "choice") {
    if (v.type.multiple) return `CASE WHEN ${r.present(v, tp)} = 1 THEN 0 ELSE 1 END`;
    const vs = r.valuesetOf(v);
    const answers = r.answerValues(vs).map((x) => r.codeLiteral(vs, x.code));
    // NULL IN (…) is not true: NULL falls to ELSE with the `missing` codes.
    return answers.length ? `CASE WHEN ${col} IN (${answers.join(", ")}) THEN 0 ELSE 1 END` : "1";
  }
  return `CASE WHEN ${col} IS NULL THEN 1 ELSE 0 END`;
}

/** Columns per CTE and terms per UNION ALL, under the engines' limits (PostgreSQL: 1,664 columns; SQLite: 500 compound terms). */
const COLUMNS_PER_SCAN = 200;
const TERMS_PER_UNION = 400;

function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out.length ? out : [[]];
}

export function basisQuery(model: PlanModel, dialect: Dialect): BasisQuery {
  const q = dialect.quote;
  const s = dialect.string;
  const int = (e: string) => `CAST(${e} AS ${dialect.types.integer})`;
  const none = `CAST(NULL AS ${dialect.types.code})`;
  const r = new MeasureReader(model, dialect);
  const ctes: string[] = [];
  // Every term names its columns: any of them may open a UNION.
  const rows: string[] = [];
  const row = (item: string, tp: string, variable: string, n: string, from: string) =>
    rows.push(`SELECT ${item} AS item, ${tp} AS timepoint, ${variable} AS variable, ${n} AS n, ${rows.length} AS ord FROM ${from}`);
  row(s("individuals"), none, none, int("COUNT(*)"), q(INDIVID_TABLE));
  model.timepoints.forEach((tp, t) => {
    const variables = model.variables.filter((v) => v.timepoints.includes(tp.name));
    // One scan per time point for the registrations and up to COLUMNS_PER_SCAN variables; a very large plan scans again.
    chunks(variables, COLUMNS_PER_SCAN).forEach((part, c) => {
      const name = `t${t + 1}_${c + 1}`;
      // Flags read in x, summed outside it: SQL Server allows no subquery (EXISTS) inside SUM.
      const alias = r.registration(tp.name);
      const flags = part.map((v, i) => `${missingFlag(r, v.name, tp.name)} AS f${i + 1}`);
      if (c === 0) flags.push(`${alias}.${q(REGISTERED_DATE)} AS registered`);
      const sums = part.map((_, i) => `${int(`COALESCE(SUM(f${i + 1}), 0)`)} AS m${i + 1}`);
      if (c === 0) sums.push(`${dialect.dayNumber("MIN(registered)")} AS first_day`, `${dialect.dayNumber("MAX(registered)")} AS last_day`);
      const read = `SELECT ${flags.length ? flags.join(",\n  ") : "1 AS f0"}\nFROM ${q(registrationTable(tp.name))} ${alias}`;
      ctes.push(`${name} AS (\n${indent(`SELECT ${[`${int("COUNT(*)")} AS registrations`, ...sums].join(",\n  ")}\nFROM (\n${indent(read)}\n) x`)}\n)`);
      if (c === 0) {
        row(s("registrations"), s(tp.name), none, "registrations", name);
        row(s("first_registered"), s(tp.name), none, "first_day", `${name} WHERE first_day IS NOT NULL`);
        row(s("last_registered"), s(tp.name), none, "last_day", `${name} WHERE last_day IS NOT NULL`);
      }
      part.forEach((v, i) => row(s("missing"), s(tp.name), s(v.name), `m${i + 1}`, name));
    });
  });
  // Long lists of rows are UNIONs of UNIONs, each within the compound limit.
  const unions = chunks(rows, TERMS_PER_UNION).map((part) => part.join("\nUNION ALL "));
  const union = unions.length === 1 ? unions[0]! : unions.map((u, i) => `SELECT item, timepoint, variable, n, ord FROM (\n${indent(u)}\n) u${i + 1}`).join("\nUNION ALL ");
  const sql = `${ctes.length ? `WITH\n${ctes.join(",\n")}\n` : ""}SELECT item, timepoint, variable, n\nFROM (\n${indent(union)}\n) b\nORDER BY ord`;
  return { id: BASIS_ID, sql };
}

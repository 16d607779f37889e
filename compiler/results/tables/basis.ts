// The data basis from the `isu_basis` counts rows (item, timepoint, variable, n):
// individuals, registrations per time point, bortfall per variable and time point,
// and the period: the earliest and the latest registration date of any time point.
import type { PlanModel } from "../../model/index.js";
import { CountsError } from "./cells.js";
import type { BasisFigures, CountsRow } from "./types.js";

function count(row: CountsRow): number {
  const n = Number(row.n);
  if (row.n === null || row.n === "" || !Number.isInteger(n) || n < 0)
    throw new CountsError(`the basis counts (isu_basis) hold n = '${String(row.n)}', not a whole number ≥ 0. Run the basis query of this plan's queries.<dialect>.sql again.`);
  return n;
}

/** A registration date given as the number YYYYMMDD, as YYYY-MM-DD. */
function day(row: CountsRow): string {
  const text = String(row.n ?? "");
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const date = m ? new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`) : undefined;
  if (!m || !date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== `${m[1]}-${m[2]}-${m[3]}`)
    throw new CountsError(
      `the basis counts (isu_basis) hold the date '${text}' (item ${String(row.item)}), not a day written YYYYMMDD. Run the basis query of this plan's queries.<dialect>.sql again.`,
    );
  return `${m[1]}-${m[2]}-${m[3]}`;
}

export function readBasis(model: PlanModel, rows: CountsRow[]): BasisFigures {
  const tpOrder = new Map(model.timepoints.map((t) => [t.name, t.order]));
  const varOrder = new Map(model.variables.map((v, i) => [v.name, i]));
  const unknown = (what: string) => new CountsError(`the basis counts (isu_basis) name ${what}, which this plan does not have: were they made from another version of the plan?`);
  let individuals: number | undefined;
  const registrations: BasisFigures["registrations"] = [];
  const missing: BasisFigures["missing"] = [];
  const days: string[] = [];
  for (const row of rows) {
    const item = String(row.item);
    const tp = row.timepoint === null || row.timepoint === undefined ? "" : String(row.timepoint);
    if (item === "individuals") individuals = count(row);
    else if (item === "registrations") {
      if (!tpOrder.has(tp)) throw unknown(`the time point '${tp}'`);
      registrations.push({ timepoint: tp, n: count(row) });
    } else if (item === "missing") {
      const variable = String(row.variable);
      if (!varOrder.has(variable)) throw unknown(`the variable '${variable}'`);
      if (!tpOrder.has(tp)) throw unknown(`the time point '${tp}'`);
      missing.push({ variable, timepoint: tp, n: count(row) });
    } else if (item === "first_registered" || item === "last_registered") {
      if (!tpOrder.has(tp)) throw unknown(`the time point '${tp}'`);
      days.push(day(row));
    } else throw new CountsError(`the basis counts (isu_basis) hold an item '${item}' (expected individuals, registrations, missing, first_registered or last_registered)`);
  }
  if (individuals === undefined) throw new CountsError("the basis counts (isu_basis) have no 'individuals' row. Run the basis query of this plan's queries.<dialect>.sql again.");
  // Time points without a registration row have none.
  for (const t of model.timepoints) if (!registrations.some((r) => r.timepoint === t.name)) registrations.push({ timepoint: t.name, n: 0 });
  registrations.sort((a, b) => tpOrder.get(a.timepoint)! - tpOrder.get(b.timepoint)!);
  missing.sort((a, b) => varOrder.get(a.variable)! - varOrder.get(b.variable)! || tpOrder.get(a.timepoint)! - tpOrder.get(b.timepoint)!);
  days.sort();
  return { individuals, registrations, missing, ...(days.length ? { period: { from: days[0]!, to: days[days.length - 1]! } } : {}) };
}

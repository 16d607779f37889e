// The data basis from the `isu_basis` counts rows (item, timepoint, variable, n):
// individuals, registrations per time point, bortfall per variable and time point.
import type { PlanModel } from "../../model/index.js";
import { CountsError } from "./cells.js";
import type { BasisFigures, CountsRow } from "./types.js";

function count(row: CountsRow): number {
  const n = Number(row.n);
  if (row.n === null || row.n === "" || !Number.isInteger(n) || n < 0)
    throw new CountsError(`the basis counts (isu_basis) hold n = '${String(row.n)}', not a whole number ≥ 0. Run the basis query of this plan's queries.<dialect>.sql again.`);
  return n;
}

export function readBasis(model: PlanModel, rows: CountsRow[]): BasisFigures {
  const tpOrder = new Map(model.timepoints.map((t) => [t.name, t.order]));
  const varOrder = new Map(model.variables.map((v, i) => [v.name, i]));
  const unknown = (what: string) => new CountsError(`the basis counts (isu_basis) name ${what}, which this plan does not have: were they made from another version of the plan?`);
  let individuals: number | undefined;
  const registrations: BasisFigures["registrations"] = [];
  const missing: BasisFigures["missing"] = [];
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
    } else throw new CountsError(`the basis counts (isu_basis) hold an item '${item}' (expected individuals, registrations or missing)`);
  }
  if (individuals === undefined) throw new CountsError("the basis counts (isu_basis) have no 'individuals' row. Run the basis query of this plan's queries.<dialect>.sql again.");
  // Time points without a registration row have none.
  for (const t of model.timepoints) if (!registrations.some((r) => r.timepoint === t.name)) registrations.push({ timepoint: t.name, n: 0 });
  registrations.sort((a, b) => tpOrder.get(a.timepoint)! - tpOrder.get(b.timepoint)!);
  missing.sort((a, b) => varOrder.get(a.variable)! - varOrder.get(b.variable)! || tpOrder.get(a.timepoint)! - tpOrder.get(b.timepoint)!);
  return { individuals, registrations, missing };
}

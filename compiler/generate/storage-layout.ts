// The storage layout every SQL-facing output shares: which variable lands in
// which table and column. The DDL states it; queries, record loaders and
// tests read the same answers from here instead of re-deriving them.
import type { PlanModel, TimepointModel, ValuesetModel, VariableModel } from "../model/index.js";
import { choiceTable, registrationTable } from "../sql/storage.js";
import { lookup } from "../model/lookup.js";

/** A column of `reg_<tp>` that holds one variable's answer, or the free-text description after an `other` value. */
export type RegistrationColumn = { kind: "value"; name: string; variable: VariableModel } | { kind: "otherDescription"; name: string; variable: VariableModel };

export interface ChoiceTable {
  name: string;
  variable: VariableModel;
  valueset: ValuesetModel;
}

export interface RegistrationLayout {
  timepoint: TimepointModel;
  table: string;
  /** Variable columns after individ_id and registrerad_datum, in plan order. */
  columns: RegistrationColumn[];
  /** Child tables for the multiple-choice variables recorded at this time point. */
  choiceTables: ChoiceTable[];
}

export function valuesetOf(model: PlanModel, v: VariableModel): ValuesetModel | undefined {
  return v.type.kind === "choice" ? lookup(model).valueset(v.type.valueset) : undefined;
}

/** One layout per time point, in plan order. */
export function storageLayout(model: PlanModel): RegistrationLayout[] {
  return model.timepoints.map((tp) => {
    const columns: RegistrationColumn[] = [];
    const choiceTables: ChoiceTable[] = [];
    for (const v of model.variables) {
      if (!v.timepoints.includes(tp.name)) continue;
      if (v.type.kind === "choice" && v.type.multiple) {
        const valueset = valuesetOf(model, v);
        if (valueset) choiceTables.push({ name: choiceTable(tp.name, v.name), variable: v, valueset });
      } else {
        columns.push({ kind: "value", name: v.name, variable: v });
      }
      // A declared description is a variable of its own and gets its column above.
      if (v.otherDescription && !v.otherDescription.declared) columns.push({ kind: "otherDescription", name: v.otherDescription.name, variable: v });
    }
    return { timepoint: tp, table: registrationTable(tp.name), columns, choiceTables };
  });
}

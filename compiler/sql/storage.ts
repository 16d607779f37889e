// The storage layout every SQL-facing output shares: table and column names
// and which variable lands where. The DDL states it; queries, record loaders
// and tests can read the same answers from here instead of re-deriving them.
import type { PlanModel, TimepointModel, ValuesetModel, VariableModel } from "../model/index.js";

export const INDIVID_TABLE = "individ";
/** The pseudonymous key: never a personnummer. */
export const INDIVID_KEY = "individ_id";
export const REGISTERED_DATE = "registrerad_datum";
/** Column of a multiple-choice child table that holds one chosen code. */
export const CHOICE_CODE = "code";
/** Which plan (and version) the database was created from. */
export const PLAN_TABLE = "isu_plan";

export const lookupTable = (valueset: string): string => `vs_${valueset}`;
export const registrationTable = (timepoint: string): string => `reg_${timepoint}`;
export const choiceTable = (timepoint: string, variable: string): string => `reg_${timepoint}__${variable}`;

/** Columns of every `vs_<valueset>` table, in order. */
export const LOOKUP_COLUMNS = ["code", "label", "sort_order", "is_missing", "is_other", "definition"] as const;

/** A column of `reg_<tp>` that holds one variable's answer, or the free-text description after an `other` value. */
export type RegistrationColumn =
  | { kind: "value"; name: string; variable: VariableModel }
  | { kind: "otherDescription"; name: string; variable: VariableModel };

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
  return v.type.kind === "choice" ? model.valuesets.find((s) => s.name === (v.type as { valueset: string }).valueset) : undefined;
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

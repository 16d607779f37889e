// The names every SQL-facing output shares: tables and fixed columns. The
// checks (reserved names) and the generators read them from here; which
// variable lands in which column is generate/storage-layout.ts's.

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

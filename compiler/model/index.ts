// The resolved, typed plan: the only input generators see (its types; it is
// built by build.ts from a plan that checks without errors, so every name resolves).
import type { Diagnostic } from "../syntax/diagnostic.js";

/**
 * A plan text with its translations, by language code. The plan's own
 * language is always present: a text the plan does not write in its own
 * language is absent from the model, whatever its translations.
 */
export type Localized = Record<string, string>;

export interface ClassificationModel {
  system: "icf" | "ksi" | "kva" | string;
  version?: string;
  code: string;
}

export interface TimepointModel {
  name: string;
  label: Localized;
  /** `when` with its translations (`when en "…"`). */
  when?: Localized;
  definition?: Localized;
  /** 0-based position in plan order. */
  order: number;
}

export interface ValueModel {
  code: string;
  label: Localized;
  definition?: Localized;
  /** 1-based position in the value set (the scale order for ordinal sets). */
  order: number;
  other: boolean;
  /** Missing-value codes (ICF 8/9, "vet ej", "vill ej svara") never count as scale values. */
  missing: boolean;
  classifications: ClassificationModel[];
}

export interface ValuesetModel {
  name: string;
  label: Localized;
  definition?: Localized;
  scale: "nominal" | "ordinal";
  /** Which end of an ordinal scale is better. */
  direction?: "higher" | "lower";
  /** "integer" when every code is a whole number, else "text". */
  codeType: "integer" | "text";
  values: ValueModel[];
}

export type VariableType = { kind: "choice"; valueset: string; multiple: boolean } | { kind: "integer" | "decimal"; min?: number; max?: number } | { kind: "boolean" | "date" | "text" };

export interface OtherDescription {
  /** Field/column name of the description, e.g. `kon_annat`. */
  name: string;
  label: Localized;
  /** Codes that require the description. */
  codes: string[];
  /** true when the plan declares the description as its own text variable. */
  declared: boolean;
}

export interface VariableModel {
  name: string;
  label: Localized;
  type: VariableType;
  /** The unit with its translations (`unit en "…"` in the variable's block). */
  unit?: Localized;
  timepoints: string[];
  definition?: Localized;
  classifications: ClassificationModel[];
  required: boolean;
  /** Sensitive-data categories (GDPR art. 9/10): health, ethnicity, religion, sexual_life, criminal … */
  sensitive: string[];
  /** The field is asked only when this holds. */
  condition?: ConditionModel;
  /**
   * The condition as read at each time point the variable is recorded at: a
   * subject without `at` is read from its latest record at or before that time
   * point (`condition` is the reading at the first one).
   */
  conditionAt?: Record<string, ConditionModel>;
  /** `reason` with its translations (`reason en "…"`). */
  reason?: Localized;
  /** For choice variables whose value set has `other` values. */
  otherDescription?: OtherDescription;
  /** Names of questions that read this variable. */
  usedBy: string[];
}

export interface GroupEntryModel {
  /** The group's code for this entry (its name, or its 1-based position). */
  code: string;
  label: Localized;
  order: number;
  /** Numeric band, inclusive at both ends for integers; low inclusive, high exclusive for decimals. */
  low?: number;
  high?: number;
  /** Source codes mapped to this entry. */
  values?: string[];
}

export interface GroupModel {
  name: string;
  label: Localized;
  source: string;
  /** Explicit time point of the source, if the plan fixes one. */
  sourceTimepoint?: string;
  kind: "bands" | "codes";
  entries: GroupEntryModel[];
}

/** A variable or group read at one time point. */
export interface MeasureRef {
  kind: "variable" | "group";
  name: string;
  timepoint: string;
}

export type ConditionModel =
  | { kind: "or" | "and"; parts: ConditionModel[] }
  | { kind: "not"; operand: ConditionModel }
  | { kind: "compare"; subject: MeasureRef; op: "=" | "!=" | "<" | "<=" | ">" | ">=" | "in"; values: (string | number | boolean)[]; low?: number; high?: number };

export type AnalysisModel =
  | { kind: "count"; target: MeasureRef }
  | { kind: "summary"; target: MeasureRef }
  | { kind: "crosstab"; row: MeasureRef; column: MeasureRef }
  | { kind: "change"; variable: string; from: string; to: string }
  | { kind: "attainment"; target: MeasureRef; goal: MeasureRef };

export interface SplitModel {
  /** Stable id for query names: `kon`, `kon_x_aldersgrupp`. */
  id: string;
  parts: MeasureRef[];
}

/**
 * A question's reference level ("önskat läge"), to relate the result to.
 * `share`: a percentage, of those who reach the goal (attainment) or who
 * improve (change); `value`: a mean, in the summarised variable's unit.
 */
export interface ReferenceModel {
  kind: "share" | "value";
  /** As written: 60 for 60 %. */
  value: number;
  label: Localized;
  source?: Localized;
}

export interface QuestionModel {
  name: string;
  label: Localized;
  analysis: AnalysisModel;
  splits: SplitModel[];
  where?: ConditionModel;
  notes: string[];
  reference?: ReferenceModel;
  /** Time points the analysis reads, in plan order. */
  reads: string[];
}

export interface PlanModel {
  name: string;
  title: Localized;
  organisation?: string;
  version?: string;
  language: string;
  /** Languages every label promises a translation into. */
  translations: string[];
  minCell: number;
  /** Expected number of individuals, when stated. */
  expected?: number;
  /** `purpose`, each note and each legal basis, with their translations (`note en "…"`). */
  purpose?: Localized;
  notes: Localized[];
  legalBasis: Localized[];
  timepoints: TimepointModel[];
  valuesets: ValuesetModel[];
  variables: VariableModel[];
  groups: GroupModel[];
  questions: QuestionModel[];
  /** Warnings and information the checker left open; the handbook lists them. */
  openDiagnostics: Diagnostic[];
  /** Source files, root last. */
  files: string[];
}

/** A label in the wanted language, falling back to the plan's own. */
export function tr(l: Localized | undefined, lang: string, planLanguage: string): string {
  if (!l) return "";
  return l[lang] ?? l[planLanguage] ?? Object.values(l)[0] ?? "";
}

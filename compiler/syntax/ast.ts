// The abstract syntax tree of one .isu file. Every node keeps its source
// range; names keep their own range so rename and go-to-definition can be exact.

export interface Position {
  /** 0-based UTF-16 offset into the file. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
}

/** A half-open range [start, end). */
export interface Range {
  start: Position;
  end: Position;
}

export interface Name {
  text: string;
  range: Range;
}

export interface TextLit {
  value: string;
  range: Range;
  triple: boolean;
}

export interface Translation {
  lang: Name;
  text: TextLit;
  range: Range;
}

/**
 * A text with its translations: a declaration's label (with its `label en "…"`
 * lines), a definition, a time point's `when`, a variable's unit or reason,
 * the plan's purpose, a note, a legal basis. The one shape the checks, the
 * hover and the model read; the model makes it a `Localized`.
 */
export interface LocalizedText {
  /** The untagged text, in the plan's language: the one that counts where several are written (the first; for `reason` and `unit`, the last, as a later line replaces an earlier one). */
  text?: TextLit;
  /** The other untagged texts, in source order. They count for nothing, but a second `definition "…"` is still shown on hover. */
  repeated: TextLit[];
  /** `… en "…"`, in source order; one in the plan's own language is ignored where the untagged text is given. */
  translations: Translation[];
  /** Covering all of them; for a label written nowhere, the empty range after the declaration's name (where it would go). */
  range: Range;
}

/** A value's or a group entry's label: the grammar requires its untagged text. */
export type RequiredText = LocalizedText & { text: TextLit };

export interface Classification {
  kind: "Classification";
  system: Name;
  version?: { value: string; range: Range };
  code: TextLit;
  range: Range;
}

export interface NumberLit {
  value: number;
  raw: string;
  range: Range;
}

export interface RangeLit {
  low?: NumberLit;
  high?: NumberLit;
  range: Range;
}

export type ValueLit =
  { kind: "number"; value: number; raw: string; range: Range } | { kind: "code"; value: string; raw: string; range: Range } | { kind: "boolean"; value: boolean; raw: string; range: Range };

export interface FileAst {
  kind: "File";
  declarations: Declaration[];
  range: Range;
}

export type Declaration = ImportDecl | PlanDecl | TimepointDecl | ValuesetDecl | VariableDecl | GroupDecl | QuestionDecl;

export interface ImportDecl {
  kind: "Import";
  path: TextLit;
  range: Range;
}

/**
 * One line of the plan block, as written. The texts among them (the title's
 * `label en`, `purpose`, `note`, `legal_basis`, with or without a language) are
 * also gathered as LocalizedTexts on the PlanDecl; the lines stay here for the
 * checks about lines (a setting given twice, and its removal) and the hover.
 */
export type PlanSetting =
  | { key: "organisation" | "version"; text: TextLit; range: Range; keyRange: Range }
  /** `purpose """…"""`, `note en "…"`: the language makes it a translation. */
  | { key: "purpose" | "note" | "legal_basis"; lang?: Name; text: TextLit; range: Range; keyRange: Range }
  | { key: "language"; lang: Name; range: Range; keyRange: Range }
  | { key: "translations"; langs: Name[]; range: Range; keyRange: Range }
  | { key: "timepoints"; names: Name[]; range: Range; keyRange: Range }
  | { key: "min_cell" | "expected"; number: NumberLit; range: Range; keyRange: Range }
  | { key: "rule"; rule: Name; severity: Name; range: Range; keyRange: Range }
  /** `label en "…"`: a translation of the plan's title. */
  | { key: "label"; lang: Name; text: TextLit; range: Range; keyRange: Range };

export interface PlanDecl {
  kind: "Plan";
  name: Name;
  /** The title: the text after the name, with the `label en "…"` settings. */
  label: LocalizedText;
  /** Every `purpose` line: the first untagged one, and each `purpose en` wherever it stands. */
  purpose?: LocalizedText;
  /** Each untagged `note`, with the `note en "…"` lines after it (before the next untagged one); a translation before any note translates nothing. */
  notes: LocalizedText[];
  /** Each untagged `legal_basis`, with its translations, as for notes. */
  legalBases: LocalizedText[];
  settings: PlanSetting[];
  range: Range;
}

export interface TimepointDecl {
  kind: "Timepoint";
  name: Name;
  label: LocalizedText;
  /** `when "…"` and `when en "…"`. */
  when?: LocalizedText;
  definition?: LocalizedText;
  range: Range;
}

export interface ValueDecl {
  kind: "Value";
  code: { kind: "number" | "code"; value: string; range: Range };
  label: RequiredText;
  other?: Range;
  missing?: Range;
  definition?: LocalizedText;
  classifications: Classification[];
  range: Range;
}

export interface ValuesetDecl {
  kind: "Valueset";
  name: Name;
  label: LocalizedText;
  scale?: { value: "nominal" | "ordinal"; range: Range };
  direction?: { value: "higher" | "lower"; range: Range };
  values: ValueDecl[];
  definition?: LocalizedText;
  range: Range;
}

/** `unit "…"` in a type is the type as written (hover shows it); the variable's unit, with its translations, is VariableDecl.unit. */
export type TypeRef =
  | { kind: "valueset"; multiple: boolean; valueset: Name; range: Range; unit?: TextLit }
  | { kind: "integer" | "decimal"; bounds?: RangeLit; range: Range; unit?: TextLit }
  | { kind: "boolean" | "date" | "text"; range: Range; unit?: TextLit };

export interface VariableDecl {
  kind: "Variable";
  name: Name;
  label: LocalizedText;
  type: TypeRef;
  timepoints: Name[];
  /** Range of the `at …` list, when present. */
  atRange?: Range;
  definition?: LocalizedText;
  classifications: Classification[];
  required?: { value: boolean; range: Range };
  sensitive: Name[];
  condition?: Condition;
  reason?: LocalizedText;
  /** The unit: written in the type (which then counts) or as `unit "…"` lines, with `unit en "…"`. */
  unit?: LocalizedText;
  range: Range;
}

export interface VarRef {
  name: Name;
  timepoint?: Name;
  range: Range;
}

export interface GroupEntry {
  name?: Name;
  label: RequiredText;
  band?: RangeLit;
  values: ValueLit[];
  range: Range;
}

export interface GroupDecl {
  kind: "Group";
  name: Name;
  label: LocalizedText;
  source: VarRef;
  entries: GroupEntry[];
  range: Range;
}

export type Analysis =
  | { kind: "count"; target: VarRef; range: Range }
  | { kind: "summary"; target: VarRef; range: Range }
  | { kind: "crosstab"; target: VarRef; other: VarRef; range: Range }
  | { kind: "change"; variable: Name; from: Name; to: Name; range: Range }
  | { kind: "attainment"; target: VarRef; goal: VarRef; range: Range };

export interface Split {
  parts: VarRef[];
  range: Range;
}

/** One `reference …` line of a question: the level (`reference 60 % "…"`) or a translation of its texts (`reference en "…"`). */
export interface ReferenceLine {
  /** The number, on the line that states the level. */
  value?: NumberLit;
  /** The `%` after it: the level is a share. */
  percent?: Range;
  /** The language, on a translation line. */
  lang?: Name;
  label: TextLit;
  source?: TextLit;
  range: Range;
}

/**
 * A question's reference level ("önskat läge"): the first line with a number,
 * its label and source with the translation lines. Later lines with a number
 * are kept in `lines` for the checks.
 */
export interface Reference {
  value: NumberLit;
  percent?: Range;
  label: LocalizedText;
  source?: LocalizedText;
  range: Range;
}

export interface QuestionDecl {
  kind: "Question";
  name: Name;
  label: LocalizedText;
  analyses: Analysis[];
  splits: Split[];
  where: Condition[];
  notes: TextLit[];
  /** Every `reference` line, in source order. */
  referenceLines: ReferenceLine[];
  reference?: Reference;
  range: Range;
}

export type ComparisonOp = "=" | "!=" | "<" | "<=" | ">" | ">=" | "in";

export type Condition =
  | { kind: "or"; parts: Condition[]; range: Range }
  | { kind: "and"; parts: Condition[]; range: Range }
  | { kind: "not"; operand: Condition; range: Range }
  | { kind: "compare"; subject: VarRef; op: ComparisonOp; values: ValueLit[]; band?: RangeLit; range: Range };

/** Comments, kept for the formatter and for folding. */
export interface Comment {
  text: string;
  block: boolean;
  range: Range;
}

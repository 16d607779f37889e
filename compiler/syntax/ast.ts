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

export interface Definition {
  lang?: Name;
  text: TextLit;
  range: Range;
}

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

export type PlanSetting =
  | { key: "organisation" | "version" | "purpose" | "note" | "legal_basis"; text: TextLit; range: Range; keyRange: Range }
  | { key: "language"; lang: Name; range: Range; keyRange: Range }
  | { key: "translations"; langs: Name[]; range: Range; keyRange: Range }
  | { key: "timepoints"; names: Name[]; range: Range; keyRange: Range }
  | { key: "min_cell" | "expected"; number: NumberLit; range: Range; keyRange: Range }
  | { key: "rule"; rule: Name; severity: Name; range: Range; keyRange: Range }
  | { key: "label"; translation: Translation; range: Range; keyRange: Range }
  /** `purpose en """…"""`, `note en "…"`, `legal_basis en "…"`: a translation of the untagged text
   * (for a note or legal basis: of the nearest untagged one before it). */
  | { key: "text_translation"; of: "purpose" | "note" | "legal_basis"; translation: Translation; range: Range; keyRange: Range };

export interface PlanDecl {
  kind: "Plan";
  name: Name;
  label?: TextLit;
  settings: PlanSetting[];
  range: Range;
}

export interface TimepointDecl {
  kind: "Timepoint";
  name: Name;
  label?: TextLit;
  when?: TextLit;
  /** `when en "…"`: translations of `when`. */
  whenTranslations?: Translation[];
  translations: Translation[];
  definitions: Definition[];
  range: Range;
}

export interface ValueDecl {
  kind: "Value";
  code: { kind: "number" | "code"; value: string; range: Range };
  label: TextLit;
  other?: Range;
  missing?: Range;
  translations: Translation[];
  definitions: Definition[];
  classifications: Classification[];
  range: Range;
}

export interface ValuesetDecl {
  kind: "Valueset";
  name: Name;
  label?: TextLit;
  scale?: { value: "nominal" | "ordinal"; range: Range };
  direction?: { value: "higher" | "lower"; range: Range };
  values: ValueDecl[];
  translations: Translation[];
  definitions: Definition[];
  range: Range;
}

export type TypeRef =
  | { kind: "valueset"; multiple: boolean; valueset: Name; range: Range; unit?: TextLit }
  | { kind: "integer" | "decimal"; bounds?: RangeLit; range: Range; unit?: TextLit }
  | { kind: "boolean" | "date" | "text"; range: Range; unit?: TextLit };

export interface VariableDecl {
  kind: "Variable";
  name: Name;
  label?: TextLit;
  type: TypeRef;
  timepoints: Name[];
  /** Range of the `at …` list, when present. */
  atRange?: Range;
  definitions: Definition[];
  translations: Translation[];
  classifications: Classification[];
  required?: { value: boolean; range: Range };
  sensitive: Name[];
  condition?: Condition;
  reason?: TextLit;
  unit?: TextLit;
  /** `reason en "…"`, `unit en "…"`: translations of `reason` and of the unit. */
  reasonTranslations?: Translation[];
  unitTranslations?: Translation[];
  range: Range;
}

export interface VarRef {
  name: Name;
  timepoint?: Name;
  range: Range;
}

export interface GroupEntry {
  name?: Name;
  label: TextLit;
  band?: RangeLit;
  values: ValueLit[];
  translations: Translation[];
  range: Range;
}

export interface GroupDecl {
  kind: "Group";
  name: Name;
  label?: TextLit;
  source: VarRef;
  entries: GroupEntry[];
  translations: Translation[];
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

export interface QuestionDecl {
  kind: "Question";
  name: Name;
  label?: TextLit;
  analyses: Analysis[];
  splits: Split[];
  where: Condition[];
  translations: Translation[];
  notes: TextLit[];
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

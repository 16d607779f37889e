// The registration form (form.json): per time point, the fields a registrar
// fills in, with labels, help, options and the conditions that show them.
// The format is published as schemas/form.schema.json; record schemas are
// derived from the same fields so the two never disagree.
import { jsonText } from "../json.js";
import { tr, type ClassificationModel, type ConditionModel, type GroupModel, type PlanModel, type ValuesetModel, type VariableModel } from "../../model/index.js";
import type { GenerateOptions, Generator } from "../output.js";

export const FORM_FORMAT = "isu-form";
export const FORM_FORMAT_VERSION = 1;

/** A stored code: a number for value sets whose codes are all whole numbers, else a string. */
export type Code = string | number;

export type FieldType = "choice" | "multiple" | "integer" | "decimal" | "boolean" | "date" | "text";

export interface FormOption {
  code: Code;
  label: string;
  definition?: string;
  order: number;
  missing: boolean;
  other: boolean;
  classifications: ClassificationModel[];
}

export type CompareOp = "=" | "!=" | "<" | "<=" | ">" | ">=";

/** A test of one field's answer; false while that field is unanswered. */
export type FormComparison = { field: string; timepoint: string; op: CompareOp; value: Code | boolean } | { field: string; timepoint: string; op: "in"; values: (Code | boolean)[] };

export type FormCondition = { all: FormCondition[] } | { any: FormCondition[] } | { not: FormCondition } | FormComparison;

export interface FormField {
  name: string;
  label: string;
  help?: string;
  type: FieldType;
  required: boolean;
  valueset?: string;
  options?: FormOption[];
  unit?: string;
  min?: number;
  max?: number;
  classifications: ClassificationModel[];
  sensitive: string[];
  visibleWhen?: FormCondition;
  /** On a choice field: the field that describes an `other` answer. */
  otherDescription?: string;
  /** On a description field: the choice field and codes it describes. */
  describesOther?: { field: string; codes: Code[] };
  reason?: string;
}

export interface FormTimepoint {
  name: string;
  label: string;
  when?: string;
  help?: string;
  order: number;
  recordSchema: string;
  fields: FormField[];
}

export interface FormValueset {
  name: string;
  label: string;
  definition?: string;
  scale: "nominal" | "ordinal";
  direction?: "higher" | "lower";
  codeType: "integer" | "text";
  options: FormOption[];
}

export interface Form {
  format: typeof FORM_FORMAT;
  formatVersion: typeof FORM_FORMAT_VERSION;
  language: string;
  plan: { name: string; title: string; version?: string; organisation?: string; language: string; purpose?: string; legalBasis: string[] };
  valuesets: FormValueset[];
  timepoints: FormTimepoint[];
}

export function recordSchemaFile(timepoint: string): string {
  return `record.${timepoint}.schema.json`;
}

/** A value-set code as stored: numeric for integer-coded sets. */
export function storedCode(vs: ValuesetModel, code: string | number | boolean): Code {
  return vs.codeType === "integer" ? Number(code) : String(code);
}

// Builds conditions in terms of fields: groups become tests on their source
// variable, and numeric tests on coded answers become explicit code lists, so
// a form engine needs no knowledge of groups or of which codes are `missing`.
class ConditionBuilder {
  private readonly variables: Map<string, VariableModel>;
  private readonly valuesets: Map<string, ValuesetModel>;
  private readonly groups: Map<string, GroupModel>;

  constructor(model: PlanModel) {
    this.variables = new Map(model.variables.map((v) => [v.name, v]));
    this.valuesets = new Map(model.valuesets.map((v) => [v.name, v]));
    this.groups = new Map(model.groups.map((g) => [g.name, g]));
  }

  build(c: ConditionModel): FormCondition {
    switch (c.kind) {
      case "and":
        return all(c.parts.map((p) => this.build(p)));
      case "or":
        return any(c.parts.map((p) => this.build(p)));
      case "not":
        return { not: this.build(c.operand) };
      case "compare": {
        const test: Test = { op: c.op, values: c.values };
        if (c.low !== undefined) test.low = c.low;
        if (c.high !== undefined) test.high = c.high;
        const group = c.subject.kind === "group" ? this.groups.get(c.subject.name) : undefined;
        if (group) return this.onGroup(group, c.subject.timepoint, test);
        return this.onVariable(this.variable(c.subject.name), c.subject.timepoint, test);
      }
    }
  }

  private variable(name: string): VariableModel {
    const v = this.variables.get(name);
    if (!v) throw new Error(`the plan model has a condition on '${name}', which is not a variable`);
    return v;
  }

  valuesetOf(v: VariableModel): ValuesetModel | undefined {
    return v.type.kind === "choice" ? this.valuesets.get(v.type.valueset) : undefined;
  }

  onVariable(v: VariableModel, timepoint: string, t: Test): FormCondition {
    const field = v.name;
    const vs = this.valuesetOf(v);
    if (vs) {
      if (t.op === "=" || t.op === "!=") return { field, timepoint, op: t.op, value: storedCode(vs, t.values[0]!) };
      if (t.op === "in" && t.values.length > 0) return { field, timepoint, op: "in", values: t.values.map((x) => storedCode(vs, x)) };
      // A numeric test on codes: list the scale codes it selects (never `missing` ones).
      const codes = vs.values.filter((x) => !x.missing && numericTest(t)(Number(x.code))).map((x) => storedCode(vs, x.code));
      return { field, timepoint, op: "in", values: codes };
    }
    if (t.op === "in") {
      if (t.values.length > 0) return { field, timepoint, op: "in", values: t.values };
      return bandCondition(field, timepoint, t.low, t.high, true);
    }
    return { field, timepoint, op: t.op, value: t.values[0]! };
  }

  private onGroup(g: GroupModel, timepoint: string, t: Test): FormCondition {
    const source = this.variable(g.source);
    const chosen = (code: string): boolean => {
      if (t.op === "=") return code === String(t.values[0]);
      // A group answer differs from an entry when it falls in another entry.
      if (t.op === "!=") return code !== String(t.values[0]);
      if (t.op === "in" && t.values.length > 0) return t.values.some((v) => String(v) === code);
      return numericTest(t)(Number(code));
    };
    const entries = g.entries.filter((e) => chosen(e.code));
    return any(
      entries.map((e) => {
        if (e.values) return this.onVariable(source, timepoint, { op: "in", values: e.values });
        // Integer bands are inclusive at both ends; decimal bands exclude their upper end.
        return bandCondition(source.name, timepoint, e.low, e.high, source.type.kind !== "decimal");
      }),
    );
  }
}

interface Test {
  op: CompareOp | "in";
  values: (string | number | boolean)[];
  low?: number;
  high?: number;
}

function numericTest(t: Test): (n: number) => boolean {
  const v = Number(t.values[0]);
  switch (t.op) {
    case "<":
      return (n) => n < v;
    case "<=":
      return (n) => n <= v;
    case ">":
      return (n) => n > v;
    case ">=":
      return (n) => n >= v;
    case "in":
      return (n) => !Number.isNaN(n) && (t.low === undefined || n >= t.low) && (t.high === undefined || n <= t.high);
    default:
      return (n) => !Number.isNaN(n) && n === v;
  }
}

function bandCondition(field: string, timepoint: string, low: number | undefined, high: number | undefined, highInclusive: boolean): FormCondition {
  const parts: FormCondition[] = [];
  if (low !== undefined) parts.push({ field, timepoint, op: ">=", value: low });
  if (high !== undefined) parts.push({ field, timepoint, op: highInclusive ? "<=" : "<", value: high });
  return all(parts);
}

function all(parts: FormCondition[]): FormCondition {
  return parts.length === 1 ? parts[0]! : { all: parts };
}

function any(parts: FormCondition[]): FormCondition {
  return parts.length === 1 ? parts[0]! : { any: parts };
}

function fieldType(v: VariableModel): FieldType {
  if (v.type.kind === "choice") return v.type.multiple ? "multiple" : "choice";
  return v.type.kind;
}

export function buildForm(model: PlanModel, opts: Pick<GenerateOptions, "lang">): Form {
  const t = (l: Parameters<typeof tr>[0]) => tr(l, opts.lang, model.language);
  const conditions = new ConditionBuilder(model);

  const options = (vs: ValuesetModel): FormOption[] =>
    vs.values.map((x) =>
      compact<FormOption>({
        code: storedCode(vs, x.code),
        label: t(x.label),
        definition: x.definition && t(x.definition),
        order: x.order,
        missing: x.missing,
        other: x.other,
        classifications: x.classifications,
      }),
    );

  const valuesets: FormValueset[] = model.valuesets.map((vs) =>
    compact<FormValueset>({
      name: vs.name,
      label: t(vs.label),
      definition: vs.definition && t(vs.definition),
      scale: vs.scale,
      direction: vs.direction,
      codeType: vs.codeType,
      options: options(vs),
    }),
  );
  const optionsOf = new Map(model.valuesets.map((vs, i) => [vs.name, valuesets[i]!.options]));

  // Declared descriptions: text variable name → the choice variable it describes.
  const declaredDescriptionOf = new Map<string, VariableModel>();
  for (const v of model.variables) if (v.otherDescription?.declared) declaredDescriptionOf.set(v.otherDescription.name, v);

  const describes = (v: VariableModel) => {
    const vs = conditions.valuesetOf(v)!;
    return { field: v.name, codes: v.otherDescription!.codes.map((c) => storedCode(vs, c)) };
  };

  const field = (v: VariableModel, timepoint: string): FormField => {
    const choice = v.type.kind === "choice" ? v.type : undefined;
    const numeric = v.type.kind === "integer" || v.type.kind === "decimal" ? v.type : undefined;
    const described = declaredDescriptionOf.get(v.name);
    const condition = v.conditionAt?.[timepoint] ?? v.condition;
    return compact<FormField>({
      name: v.name,
      label: t(v.label),
      help: v.definition && t(v.definition),
      type: fieldType(v),
      // The model makes a declared `other` description required unless the plan says `optional`.
      required: v.required,
      valueset: choice?.valueset,
      options: choice && (optionsOf.get(choice.valueset) ?? []),
      unit: v.unit && t(v.unit),
      min: numeric?.min,
      max: numeric?.max,
      classifications: v.classifications,
      sensitive: v.sensitive,
      // Read at this time point: an `other` description describes this registration's answer.
      visibleWhen: condition && conditions.build(condition),
      otherDescription: v.otherDescription?.name,
      describesOther: described && describes(described),
      reason: v.reason && t(v.reason),
    });
  };

  // The implicit `<variable>_annat` field, asked right after its variable.
  const implicitDescription = (v: VariableModel, timepoint: string): FormField => {
    const d = describes(v);
    return {
      name: v.otherDescription!.name,
      label: t(v.otherDescription!.label),
      type: "text",
      required: true,
      classifications: [],
      // The description may reveal as much as the answer it explains.
      sensitive: v.sensitive,
      visibleWhen: { field: v.name, timepoint, op: "in", values: d.codes },
      describesOther: d,
    };
  };

  const timepoints: FormTimepoint[] = model.timepoints.map((tp) => {
    const fields: FormField[] = [];
    for (const v of model.variables) {
      if (!v.timepoints.includes(tp.name)) continue;
      fields.push(field(v, tp.name));
      if (v.otherDescription && !v.otherDescription.declared) fields.push(implicitDescription(v, tp.name));
    }
    return compact<FormTimepoint>({
      name: tp.name,
      label: t(tp.label),
      when: tp.when && t(tp.when),
      help: tp.definition && t(tp.definition),
      order: tp.order,
      recordSchema: recordSchemaFile(tp.name),
      fields,
    });
  });

  const plan = compact<Form["plan"]>({
    name: model.name,
    title: t(model.title),
    version: model.version,
    organisation: model.organisation,
    language: model.language,
    purpose: model.purpose && t(model.purpose),
    legalBasis: model.legalBasis.map((l) => t(l)),
  });
  return { format: FORM_FORMAT, formatVersion: FORM_FORMAT_VERSION, language: opts.lang, plan, valuesets, timepoints };
}

/** The object without its undefined members, so optional keys are absent rather than null. */
function compact<T extends object>(o: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export const formGenerator: Generator = (model, opts) => [{ path: "form.json", content: jsonText(buildForm(model, opts)) }];

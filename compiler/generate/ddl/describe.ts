// What the schema says about each table and column, as lines of plain text.
// The same lines become `--` comments in the script and, where the engine has
// them, catalog descriptions (COMMENT ON, MS_Description).
import { tr, type ClassificationModel, type ConditionModel, type PlanModel, type TimepointModel, type ValuesetModel, type VariableModel } from "../../model/index.js";
import { lookupTable } from "../../sql/storage.js";
import { valuesetOf } from "../storage-layout.js";
import type { DdlTexts } from "./texts.js";

export interface DescribeContext {
  model: PlanModel;
  lang: string;
  t: DdlTexts;
}

const label = (c: DescribeContext, l: Parameters<typeof tr>[0]): string => tr(l, c.lang, c.model.language);

/** A condition in the plan's own notation: `alder >= 65 and (kon = kvinna or boende in (ensam, sambo))`. */
export function conditionText(c: ConditionModel, parent?: "and" | "or" | "not"): string {
  switch (c.kind) {
    case "and":
    case "or": {
      const s = c.parts.map((p) => conditionText(p, c.kind)).join(` ${c.kind} `);
      return parent && parent !== c.kind ? `(${s})` : s;
    }
    case "not":
      return `not ${conditionText(c.operand, "not")}`;
    case "compare": {
      const subject = c.subject.name;
      if (c.op === "in" && (c.low !== undefined || c.high !== undefined)) return `${subject} in ${c.low ?? ""}..${c.high ?? ""}`;
      if (c.op === "in") return `${subject} in (${c.values.map(String).join(", ")})`;
      return `${subject} ${c.op} ${c.values.map(String).join(", ")}`;
    }
  }
}

function classificationText(cs: ClassificationModel[]): string {
  return cs.map((k) => `${k.system.toUpperCase()}${k.version ? ` ${k.version}` : ""} ${k.code}`).join(", ");
}

/** The variable's label with its unit: `Ålder (år)`. */
function heading(c: DescribeContext, v: VariableModel): string {
  return v.unit ? `${label(c, v.label)} (${label(c, v.unit)})` : label(c, v.label);
}

export function variableLines(c: DescribeContext, v: VariableModel): string[] {
  const lines = [heading(c, v)];
  if (v.definition) lines.push(c.t.definition(label(c, v.definition)));
  const vs = valuesetOf(c.model, v);
  if (vs && !(v.type.kind === "choice" && v.type.multiple)) lines.push(c.t.values(lookupTable(vs.name), label(c, vs.label)));
  lines.push(v.required ? c.t.required : c.t.optional);
  if (v.condition) lines.push(c.t.askedWhen(conditionText(v.condition)));
  if (v.sensitive.length) lines.push(c.t.sensitive(v.sensitive.join(", ")));
  if (v.classifications.length) lines.push(c.t.classification(classificationText(v.classifications)));
  if (v.reason) lines.push(c.t.reason(label(c, v.reason)));
  return lines;
}

/** The implicit free-text column after an `other` value. */
export function otherDescriptionLines(c: DescribeContext, v: VariableModel): string[] {
  const d = v.otherDescription!;
  const values = valuesetOf(c.model, v)?.values ?? [];
  const codes = d.codes.map((code) => {
    const value = values.find((x) => x.code === code);
    return value ? `${code} (${label(c, value.label)})` : code;
  });
  return [label(c, d.label), c.t.describes(v.name, codes.join(", "))];
}

export function timepointLines(c: DescribeContext, tp: TimepointModel): string[] {
  const lines = [c.t.registrationTable(label(c, tp.label))];
  if (tp.when) lines.push(c.t.when(label(c, tp.when)));
  if (tp.definition) lines.push(c.t.definition(label(c, tp.definition)));
  return lines;
}

export function valuesetLines(c: DescribeContext, vs: ValuesetModel): string[] {
  const lines = [c.t.lookupTable(label(c, vs.label)), vs.scale === "ordinal" ? c.t.scale.ordinal(vs.direction) : c.t.scale.nominal];
  if (vs.definition) lines.push(c.t.definition(label(c, vs.definition)));
  return lines;
}

export function choiceTableLines(c: DescribeContext, v: VariableModel): string[] {
  const lines = [c.t.choiceTable(v.name, heading(c, v))];
  if (v.definition) lines.push(c.t.definition(label(c, v.definition)));
  if (v.condition) lines.push(c.t.askedWhen(conditionText(v.condition)));
  if (v.sensitive.length) lines.push(c.t.sensitive(v.sensitive.join(", ")));
  if (v.classifications.length) lines.push(c.t.classification(classificationText(v.classifications)));
  return lines;
}

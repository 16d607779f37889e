// Plan facts in words: labels in the handbook's language, measures, value
// categories, conditions, types and ranges. Every plan text passes through
// the output format's escaping here, once.
import { tr, type ConditionModel, type GroupModel, type Localized, type MeasureRef, type PlanModel, type ValuesetModel, type VariableModel } from "../../model/index.js";
import type { TextFormat } from "./escape.js";
import { alternatives } from "./lists.js";
import { inLanguage, LOCALES } from "../../vocabulary/languages.js";
import type { HandbookStrings } from "./strings.js";
import type { Part } from "./view-types.js";

export const anchor = {
  question: (name: string) => `q-${name}`,
  timepoint: (name: string) => `tp-${name}`,
  variable: (name: string) => `var-${name}`,
  valueset: (name: string) => `vs-${name}`,
  group: (name: string) => `grp-${name}`,
};

export const text = (t: string): Part => ({ text: t, code: false, href: null });

/** One category of a table axis: a value, a group entry, yes or no. */
export interface Category {
  code: string;
  label: string;
}

export class Describer {
  readonly variables: Map<string, VariableModel>;
  readonly valuesets: Map<string, ValuesetModel>;
  readonly groups: Map<string, GroupModel>;
  private readonly timepointLabels: Map<string, Localized>;
  private readonly number: Intl.NumberFormat;

  constructor(
    readonly model: PlanModel,
    readonly lang: string,
    readonly s: HandbookStrings,
    readonly fmt: TextFormat,
  ) {
    this.variables = new Map(model.variables.map((v) => [v.name, v]));
    this.valuesets = new Map(model.valuesets.map((v) => [v.name, v]));
    this.groups = new Map(model.groups.map((g) => [g.name, g]));
    this.timepointLabels = new Map(model.timepoints.map((t) => [t.name, t.label]));
    this.number = new Intl.NumberFormat(inLanguage(LOCALES, lang, "en"), { maximumFractionDigits: 10, useGrouping: false });
  }

  /** A label in the handbook's language, falling back to the plan's, escaped for the format. */
  label(l: Localized | undefined): string {
    return this.fmt.text(tr(l, this.lang, this.model.language));
  }

  /** A plan text (purpose, note, `when`, unit, reason) in the handbook's language, unescaped:
   * its translation when the plan gives one, else the text as written. */
  local(l: Localized): string {
    return tr(l, this.lang, this.model.language);
  }

  plain(s: string): string {
    return this.fmt.text(s);
  }

  code(s: string): Part {
    return { text: this.fmt.code(s), code: true, href: null };
  }

  link(label: string, href: string): Part {
    return { text: label, code: false, href };
  }

  num(n: number): string {
    return this.number.format(n);
  }

  timepoint(name: string): string {
    return this.label(this.timepointLabels.get(name)) || this.fmt.text(name);
  }

  list(items: string[]): string {
    return alternatives(items, this.s.lastSeparator);
  }

  /** Parts joined by a separator, for fact rows that list links. */
  joined(parts: Part[], sep = this.s.listSeparator): Part[] {
    return parts.flatMap((p, i) => (i === 0 ? [p] : [text(sep), p]));
  }

  /** The time points a variable or group is read at. */
  recordedAt(name: string): string[] {
    const g = this.groups.get(name);
    if (g) return g.sourceTimepoint ? [g.sourceTimepoint] : this.recordedAt(g.source);
    return this.variables.get(name)?.timepoints ?? [];
  }

  measureLabel(ref: MeasureRef): string {
    const l = ref.kind === "group" ? this.groups.get(ref.name)?.label : this.variables.get(ref.name)?.label;
    return this.label(l) || this.fmt.text(ref.name);
  }

  /**
   * The measure's label, with its time point when it is recorded at more than
   * one — unless the time point is one the context already implies (`hide`).
   */
  measure(ref: MeasureRef, hide: string[] = []): string {
    const base = this.measureLabel(ref);
    const show = ref.timepoint && this.recordedAt(ref.name).length > 1 && !hide.includes(ref.timepoint);
    return show ? `${base} ${this.s.conditions.at(this.timepoint(ref.timepoint))}` : base;
  }

  /** Whether a measure's values are categories (value-set codes, group entries, yes/no). */
  isCategorical(ref: MeasureRef): boolean {
    if (ref.kind === "group") return true;
    const k = this.variables.get(ref.name)?.type.kind;
    return k === "choice" || k === "boolean";
  }

  valuesetOf(v: VariableModel | undefined): ValuesetModel | undefined {
    return v?.type.kind === "choice" ? this.valuesets.get(v.type.valueset) : undefined;
  }

  isMultiple(ref: MeasureRef): boolean {
    const v = ref.kind === "variable" ? this.variables.get(ref.name) : undefined;
    return v?.type.kind === "choice" && v.type.multiple;
  }

  /** The answer categories a table shows for a measure; missing-value codes are bortfall, not categories. */
  categories(ref: MeasureRef): Category[] {
    if (ref.kind === "group") return (this.groups.get(ref.name)?.entries ?? []).map((e) => ({ code: e.code, label: this.label(e.label) }));
    const v = this.variables.get(ref.name);
    if (v?.type.kind === "boolean") return [this.yesNo(true), this.yesNo(false)];
    const vs = this.valuesetOf(v);
    return (vs?.values ?? []).filter((x) => !x.missing).map((x) => ({ code: x.code, label: this.label(x.label) }));
  }

  /** Missing-value codes that a measure can hold, as "8 Ej specificerat". */
  missingCodes(ref: MeasureRef): string[] {
    const g = ref.kind === "group" ? this.groups.get(ref.name) : undefined;
    const v = this.variables.get(g ? g.source : ref.name);
    return (this.valuesetOf(v)?.values ?? []).filter((x) => x.missing).map((x) => `${this.fmt.text(x.code)} ${this.label(x.label)}`);
  }

  yesNo(b: boolean): Category {
    return { code: String(b), label: b ? this.s.cells.yes : this.s.cells.no };
  }

  /** A value as the reader knows it: its label when the code has one. */
  valueLabel(ref: MeasureRef, value: string | number | boolean): string {
    if (typeof value === "boolean") return this.yesNo(value).label;
    if (ref.kind === "group") {
      const e = this.groups.get(ref.name)?.entries.find((x) => x.code === String(value));
      return e ? this.label(e.label) : this.fmt.text(String(value));
    }
    const v = this.variables.get(ref.name);
    const found = this.valuesetOf(v)?.values.find((x) => x.code === String(value));
    if (found) return this.label(found.label);
    return typeof value === "number" ? this.num(value) : this.fmt.text(value);
  }

  range(min: number | undefined, max: number | undefined): string | null {
    if (min !== undefined && max !== undefined) return this.s.conditions.between(this.num(min), this.num(max));
    if (min !== undefined) return this.s.conditions.atLeast(this.num(min));
    if (max !== undefined) return this.s.conditions.atMost(this.num(max));
    return null;
  }

  /**
   * A condition in words. `hide` lists time points the reader already knows
   * (a variable's own registration), so "vid …" is left out for them.
   */
  condition(c: ConditionModel, hide: string[] = [], nested = false): string {
    const C = this.s.conditions;
    switch (c.kind) {
      case "and":
      case "or": {
        const inner = c.parts.map((p) => this.condition(p, hide, true)).join(` ${c.kind === "and" ? C.and : C.or} `);
        return nested && c.parts.length > 1 ? `(${inner})` : inner;
      }
      case "not":
        return c.operand.kind === "compare" ? this.comparison(c.operand, true, hide) : `${C.not} ${this.condition(c.operand, hide, true)}`;
      case "compare":
        return this.comparison(c, false, hide);
    }
  }

  private comparison(c: Extract<ConditionModel, { kind: "compare" }>, negated: boolean, hide: string[]): string {
    const C = this.s.conditions;
    const subject = this.measure(c.subject, hide);
    if (c.op === "in" && c.low !== undefined && c.high !== undefined) return `${subject} ${negated ? C.outsideRange : C.inRange} ${this.range(c.low, c.high)}`;
    if (c.op === "in" && c.low !== undefined) return `${subject} ${negated ? "<" : "≥"} ${this.num(c.low)}`;
    if (c.op === "in" && c.high !== undefined) return `${subject} ${negated ? ">" : "≤"} ${this.num(c.high)}`;
    const values = c.values.map((v) => this.valueLabel(c.subject, v));
    if (c.op === "=" || c.op === "!=" || c.op === "in") {
      const positive = (c.op !== "!=") !== negated;
      if (this.isMultiple(c.subject)) return `${subject} ${positive ? C.includesAnyOf(values) : C.includesNoneOf(values)}`;
      if (this.isCategorical(c.subject) || c.op === "in") return `${subject} ${positive ? C.isOneOf(values) : C.isNoneOf(values)}`;
    }
    const ops = { "=": "=", "!=": "≠", "<": "<", "<=": "≤", ">": ">", ">=": "≥", in: "=" } as const;
    const negatedOps = { "=": "≠", "!=": "=", "<": "≥", "<=": ">", ">": "≤", ">=": "<", in: "≠" } as const;
    return `${subject} ${(negated ? negatedOps : ops)[c.op]} ${values.join(", ")}`;
  }

  /** A variable's answer type in words, linking to its value set; `detailed` adds range and unit. */
  type(v: VariableModel, detailed = true): Part[] {
    const T = this.s.types;
    switch (v.type.kind) {
      case "choice": {
        const vs = this.valuesets.get(v.type.valueset);
        const name = vs ? this.label(vs.label) : this.fmt.text(v.type.valueset);
        const phrase = v.type.multiple ? T.multiple("\u0000") : T.choice("\u0000");
        const [before, after] = phrase.split("\u0000") as [string, string];
        return [text(before), this.link(name, anchor.valueset(v.type.valueset)), ...(after ? [text(after)] : [])];
      }
      case "integer":
      case "decimal": {
        if (!detailed) return [text(T[v.type.kind])];
        const range = this.range(v.type.min, v.type.max);
        const unit = v.unit ? ` ${this.fmt.text(this.local(v.unit))}` : "";
        return [text(`${T[v.type.kind]}${range ? `, ${range}${unit}` : unit ? `,${unit}` : ""}`)];
      }
      default:
        return [text(T[v.type.kind])];
    }
  }

  classification(system: string, version: string | undefined, code: string): string {
    const name = this.s.classificationSystems[system] ?? system.toUpperCase();
    return `${this.fmt.text(name)}${version ? ` ${this.fmt.text(version)}` : ""} ${this.fmt.text(code)}`;
  }
}

// Labels and descriptions in the report's language: members, groups, rows,
// the analysis in words and the population's condition.
import type { GrainColumn, QuestionGrain } from "../../model/grain.js";
import { tr, type ConditionModel, type MeasureRef, type PlanModel, type QuestionModel } from "../../model/index.js";
import { lookup } from "../../model/lookup.js";
import { tableTexts } from "./texts.js";
import type { Coordinate, GroupTable, RowKey, TrueTable } from "./types.js";

export class Labels {
  readonly texts;
  constructor(
    readonly model: PlanModel,
    readonly lang: string,
  ) {
    this.texts = tableTexts(lang);
  }

  private tr(l: Parameters<typeof tr>[0]): string {
    return tr(l, this.lang, this.model.language);
  }

  timepoint(name: string): string {
    return this.tr(lookup(this.model).timepoint(name)?.label) || name;
  }

  /** A variable's or group's own label. */
  measure(ref: MeasureRef): string {
    const l = ref.kind === "group" ? lookup(this.model).group(ref.name)?.label : lookup(this.model).variable(ref.name)?.label;
    return this.tr(l) || ref.name;
  }

  /** The label with its time point, where the plan has more than one. */
  measureAt(ref: MeasureRef): string {
    return this.model.timepoints.length > 1 ? this.texts.at(this.measure(ref), this.timepoint(ref.timepoint)) : this.measure(ref);
  }

  member(col: GrainColumn, at: Coordinate): string {
    if (at === null) return this.texts.missing;
    const m = col.members[at]!;
    if (m.label) return this.tr(m.label);
    if (m.code === "true") return this.texts.yes;
    if (m.code === "false") return this.texts.no;
    return m.code;
  }

  group(grain: QuestionGrain, t: TrueTable, g: GroupTable): string {
    if (!t.split) return this.texts.everyone;
    return t.split.dims.map((d, i) => this.member(grain.dims[d]!, g.members[i]!)).join(" × ");
  }

  row(grain: QuestionGrain, k: RowKey): string {
    const key = (i: number, at: number) => this.member(grain.keys[i]!, at);
    if ("category" in k) return key(0, k.category);
    if ("row" in k) return `${key(0, k.row)} × ${key(1, k.column)}`;
    if ("from" in k) return `${key(0, k.from)} → ${key(1, k.to)}`;
    return this.outcome(k.outcome);
  }

  outcome(o: "improved" | "unchanged" | "worsened" | "reached" | "not_reached"): string {
    const t = this.texts;
    return { improved: t.improved, unchanged: t.unchanged, worsened: t.worsened, reached: t.reached, not_reached: t.notReached }[o];
  }

  /** What the question counts, in words, with its population. */
  describe(q: QuestionModel, grain: QuestionGrain): string {
    const t = this.texts;
    const a = q.analysis;
    let text: string;
    switch (a.kind) {
      case "count":
        text = t.count(this.measureAt(a.target), grain.choices);
        break;
      case "crosstab":
        text = t.crosstab(this.measureAt(a.row), this.measureAt(a.column));
        break;
      case "change":
        text = t.change(this.measure({ kind: "variable", name: a.variable, timepoint: a.from }), this.timepoint(a.from), this.timepoint(a.to));
        break;
      case "attainment":
        text = t.attainment(this.measure(a.target), this.timepoint(a.target.timepoint), this.measureAt(a.goal));
        break;
      case "summary":
        text = t.summary(this.measureAt(a.target));
        break;
    }
    return q.where ? `${text}${t.among(this.condition(q.where))}` : text;
  }

  private valueWord(ref: MeasureRef, v: string | number | boolean): string {
    if (typeof v === "boolean") return v ? this.texts.yes : this.texts.no;
    const index = lookup(this.model);
    if (ref.kind === "group") return this.tr(index.group(ref.name)?.entries.find((e) => e.code === String(v))?.label) || String(v);
    const variable = index.variable(ref.name);
    if (variable?.type.kind !== "choice") return String(v);
    const vs = index.valueset(variable.type.valueset);
    const value = vs?.values.find((x) => x.code === String(v) || (vs.codeType === "integer" && Number(x.code) === Number(v)));
    return value ? this.tr(value.label) : String(v);
  }

  condition(c: ConditionModel): string {
    const t = this.texts;
    if (c.kind === "not") return `${t.not} (${this.condition(c.operand)})`;
    if (c.kind !== "compare") return c.parts.map((p) => (p.kind === "compare" || p.kind === "not" ? this.condition(p) : `(${this.condition(p)})`)).join(` ${c.kind === "and" ? t.and : t.or} `);
    const subject = this.measure(c.subject);
    if (c.op === "in" && c.values.length === 0) return `${subject} ${c.low ?? ""}..${c.high ?? ""}`;
    const values = c.values.map((v) => this.valueWord(c.subject, v));
    return `${subject} ${t.ops[c.op]} ${values.length > 1 ? values.join(", ") : values[0]}`;
  }
}

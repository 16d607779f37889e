// How a query reads a variable or group from the storage layout: which
// registration table to join, and how a stored value becomes a category.
// Every categorical reading numbers its categories 1..K in plan order and
// gives 0 for missing (no registration row, NULL, a `missing` code, or a
// number no group band covers), so later steps join on small integers only.
import type { GroupModel, MeasureRef, PlanModel, ValuesetModel, VariableModel } from "../../model/index.js";
import { tr } from "../../model/index.js";
import { CHOICE_CODE, INDIVID_KEY, INDIVID_TABLE, choiceTable, registrationTable } from "../../sql/storage.js";
import type { Dialect } from "../../sql/dialects/index.js";
import { checkName } from "../../sql/dialects/dialect.js";
import { queryTexts, type QueryTexts } from "./texts.js";
import { lookup } from "../../model/lookup.js";

/** One category of a dimension, as the results name it. */
export interface Member {
  code: string;
  label: string;
}

/** A measure with one value per individual: `index` is SQL giving 1..K, or 0 when missing. */
export interface SingleReading {
  kind: "single";
  members: Member[];
  index: string;
}

/** A multiple-choice variable: zero or more codes per individual in a child table. */
export interface MultiReading {
  kind: "multi";
  members: Member[];
  /** SQL: 1 when the individual has a usable answer (possibly "none of them"), else 0. */
  present: string;
  /** The child table, quoted. */
  table: string;
  /** SQL over the child row `alias` giving 1..K, or 0 for a `missing` code. */
  codeIndex(alias: string): string;
}

export type CategoricalReading = SingleReading | MultiReading;

/** The individual key of the population's `individ` row. */
export const POP_KEY = "i";

export class MeasureReader {
  readonly texts: QueryTexts;
  /** Time points whose registration table the query joins, in first-use order. */
  private readonly joined: string[] = [];

  constructor(
    readonly model: PlanModel,
    readonly dialect: Dialect,
    readonly lang: string,
  ) {
    this.texts = queryTexts(lang);
  }

  label(l: Parameters<typeof tr>[0]): string {
    return tr(l, this.lang, this.model.language);
  }

  variable(name: string): VariableModel {
    const v = lookup(this.model).variable(name);
    if (!v) throw new Error(`the plan model has no variable '${name}'`);
    return v;
  }

  group(name: string): GroupModel {
    const g = lookup(this.model).group(name);
    if (!g) throw new Error(`the plan model has no group '${name}'`);
    return g;
  }

  valueset(name: string): ValuesetModel {
    const vs = lookup(this.model).valueset(name);
    if (!vs) throw new Error(`the plan model has no value set '${name}'`);
    return vs;
  }

  valuesetOf(v: VariableModel): ValuesetModel {
    if (v.type.kind !== "choice") throw new Error(`variable '${v.name}' is not on a value set`);
    return this.valueset(v.type.valueset);
  }

  /** The alias of a time point's registration table (joined on first use). */
  registration(tp: string): string {
    if (!this.model.timepoints.some((t) => t.name === tp)) throw new Error(`the plan model has no time point '${tp}'`);
    if (!this.joined.includes(tp)) this.joined.push(checkName(tp));
    return `r_${tp}`;
  }

  /** A variable's column at a time point. */
  column(variable: string, tp: string): string {
    return `${this.registration(tp)}.${this.dialect.quote(variable)}`;
  }

  /** FROM `individ` with every registration table the query used, LEFT JOINed. */
  fromClause(): string {
    const q = this.dialect.quote;
    const lines = [`FROM ${q(INDIVID_TABLE)} ${POP_KEY}`];
    for (const tp of this.joined) {
      const a = `r_${tp}`;
      lines.push(`LEFT JOIN ${q(registrationTable(tp))} ${a} ON ${a}.${q(INDIVID_KEY)} = ${POP_KEY}.${q(INDIVID_KEY)}`);
    }
    return lines.join("\n");
  }

  /** A value-set code as an SQL literal of the column's type. */
  codeLiteral(vs: ValuesetModel, code: string): string {
    return vs.codeType === "integer" ? String(Number(code)) : this.dialect.string(code);
  }

  /** Codes of a value set that are answers (everything but `missing` codes), in set order. */
  answerValues(vs: ValuesetModel) {
    return vs.values.filter((v) => !v.missing);
  }

  /** A single-valued categorical reading of a variable or group at its time point. */
  categorical(ref: MeasureRef): CategoricalReading {
    if (ref.kind === "group") return this.groupReading(this.group(ref.name), ref.timepoint);
    const v = this.variable(ref.name);
    if (v.type.kind === "boolean") {
      const col = this.column(v.name, ref.timepoint);
      return {
        kind: "single",
        members: [
          { code: "true", label: this.texts.yes },
          { code: "false", label: this.texts.no },
        ],
        index: `CASE CAST(${col} AS ${this.dialect.types.integer}) WHEN 1 THEN 1 WHEN 0 THEN 2 ELSE 0 END`,
      };
    }
    if (v.type.kind !== "choice") throw new Error(`variable '${v.name}' is ${v.type.kind}, not categorical; group it or count another variable`);
    const vs = this.valuesetOf(v);
    const values = this.answerValues(vs);
    const members = values.map((x) => ({ code: x.code, label: this.label(x.label) }));
    if (!v.type.multiple) {
      return {
        kind: "single",
        members,
        index: caseIndex(
          this.column(v.name, ref.timepoint),
          values.map((x) => this.codeLiteral(vs, x.code)),
        ),
      };
    }
    return this.multiReading(v, vs, ref.timepoint, members);
  }

  /** An ordinal variable's scale values only (missing codes are never scale values), numbered in scale order. */
  scale(variable: string, tp: string): SingleReading & { valueset: ValuesetModel } {
    const v = this.variable(variable);
    const vs = this.valuesetOf(v);
    if (vs.scale !== "ordinal" || !vs.direction) throw new Error(`variable '${v.name}' is not on an ordinal value set with a direction (better higher|lower)`);
    if (v.type.kind === "choice" && v.type.multiple) throw new Error(`variable '${v.name}' is multiple choice and has no single scale value`);
    const values = this.answerValues(vs);
    return {
      kind: "single",
      valueset: vs,
      members: values.map((x) => ({ code: x.code, label: this.label(x.label) })),
      index: caseIndex(
        this.column(v.name, tp),
        values.map((x) => this.codeLiteral(vs, x.code)),
      ),
    };
  }

  /** A numeric variable's column. */
  numeric(ref: MeasureRef): string {
    if (ref.kind !== "variable") throw new Error(`'${ref.name}' is a group; a summary needs a numeric variable`);
    const v = this.variable(ref.name);
    if (v.type.kind !== "integer" && v.type.kind !== "decimal") throw new Error(`variable '${v.name}' is ${v.type.kind}; a summary needs an integer or decimal variable`);
    return this.column(v.name, ref.timepoint);
  }

  private multiReading(v: VariableModel, vs: ValuesetModel, tp: string, members: Member[]): MultiReading {
    const q = this.dialect.quote;
    const table = q(choiceTable(tp, v.name));
    const reg = this.registration(tp);
    const key = `${reg}.${q(INDIVID_KEY)}`;
    const answers = this.answerValues(vs).map((x) => this.codeLiteral(vs, x.code));
    const missing = vs.values.filter((x) => x.missing).map((x) => this.codeLiteral(vs, x.code));
    // With `missing` codes in the set, a registration holding only those codes is missing too.
    const onlyMissing = missing.length
      ? ` WHEN EXISTS (SELECT 1 FROM ${table} m WHERE m.${q(INDIVID_KEY)} = ${key} AND m.${q(CHOICE_CODE)} IN (${missing.join(", ")}))` +
        ` AND NOT EXISTS (SELECT 1 FROM ${table} a WHERE a.${q(INDIVID_KEY)} = ${key} AND a.${q(CHOICE_CODE)} IN (${answers.join(", ")})) THEN 0`
      : "";
    return {
      kind: "multi",
      members,
      table,
      present: `CASE WHEN ${key} IS NULL THEN 0${onlyMissing} ELSE 1 END`,
      codeIndex: (alias) => caseIndex(`${alias}.${q(CHOICE_CODE)}`, answers),
    };
  }

  private groupReading(g: GroupModel, tp: string): SingleReading {
    const source = this.variable(g.source);
    const col = this.column(source.name, tp);
    const members = g.entries.map((e) => ({ code: e.code, label: this.label(e.label) }));
    if (g.kind === "bands") {
      if (source.type.kind !== "integer" && source.type.kind !== "decimal") throw new Error(`group '${g.name}' has bands but its source '${source.name}' is not numeric`);
      const decimal = source.type.kind === "decimal";
      const whens = g.entries.map((e, i) => `WHEN ${bandPredicate(col, e.low, e.high, decimal)} THEN ${i + 1}`);
      return { kind: "single", members, index: `CASE ${whens.join(" ")} ELSE 0 END` };
    }
    if (source.type.kind !== "choice" || source.type.multiple) throw new Error(`group '${g.name}' maps codes but its source '${source.name}' is not a single-choice variable`);
    const vs = this.valuesetOf(source);
    const key = (c: string) => (vs.codeType === "integer" ? String(Number(c)) : c);
    const missing = new Set(vs.values.filter((x) => x.missing).map((x) => key(x.code)));
    const whens = g.entries.flatMap((e, i) => {
      // A `missing` code mapped into a group still counts as missing (ISU0205 warns about it).
      const codes = (e.values ?? []).filter((c) => !missing.has(key(c))).map((c) => this.codeLiteral(vs, c));
      return codes.length ? [`WHEN ${col} IN (${codes.join(", ")}) THEN ${i + 1}`] : [];
    });
    return { kind: "single", members, index: whens.length ? `CASE ${whens.join(" ")} ELSE 0 END` : "0" };
  }
}

/** `CASE x WHEN a THEN 1 WHEN b THEN 2 … ELSE 0 END`; NULL and unlisted values give 0. */
export function caseIndex(expr: string, literals: string[]): string {
  if (literals.length === 0) return "0";
  return `CASE ${expr} ${literals.map((l, i) => `WHEN ${l} THEN ${i + 1}`).join(" ")} ELSE 0 END`;
}

/**
 * A numeric band as SQL. Integer bands hold both ends; decimal bands hold the
 * low end and exclude the high end (so 0..5 and 5..10 meet), as in compiler/checks/support/bands.ts.
 */
export function bandPredicate(col: string, low: number | undefined, high: number | undefined, decimal: boolean): string {
  const parts = [`${col} IS NOT NULL`];
  if (low !== undefined) parts.push(`${col} >= ${low}`);
  if (high !== undefined) parts.push(decimal ? `${col} < ${high}` : `${col} <= ${high}`);
  return parts.join(" AND ");
}

// How a counts query reads a variable or group from the storage layout: which
// registration table to join, and how a stored value becomes a grain member.
// Every reading has two halves so that the query can group twice: `raw` is
// the stored value (or a 0/1 flag) read per individual and grouped first, on
// cheap stored types; `code` maps one grouped raw value to the member's code
// as text, NULL when missing (no registration row, NULL, a `missing` code, a
// number no group band covers), so the second grouping runs over few rows.
import type { GroupModel, MeasureRef, PlanModel, ValuesetModel, VariableModel } from "../../model/index.js";
import { ANSWERED } from "../../model/grain.js";
import { CHOICE_CODE, INDIVID_KEY, INDIVID_TABLE, choiceTable, registrationTable } from "../../sql/storage.js";
import type { Dialect } from "../../sql/dialects/index.js";
import { checkName } from "../../sql/dialects/dialect.js";
import { lookup } from "../../model/lookup.js";

/** One grain column as SQL. */
export interface Reading {
  /** SQL over the joined tables, one value per individual (or per chosen option). */
  raw: string;
  /** SQL over a grouped raw value `x`: the member's code as text, or NULL. */
  code(x: string): string;
}

/** A multiple-choice variable: zero or more codes per individual in a child table. */
export interface MultiReading {
  /** ANSWERED when the individual has a usable answer (possibly no option), else NULL. */
  answered: Reading;
  /** The child table, quoted. */
  table: string;
  /** The chosen option of child row `alias`; `options` keeps only answer codes (never a `missing` code). */
  option(alias: string): Reading & { options: string };
}

/** The alias of the population's `individ` row. */
export const POP_KEY = "i";

export class MeasureReader {
  /** Time points whose registration table the query joins, in first-use order. */
  private readonly joined: string[] = [];

  constructor(
    readonly model: PlanModel,
    readonly dialect: Dialect,
  ) {}

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

  /** NULL typed as a code, for a mapping that can never give a member. */
  private noCode(): string {
    return `CAST(NULL AS ${this.dialect.types.code})`;
  }

  /** `CASE x WHEN <stored> THEN '<code>' … END` over a value set's answer codes; anything else is NULL. */
  private codeCase(vs: ValuesetModel, x: string): string {
    const values = this.answerValues(vs);
    if (!values.length) return this.noCode();
    return `CASE ${x} ${values.map((v) => `WHEN ${this.codeLiteral(vs, v.code)} THEN ${this.dialect.string(v.code)}`).join(" ")} END`;
  }

  /** A single-valued categorical reading of a variable (single choice or yes/no) or group at its time point. */
  categorical(ref: MeasureRef): Reading {
    if (ref.kind === "group") return this.groupReading(this.group(ref.name), ref.timepoint);
    const v = this.variable(ref.name);
    const col = this.column(v.name, ref.timepoint);
    if (v.type.kind === "boolean") {
      const s = this.dialect.string;
      return { raw: col, code: (x) => `CASE CAST(${x} AS ${this.dialect.types.integer}) WHEN 1 THEN ${s("true")} WHEN 0 THEN ${s("false")} END` };
    }
    if (v.type.kind !== "choice") throw new Error(`variable '${v.name}' is ${v.type.kind}, not categorical; group it or count another variable`);
    if (v.type.multiple) throw new Error(`variable '${v.name}' is multiple choice and has no single value`);
    const vs = this.valuesetOf(v);
    return { raw: col, code: (x) => this.codeCase(vs, x) };
  }

  isMultiple(ref: MeasureRef): boolean {
    if (ref.kind === "group") return false;
    const t = this.variable(ref.name).type;
    return t.kind === "choice" && t.multiple;
  }

  /** An ordinal variable's scale values only (missing codes are never scale values). */
  scale(variable: string, tp: string): Reading & { valueset: ValuesetModel } {
    const v = this.variable(variable);
    const vs = this.valuesetOf(v);
    if (vs.scale !== "ordinal" || !vs.direction) throw new Error(`variable '${v.name}' is not on an ordinal value set with a direction (better higher|lower)`);
    if (v.type.kind === "choice" && v.type.multiple) throw new Error(`variable '${v.name}' is multiple choice and has no single scale value`);
    return { valueset: vs, raw: this.column(v.name, tp), code: (x) => this.codeCase(vs, x) };
  }

  /** A numeric variable's value itself (a summary's histogram). */
  numeric(ref: MeasureRef): Reading {
    if (ref.kind !== "variable") throw new Error(`'${ref.name}' is a group; a summary needs a numeric variable`);
    const v = this.variable(ref.name);
    if (v.type.kind !== "integer" && v.type.kind !== "decimal") throw new Error(`variable '${v.name}' is ${v.type.kind}; a summary needs an integer or decimal variable`);
    return { raw: this.column(v.name, ref.timepoint), code: (x) => x };
  }

  /** SQL: 1 when the individual has a usable answer to a multiple-choice variable at `tp` (possibly "none of them"), else 0. */
  present(v: VariableModel, tp: string): string {
    const q = this.dialect.quote;
    const vs = this.valuesetOf(v);
    const table = q(choiceTable(tp, v.name));
    const key = `${this.registration(tp)}.${q(INDIVID_KEY)}`;
    const answers = this.answerValues(vs).map((x) => this.codeLiteral(vs, x.code));
    const missing = vs.values.filter((x) => x.missing).map((x) => this.codeLiteral(vs, x.code));
    // With `missing` codes in the set, a registration holding only those codes is missing too.
    const onlyMissing = missing.length
      ? ` WHEN EXISTS (SELECT 1 FROM ${table} m WHERE m.${q(INDIVID_KEY)} = ${key} AND m.${q(CHOICE_CODE)} IN (${missing.join(", ")}))` +
        (answers.length ? ` AND NOT EXISTS (SELECT 1 FROM ${table} a WHERE a.${q(INDIVID_KEY)} = ${key} AND a.${q(CHOICE_CODE)} IN (${answers.join(", ")}))` : "") +
        " THEN 0"
      : "";
    return `CASE WHEN ${key} IS NULL THEN 0${onlyMissing} ELSE 1 END`;
  }

  multiple(ref: MeasureRef): MultiReading {
    const v = this.variable(ref.name);
    if (v.type.kind !== "choice" || !v.type.multiple) throw new Error(`variable '${v.name}' is not multiple choice`);
    const vs = this.valuesetOf(v);
    const q = this.dialect.quote;
    const answers = this.answerValues(vs).map((x) => this.codeLiteral(vs, x.code));
    return {
      answered: { raw: this.present(v, ref.timepoint), code: (x) => `CASE WHEN ${x} = 1 THEN ${this.dialect.string(ANSWERED)} END` },
      table: q(choiceTable(ref.timepoint, v.name)),
      option: (alias) => ({
        raw: `${alias}.${q(CHOICE_CODE)}`,
        code: (x) => this.codeCase(vs, x),
        options: answers.length ? `${alias}.${q(CHOICE_CODE)} IN (${answers.join(", ")})` : "(1 = 0)",
      }),
    };
  }

  private groupReading(g: GroupModel, tp: string): Reading {
    const source = this.variable(g.source);
    const col = this.column(source.name, tp);
    const s = this.dialect.string;
    if (g.kind === "bands") {
      if (source.type.kind !== "integer" && source.type.kind !== "decimal") throw new Error(`group '${g.name}' has bands but its source '${source.name}' is not numeric`);
      const decimal = source.type.kind === "decimal";
      if (!g.entries.length) return { raw: col, code: () => this.noCode() };
      return { raw: col, code: (x) => `CASE ${g.entries.map((e) => `WHEN ${bandPredicate(x, e.low, e.high, decimal)} THEN ${s(e.code)}`).join(" ")} END` };
    }
    if (source.type.kind !== "choice" || source.type.multiple) throw new Error(`group '${g.name}' maps codes but its source '${source.name}' is not a single-choice variable`);
    const vs = this.valuesetOf(source);
    const key = (c: string) => (vs.codeType === "integer" ? String(Number(c)) : c);
    const missing = new Set(vs.values.filter((x) => x.missing).map((x) => key(x.code)));
    const entries = g.entries.flatMap((e) => {
      // A `missing` code mapped into a group still counts as missing (ISU0205 warns about it).
      const codes = (e.values ?? []).filter((c) => !missing.has(key(c))).map((c) => this.codeLiteral(vs, c));
      return codes.length ? [{ code: e.code, codes }] : [];
    });
    if (!entries.length) return { raw: col, code: () => this.noCode() };
    return { raw: col, code: (x) => `CASE ${entries.map((e) => `WHEN ${x} IN (${e.codes.join(", ")}) THEN ${s(e.code)}`).join(" ")} END` };
  }
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

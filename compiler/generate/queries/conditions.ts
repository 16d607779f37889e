// A question's `where` as SQL over the joined registrations.
//
// Two-valued on purpose: a comparison on a missing value (no registration,
// NULL) is false, never NULL, so `not` means what the plan says. On a value
// set, `=`/`in` match exactly the codes listed (a plan may ask for a `missing`
// code explicitly); `!=`, `<`, `>`, … and bands only ever match answer codes,
// since a missing code is no point on any scale.
import type { ConditionModel, ValuesetModel } from "../../model/index.js";
import { CHOICE_CODE, INDIVID_KEY, choiceTable } from "../../sql/storage.js";
import { bandPredicate, POP_KEY, type MeasureReader } from "./measures.js";

type Compare = Extract<ConditionModel, { kind: "compare" }>;

export function conditionSql(c: ConditionModel, r: MeasureReader): string {
  switch (c.kind) {
    case "and":
    case "or":
      return `(${c.parts.map((p) => conditionSql(p, r)).join(` ${c.kind.toUpperCase()} `)})`;
    case "not":
      return `NOT ${conditionSql(c.operand, r)}`;
    case "compare":
      return compareSql(c, r);
  }
}

const FALSE = "(1 = 0)";

/** Whether a number satisfies an ordering comparison or band (the same rules as the SQL). */
function numberMatches(x: number, c: Compare, decimal: boolean): boolean {
  const v = Number(c.values[0]);
  switch (c.op) {
    case "<":
      return x < v;
    case "<=":
      return x <= v;
    case ">":
      return x > v;
    case ">=":
      return x >= v;
    case "in":
      return (c.low === undefined || x >= c.low) && (c.high === undefined || (decimal ? x < c.high : x <= c.high));
    default:
      return false;
  }
}

/** The codes of a value set a comparison matches (see the header for the rules). */
export function matchingCodes(vs: ValuesetModel, c: Compare): string[] {
  // Integer codes compare as numbers: `= 1` names code `01`.
  const key = (x: string | number | boolean) => (vs.codeType === "integer" ? String(Number(x)) : String(x));
  const listed = new Set(c.values.map(key));
  const answers = vs.values.filter((v) => !v.missing);
  if (c.op === "=" || (c.op === "in" && c.values.length > 0)) return vs.values.filter((v) => listed.has(key(v.code))).map((v) => v.code);
  if (c.op === "!=") return answers.filter((v) => !listed.has(key(v.code))).map((v) => v.code);
  if (vs.codeType !== "integer") throw new Error(`value set '${vs.name}' has text codes; '${c.op}' and bands need numeric codes`);
  return answers.filter((v) => numberMatches(Number(v.code), c, false)).map((v) => v.code);
}

function inList(expr: string, literals: string[]): string {
  return literals.length ? `${expr} IN (${literals.join(", ")})` : FALSE;
}

function compareSql(c: Compare, r: MeasureReader): string {
  const subject = c.subject;
  if (subject.kind === "group") {
    const g = r.group(subject.name);
    const reading = r.categorical(subject);
    const listed = new Set(c.values.map(String));
    let hits: string[];
    if (c.op === "=" || c.op === "in") hits = g.entries.filter((e) => listed.has(e.code)).map((e) => e.code);
    else if (c.op === "!=") hits = g.entries.filter((e) => !listed.has(e.code)).map((e) => e.code);
    else throw new Error(`group '${g.name}' can only be compared with = , != or in (…)`);
    // CASE keeps it two-valued: a missing member (NULL) matches nothing, and `not` of that holds.
    return hits.length ? `(CASE WHEN ${reading.code(reading.raw)} IN (${hits.map(r.dialect.string).join(", ")}) THEN 1 ELSE 0 END = 1)` : FALSE;
  }
  const v = r.variable(subject.name);
  const q = r.dialect.quote;
  switch (v.type.kind) {
    case "choice": {
      const vs = r.valuesetOf(v);
      const codes = matchingCodes(vs, c).map((code) => r.codeLiteral(vs, code));
      if (!v.type.multiple) {
        const col = r.column(v.name, subject.timepoint);
        return `(${col} IS NOT NULL AND ${inList(col, codes)})`;
      }
      // Multiple choice: "has chosen one of"; `!=` means a usable answer without any of them.
      const table = q(choiceTable(subject.timepoint, v.name));
      const key = `${POP_KEY}.${q(INDIVID_KEY)}`;
      const chosen = (list: string[]) => (list.length ? `EXISTS (SELECT 1 FROM ${table} w WHERE w.${q(INDIVID_KEY)} = ${key} AND w.${q(CHOICE_CODE)} IN (${list.join(", ")}))` : FALSE);
      if (c.op !== "!=") return chosen(codes);
      const listed = matchingCodes(vs, { ...c, op: "=" }).map((code) => r.codeLiteral(vs, code));
      return `(${r.present(v, subject.timepoint)} = 1 AND NOT ${chosen(listed)})`;
    }
    case "integer":
    case "decimal": {
      const col = r.column(v.name, subject.timepoint);
      const nums = c.values.map((x) => String(Number(x)));
      let pred: string;
      if (c.op === "in" && c.values.length === 0) pred = bandPredicate(col, c.low, c.high, v.type.kind === "decimal");
      else if (c.op === "in") pred = `${col} IN (${nums.join(", ")})`;
      else if (c.op === "!=") pred = `${col} <> ${nums[0]}`;
      else pred = `${col} ${c.op} ${nums[0]}`;
      return `(${col} IS NOT NULL AND ${pred})`;
    }
    case "boolean": {
      const col = r.column(v.name, subject.timepoint);
      const asInt = `CAST(${col} AS ${r.dialect.types.integer})`;
      const bits = c.values.map((x) => (x === true || x === "true" ? "1" : "0"));
      if (c.op === "=" || c.op === "in") return `(${col} IS NOT NULL AND ${asInt} IN (${bits.join(", ")}))`;
      if (c.op === "!=") return `(${col} IS NOT NULL AND ${asInt} <> ${bits[0]})`;
      throw new Error(`boolean variable '${v.name}' can only be compared with =, != or in (…)`);
    }
    default:
      throw new Error(`variable '${v.name}' is ${v.type.kind}; a condition cannot compare it`);
  }
}

// The expected rows of every counts query and of isu_basis, computed in
// TypeScript straight from the registration records — never from SQL, and
// without the generator's code — so that the generated queries can be checked
// row by row. Only the grain's column names and roles come from the contract
// (compiler/model/grain.ts); every reading follows the rules docs/outputs.md
// states ("Aggregation queries"): NULL = missing (no registration, NULL, a
// `missing` code, a number no band covers), 'individuals' rows count each
// individual of the population once, 'choices' rows each answered individual
// once per chosen option (per pair of options with two multiple-choice keys).
import type { ConditionModel, GroupModel, MeasureRef, PlanModel, QuestionModel, ValuesetModel, VariableModel } from "../../compiler/model/index.js";
import { ANSWERED, questionGrain } from "../../compiler/model/grain.js";
import type { RecordValue, RegistrationRecord, SyntheticData } from "./synthetic.js";
import { registrationDay } from "./load-records.js";

export type Value = string | number | null;
export type Row = Record<string, Value>;

/** A categorical value of one individual: one option, several (multiple choice), or missing. */
type Reading = { missing: true } | { missing: false; codes: string[] };

/** The value set's own spelling of a stored code (an integer column gives back 1 for code "01"). */
function codeOf(vs: ValuesetModel, value: RecordValue | undefined): string {
  const text = String(value);
  if (vs.codeType !== "integer") return text;
  return vs.values.find((v) => Number(v.code) === Number(value))?.code ?? text;
}

class Records {
  private readonly byTp = new Map<string, Map<string, RegistrationRecord>>();
  constructor(
    readonly model: PlanModel,
    data: SyntheticData,
  ) {
    for (const [tp, recs] of Object.entries(data.registrations)) this.byTp.set(tp, new Map(recs.map((r) => [r.individ_id, r])));
  }
  record(tp: string, id: string): RegistrationRecord | undefined {
    return this.byTp.get(tp)?.get(id);
  }
  raw(variable: string, tp: string, id: string): RecordValue | undefined {
    return this.record(tp, id)?.[variable];
  }
  variable(name: string): VariableModel {
    return this.model.variables.find((v) => v.name === name)!;
  }
  group(name: string): GroupModel {
    return this.model.groups.find((g) => g.name === name)!;
  }
  valueset(v: VariableModel): ValuesetModel {
    return this.model.valuesets.find((s) => s.name === (v.type as { valueset: string }).valueset)!;
  }
  isMultiple(ref: MeasureRef): boolean {
    if (ref.kind === "group") return false;
    const t = this.variable(ref.name).type;
    return t.kind === "choice" && t.multiple;
  }

  /** What an individual answered for a categorical measure. */
  read(ref: MeasureRef, id: string): Reading {
    if (ref.kind === "group") {
      const g = this.group(ref.name);
      const code = groupCode(g, this.variable(g.source), this, this.raw(g.source, ref.timepoint, id));
      return code === null ? { missing: true } : { missing: false, codes: [code] };
    }
    const v = this.variable(ref.name);
    const value = this.raw(v.name, ref.timepoint, id);
    if (v.type.kind === "boolean") return typeof value === "boolean" ? { missing: false, codes: [String(value)] } : { missing: true };
    const vs = this.valueset(v);
    const missingCodes = new Set(vs.values.filter((x) => x.missing).map((x) => x.code));
    if (v.type.kind === "choice" && v.type.multiple) {
      if (!this.record(ref.timepoint, id)) return { missing: true };
      const chosen = Array.isArray(value) ? value.map((x) => codeOf(vs, x)) : [];
      const answers = chosen.filter((c) => !missingCodes.has(c));
      if (answers.length === 0 && chosen.length > 0) return { missing: true };
      return { missing: false, codes: answers };
    }
    if (value === null || value === undefined || missingCodes.has(codeOf(vs, value))) return { missing: true };
    return { missing: false, codes: [codeOf(vs, value)] };
  }

  /** 1-based position among the scale values (missing codes excluded), or null. */
  scalePosition(variable: string, tp: string, id: string): number | null {
    const v = this.variable(variable);
    const scale = this.valueset(v).values.filter((x) => !x.missing);
    const value = this.raw(variable, tp, id);
    if (value === null || value === undefined) return null;
    const at = scale.findIndex((x) => x.code === codeOf(this.valueset(v), value));
    return at < 0 ? null : at + 1;
  }
}

function groupCode(g: GroupModel, source: VariableModel, r: Records, value: RecordValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (g.kind === "bands") {
    const x = Number(value);
    const decimal = source.type.kind === "decimal";
    const e = g.entries.find((e) => (e.low === undefined || x >= e.low) && (e.high === undefined || (decimal ? x < e.high : x <= e.high)));
    return e ? e.code : null;
  }
  const vs = r.valueset(source);
  const code = codeOf(vs, value);
  if (vs.values.some((v) => v.missing && v.code === code)) return null;
  const e = g.entries.find((e) => (e.values ?? []).some((x) => codeOf(vs, x) === code));
  return e ? e.code : null;
}

/** `where`: a comparison on a missing value is false (so `not` makes it true). */
function holds(c: ConditionModel, r: Records, id: string): boolean {
  if (c.kind === "compare") return compareHolds(c, r, id);
  if (c.kind === "not") return !holds(c.operand, r, id);
  return c.kind === "and" ? c.parts.every((p) => holds(p, r, id)) : c.parts.some((p) => holds(p, r, id));
}

function compareHolds(c: Extract<ConditionModel, { kind: "compare" }>, r: Records, id: string): boolean {
  const listed = c.values.map(String);
  const ordered = (x: number, decimal: boolean): boolean => {
    const v = Number(c.values[0]);
    if (c.op === "<") return x < v;
    if (c.op === "<=") return x <= v;
    if (c.op === ">") return x > v;
    if (c.op === ">=") return x >= v;
    if (c.op === "in" && c.values.length === 0) return (c.low === undefined || x >= c.low) && (c.high === undefined || (decimal ? x < c.high : x <= c.high));
    if (c.op === "in" || c.op === "=") return listed.includes(String(x));
    return x !== v;
  };
  if (c.subject.kind === "group") {
    const got = r.read(c.subject, id);
    if (got.missing) return false;
    const code = got.codes[0]!;
    return c.op === "!=" ? !listed.includes(code) : listed.includes(code);
  }
  const v = r.variable(c.subject.name);
  const value = r.raw(v.name, c.subject.timepoint, id);
  if (v.type.kind === "choice") {
    const vs = r.valueset(v);
    const listed = c.values.map((x) => codeOf(vs, x as RecordValue));
    const isMissingCode = (code: string) => vs.values.some((x) => x.missing && x.code === code);
    const matches = (code: string): boolean => {
      if (c.op === "=" || (c.op === "in" && c.values.length > 0)) return listed.includes(code);
      if (isMissingCode(code)) return false;
      if (c.op === "!=") return !listed.includes(code);
      return ordered(Number(code), false);
    };
    if (v.type.multiple) {
      const chosen = Array.isArray(value) ? value.map((x) => codeOf(vs, x)) : [];
      if (c.op !== "!=") return chosen.some(matches);
      const got = r.read(c.subject, id);
      return !got.missing && !chosen.some((code) => listed.includes(code));
    }
    return value !== null && value !== undefined && matches(codeOf(vs, value));
  }
  if (value === null || value === undefined) return false;
  if (v.type.kind === "boolean") {
    const want = c.values.map((x) => x === true || x === "true");
    return c.op === "!=" ? value !== want[0] : want.includes(value === true);
  }
  return ordered(Number(value), v.type.kind === "decimal");
}

// ---- the rows

/** One scale value's code (missing codes are never scale values), or null. */
function scaleCode(r: Records, variable: string, tp: string, id: string): string | null {
  const at = r.scalePosition(variable, tp, id);
  return at === null ? null : r.valueset(r.variable(variable)).values.filter((x) => !x.missing)[at - 1]!.code;
}

function countRows(counts: Map<string, number>, names: string[]): Row[] {
  return [...counts].map(([key, n]) => {
    const values = JSON.parse(key) as Value[];
    return Object.fromEntries([...names.map((c, i) => [c, values[i]!] as const), ["n", n]]) as Row;
  });
}

/** The rows the counts query of `question` must return, in no particular order. */
export function referenceCounts(model: PlanModel, data: SyntheticData, question: string): Row[] {
  const r = new Records(model, data);
  const q: QuestionModel = model.questions.find((x) => x.name === question)!;
  const grain = questionGrain(model, q);
  const population = data.individuals.filter((id) => !q.where || holds(q.where, r, id));
  const counts = new Map<string, number>();
  const add = (values: Value[]) => {
    const k = JSON.stringify(values);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  };
  const single = (ref: MeasureRef, id: string): string | null => {
    const got = r.read(ref, id);
    return got.missing ? null : got.codes[0]!;
  };
  for (const id of population) {
    const dims = grain.dims.map((d) => single(d.ref, id));
    const keys: Value[] = [];
    const options: (string[] | null)[] = [];
    for (const k of grain.keys) {
      if (k.multiple) {
        const got = r.read(k.ref, id);
        keys.push(got.missing ? null : ANSWERED);
        options.push(got.missing ? [] : got.codes);
      } else if (k.role === "value") {
        const x = r.raw(k.ref.name, k.ref.timepoint, id);
        keys.push(typeof x === "number" ? x : null);
        options.push(null);
      } else if (k.role === "category" || k.role === "row" || k.role === "column") {
        keys.push(single(k.ref, id));
        options.push(null);
      } else {
        keys.push(scaleCode(r, k.ref.name, k.ref.timepoint, id));
        options.push(null);
      }
    }
    add(["individuals", ...dims, ...keys]);
    if (!grain.choices) continue;
    // Every combination of chosen options of the multiple-choice keys.
    let combos: Value[][] = [keys];
    options.forEach((chosen, i) => {
      if (chosen === null) return;
      combos = combos.flatMap((c) => chosen.map((code) => c.map((v, j) => (j === i ? code : v))));
    });
    for (const c of combos) add(["choices", ...dims, ...c]);
  }
  return countRows(counts, grain.columns.slice(0, -1));
}

/** The rows isu_basis must return, in plan order. */
export function referenceBasis(model: PlanModel, data: SyntheticData): Row[] {
  const r = new Records(model, data);
  const rows: Row[] = [{ item: "individuals", timepoint: null, variable: null, n: data.individuals.length }];
  for (const tp of model.timepoints) {
    const records = data.registrations[tp.name] ?? [];
    rows.push({ item: "registrations", timepoint: tp.name, variable: null, n: records.length });
    if (records.length > 0) {
      // The days loadRecords gives them, as YYYYMMDD.
      const days = records.map((_, i) => Number(registrationDay(tp.name, model, i).replace(/-/g, ""))).sort((a, b) => a - b);
      rows.push({ item: "first_registered", timepoint: tp.name, variable: null, n: days[0]! });
      rows.push({ item: "last_registered", timepoint: tp.name, variable: null, n: days[days.length - 1]! });
    }
    for (const v of model.variables.filter((x) => x.timepoints.includes(tp.name))) {
      let missing = 0;
      for (const rec of records) {
        const value = rec[v.name];
        if (v.type.kind === "choice") missing += r.read({ kind: "variable", name: v.name, timepoint: tp.name }, rec.individ_id).missing ? 1 : 0;
        else missing += value === null || value === undefined ? 1 : 0;
      }
      rows.push({ item: "missing", timepoint: tp.name, variable: v.name, n: missing });
    }
  }
  return rows;
}

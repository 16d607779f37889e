// An independent expectation for the results stage's tables, straight from
// individual-level synthetic records: each individual's readings (the rules
// of docs/outputs.md, "Who is counted"), then (a) the finest-grain counts rows
// a counts query returns for them, and (b) every table a question publishes —
// group sizes, bortfall, rows, summary figures — counted person by person,
// never through the grain or the code under test.
import type { ConditionModel, MeasureRef, PlanModel, QuestionModel, ValuesetModel, VariableModel } from "../../compiler/model/index.js";
import type { CountsRow } from "../../compiler/model/grain.js";
import type { RecordValue, RegistrationRecord, SyntheticData } from "./synthetic.js";

/** The plan's spelling of a stored code (an integer column gives back 1 for "01"). */
function codeOf(vs: ValuesetModel, value: RecordValue | undefined): string {
  const text = String(value);
  if (vs.codeType !== "integer") return text;
  return vs.values.find((v) => Number(v.code) === Number(value))?.code ?? text;
}

export class Readings {
  private readonly byTp = new Map<string, Map<string, RegistrationRecord>>();
  constructor(
    readonly model: PlanModel,
    readonly data: SyntheticData,
  ) {
    for (const [tp, recs] of Object.entries(data.registrations)) this.byTp.set(tp, new Map(recs.map((r) => [r.individ_id, r])));
  }
  private record(tp: string, id: string) {
    return this.byTp.get(tp)?.get(id);
  }
  raw(variable: string, tp: string, id: string): RecordValue | undefined {
    return this.record(tp, id)?.[variable];
  }
  variable(name: string): VariableModel {
    return this.model.variables.find((v) => v.name === name)!;
  }
  valueset(v: VariableModel): ValuesetModel {
    return this.model.valuesets.find((s) => s.name === (v.type as { valueset: string }).valueset)!;
  }
  /** The answer codes a categorical measure can take, in plan order (missing codes are never answers). */
  options(ref: MeasureRef): string[] {
    if (ref.kind === "group") return this.model.groups.find((g) => g.name === ref.name)!.entries.map((e) => e.code);
    const v = this.variable(ref.name);
    if (v.type.kind === "boolean") return ["true", "false"];
    return this.valueset(v)
      .values.filter((x) => !x.missing)
      .map((x) => x.code);
  }
  isMultiple(ref: MeasureRef): boolean {
    const v = ref.kind === "variable" ? this.variable(ref.name) : undefined;
    return v?.type.kind === "choice" && v.type.multiple;
  }
  /** A single-valued reading: the code, or null when missing. */
  single(ref: MeasureRef, id: string): string | null {
    if (ref.kind === "group") {
      const g = this.model.groups.find((x) => x.name === ref.name)!;
      const source = this.variable(g.source);
      const value = this.raw(g.source, ref.timepoint, id);
      if (value === null || value === undefined) return null;
      if (g.kind === "bands") {
        const x = Number(value);
        const decimal = source.type.kind === "decimal";
        return g.entries.find((e) => (e.low === undefined || x >= e.low) && (e.high === undefined || (decimal ? x < e.high : x <= e.high)))?.code ?? null;
      }
      const vs = this.valueset(source);
      const code = codeOf(vs, value);
      if (vs.values.some((v) => v.missing && v.code === code)) return null;
      return g.entries.find((e) => (e.values ?? []).some((x) => codeOf(vs, x) === code))?.code ?? null;
    }
    const v = this.variable(ref.name);
    const value = this.raw(v.name, ref.timepoint, id);
    if (value === null || value === undefined) return null;
    if (v.type.kind === "boolean") return typeof value === "boolean" ? String(value) : null;
    const vs = this.valueset(v);
    const code = codeOf(vs, value);
    return vs.values.some((x) => x.code === code && !x.missing) ? code : null;
  }
  /** A multiple-choice reading: null when not answered (no registration, or only missing codes chosen). */
  multiple(ref: MeasureRef, id: string): string[] | null {
    if (!this.record(ref.timepoint, id)) return null;
    const v = this.variable(ref.name);
    const vs = this.valueset(v);
    const value = this.raw(v.name, ref.timepoint, id);
    const chosen = Array.isArray(value) ? value.map((x) => codeOf(vs, x)) : [];
    const answers = chosen.filter((c) => vs.values.some((x) => x.code === c && !x.missing));
    return answers.length === 0 && chosen.length > 0 ? null : answers;
  }
  numeric(ref: MeasureRef, id: string): number | null {
    const x = this.raw(ref.name, ref.timepoint, id);
    return typeof x === "number" ? x : null;
  }
  /** `where`: a comparison on a missing value is false (so `not` makes it true). */
  holds(c: ConditionModel, id: string): boolean {
    if (c.kind === "not") return !this.holds(c.operand, id);
    if (c.kind === "and") return c.parts.every((p) => this.holds(p, id));
    if (c.kind === "or") return c.parts.some((p) => this.holds(p, id));
    const listed = c.values.map(String);
    const ordered = (x: number, decimal: boolean): boolean => {
      const v = Number(c.values[0]);
      if (c.op === "in" && c.values.length === 0) return (c.low === undefined || x >= c.low) && (c.high === undefined || (decimal ? x < c.high : x <= c.high));
      if (c.op === "in" || c.op === "=") return listed.includes(String(x));
      return c.op === "<" ? x < v : c.op === "<=" ? x <= v : c.op === ">" ? x > v : c.op === ">=" ? x >= v : x !== v;
    };
    if (c.subject.kind === "group") {
      const code = this.single(c.subject, id);
      if (code === null) return false;
      return c.op === "!=" ? !listed.includes(code) : listed.includes(code);
    }
    const v = this.variable(c.subject.name);
    const value = this.raw(v.name, c.subject.timepoint, id);
    if (v.type.kind === "choice") {
      const vs = this.valueset(v);
      const codes = c.values.map((x) => codeOf(vs, x as RecordValue));
      const isMissingCode = (code: string) => vs.values.some((x) => x.missing && x.code === code);
      const matches = (code: string): boolean => {
        if (c.op === "=" || (c.op === "in" && c.values.length > 0)) return codes.includes(code);
        if (isMissingCode(code)) return false;
        if (c.op === "!=") return !codes.includes(code);
        return ordered(Number(code), false);
      };
      if (v.type.multiple) {
        const chosen = Array.isArray(value) ? value.map((x) => codeOf(vs, x)) : [];
        if (c.op !== "!=") return chosen.some(matches);
        return this.multiple(c.subject, id) !== null && !chosen.some((code) => codes.includes(code));
      }
      return value !== null && value !== undefined && matches(codeOf(vs, value));
    }
    if (value === null || value === undefined) return false;
    if (v.type.kind === "boolean") return c.op === "!=" ? value !== (c.values[0] === true || c.values[0] === "true") : c.values.some((x) => (x === true || x === "true") === value);
    return ordered(Number(value), v.type.kind === "decimal");
  }
  population(q: QuestionModel): string[] {
    return this.data.individuals.filter((id) => !q.where || this.holds(q.where, id));
  }
}

/** The measures an analysis reads, by role, in the grain's order. */
function analysisRefs(q: QuestionModel): MeasureRef[] {
  const a = q.analysis;
  if (a.kind === "count" || a.kind === "summary") return [a.target];
  if (a.kind === "crosstab") return [a.row, a.column];
  if (a.kind === "change")
    return [
      { kind: "variable", name: a.variable, timepoint: a.from },
      { kind: "variable", name: a.variable, timepoint: a.to },
    ];
  return [a.target, a.goal];
}

/** Split parts, each once, in first-use order (as the grain's dims). */
function splitParts(q: QuestionModel): MeasureRef[] {
  const out: MeasureRef[] = [];
  for (const s of q.splits) for (const p of s.parts) if (!out.some((x) => x.kind === p.kind && x.name === p.name && x.timepoint === p.timepoint)) out.push(p);
  return out;
}

/**
 * The counts rows of one question, aggregated person by person; `columns`
 * are the grain's column names (dims then keys), the contract's only input here.
 */
export function grainRows(r: Readings, q: QuestionModel, columns: string[]): CountsRow[] {
  const dims = splitParts(q);
  const keys = analysisRefs(q);
  const names = columns.slice(1, -1);
  const cells = new Map<string, { row: CountsRow; n: number }>();
  const bump = (kind: string, values: (string | number | null)[]) => {
    const k = JSON.stringify([kind, values]);
    const c = cells.get(k);
    if (c) c.n++;
    else cells.set(k, { row: Object.fromEntries([["row_kind", kind], ...values.map((v, i) => [names[i]!, v])]), n: 1 });
  };
  const summary = q.analysis.kind === "summary";
  for (const id of r.population(q)) {
    const d = dims.map((p) => r.single(p, id));
    const readings = keys.map((k) => (summary ? r.numeric(k, id) : r.isMultiple(k) ? r.multiple(k, id) : r.single(k, id)));
    bump("individuals", [...d, ...readings.map((x) => (Array.isArray(x) ? "*" : x))]);
    if (!keys.some((k) => r.isMultiple(k))) continue;
    // One 'choices' count per chosen option (every pair for two multiple-choice keys).
    let combos: (string | number | null)[][] = [[]];
    readings.forEach((x, i) => {
      const options = r.isMultiple(keys[i]!) ? ((x as string[] | null) ?? []) : [x as string | null];
      combos = combos.flatMap((c) => options.map((o) => [...c, o]));
    });
    for (const c of combos) bump("choices", [...d, ...c]);
  }
  return [...cells.values()].map((c) => ({ ...c.row, n: c.n }));
}

export interface ExpectedGroup {
  /** Split codes, null = the missing group. */
  split: (string | null)[];
  size: number;
  missing: number;
  /** Row key → n, in publication order. */
  rows: [string, number][];
  summary?: { n: number; mean: number | null; median: number | null; q1: number | null; q3: number | null };
}

export interface ExpectedTable {
  id: string;
  groups: ExpectedGroup[];
}

/** Quantile by linear interpolation between order statistics at p · (n − 1). */
export function quantile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
}

/** Position on a scale (1-based, missing codes excluded), or null. */
function position(r: Readings, ref: MeasureRef, id: string): number | null {
  const code = r.single(ref, id);
  return code === null ? null : r.options(ref).indexOf(code) + 1;
}

/** Every table of one question, counted person by person. */
export function expectedTables(r: Readings, q: QuestionModel): ExpectedTable[] {
  const population = r.population(q);
  const keys = analysisRefs(q);
  const a = q.analysis;
  const direction = a.kind === "change" || a.kind === "attainment" ? r.valueset(r.variable(keys[0]!.name)).direction : undefined;
  const better = (f: number, t: number) => (direction === "lower" ? t < f : t > f);
  // Row keys in publication order, and which keys one individual counts under (null: bortfall).
  let rowKeys: string[];
  let countsUnder: (id: string) => string[] | null;
  if (a.kind === "count") {
    rowKeys = r.options(a.target);
    countsUnder = (id) => (r.isMultiple(a.target) ? r.multiple(a.target, id) : ((c) => (c === null ? null : [c]))(r.single(a.target, id)));
  } else if (a.kind === "crosstab") {
    const [row, col] = keys as [MeasureRef, MeasureRef];
    rowKeys = r.options(row).flatMap((x) => r.options(col).map((y) => `${x}|${y}`));
    const read = (k: MeasureRef, id: string) => (r.isMultiple(k) ? r.multiple(k, id) : ((c) => (c === null ? null : [c]))(r.single(k, id)));
    countsUnder = (id) => {
      const x = read(row, id);
      const y = read(col, id);
      return x === null || y === null ? null : x.flatMap((u) => y.map((v) => `${u}|${v}`));
    };
  } else if (a.kind === "change") {
    const scale = r.options(keys[0]!);
    rowKeys = [...scale.flatMap((x) => scale.map((y) => `${x}->${y}`)), "improved", "unchanged", "worsened"];
    countsUnder = (id) => {
      const f = position(r, keys[0]!, id);
      const t = position(r, keys[1]!, id);
      if (f === null || t === null) return null;
      return [`${scale[f - 1]}->${scale[t - 1]}`, f === t ? "unchanged" : better(f, t) ? "improved" : "worsened"];
    };
  } else if (a.kind === "attainment") {
    rowKeys = ["reached", "not_reached"];
    countsUnder = (id) => {
      const t = position(r, keys[0]!, id);
      const g = position(r, keys[1]!, id);
      if (t === null || g === null) return null;
      return [(direction === "lower" ? t <= g : t >= g) ? "reached" : "not_reached"];
    };
  } else {
    rowKeys = [];
    countsUnder = (id) => (r.numeric(a.target, id) === null ? null : []);
  }
  const tables: ExpectedTable[] = [];
  for (const split of [null, ...q.splits]) {
    const parts = split?.parts ?? [];
    let groupCodes: (string | null)[][] = [[]];
    for (const p of parts) groupCodes = groupCodes.flatMap((g) => [...r.options(p).map((o) => [...g, o]), [...g, null]]);
    const groups = groupCodes.map((codes) => {
      const members = population.filter((id) => parts.every((p, i) => r.single(p, id) === codes[i]));
      const rows = new Map(rowKeys.map((k) => [k, 0]));
      let missing = 0;
      const values: number[] = [];
      for (const id of members) {
        const under = countsUnder(id);
        if (under === null) missing++;
        else for (const k of under) rows.set(k, rows.get(k)! + 1);
        if (a.kind === "summary" && under !== null) values.push(r.numeric(a.target, id)!);
      }
      const g: ExpectedGroup = { split: codes, size: members.length, missing, rows: [...rows.entries()] };
      if (a.kind === "summary") {
        values.sort((x, y) => x - y);
        const n = values.length;
        g.summary =
          n === 0
            ? { n, mean: null, median: null, q1: null, q3: null }
            : { n, mean: values.reduce((s, x) => s + x, 0) / n, median: quantile(values, 0.5), q1: quantile(values, 0.25), q3: quantile(values, 0.75) };
      }
      return g;
    });
    tables.push({ id: split ? `${q.name}__by_${split.id}` : `${q.name}__total`, groups });
  }
  return tables;
}

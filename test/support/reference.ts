// The expected result of every aggregation query, computed in TypeScript
// straight from the registration records — never from SQL, and without the
// generator's code — so that the generated queries can be checked number by
// number. It follows the rules docs/outputs.md states ("Aggregation queries").
import type { ConditionModel, GroupModel, MeasureRef, PlanModel, QuestionModel, ValuesetModel, VariableModel } from "../../compiler/model/index.js";
import { tr } from "../../compiler/model/index.js";
import type { RecordValue, RegistrationRecord, SyntheticData } from "./synthetic.js";

export type Value = string | number | null;
export type Row = Record<string, Value>;

const TEXTS = {
  sv: { missing: "Uppgift saknas", yes: "Ja", no: "Nej", improved: "Förbättrad", unchanged: "Oförändrad", worsened: "Försämrad", reached: "Uppnått", notReached: "Ej uppnått" },
  en: { missing: "Missing", yes: "Yes", no: "No", improved: "Improved", unchanged: "Unchanged", worsened: "Worsened", reached: "Reached", notReached: "Not reached" },
};

interface Option {
  code: string;
  label: string;
}

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
    readonly lang: string,
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
  label(l: Parameters<typeof tr>[0]): string {
    return tr(l, this.lang, this.model.language);
  }
  texts() {
    return this.lang === "en" ? TEXTS.en : TEXTS.sv;
  }

  /** The options a measure can take (missing codes are never options). */
  options(ref: MeasureRef): Option[] {
    if (ref.kind === "group") return this.group(ref.name).entries.map((e) => ({ code: e.code, label: this.label(e.label) }));
    const v = this.variable(ref.name);
    if (v.type.kind === "boolean")
      return [
        { code: "true", label: this.texts().yes },
        { code: "false", label: this.texts().no },
      ];
    return this.valueset(v)
      .values.filter((x) => !x.missing)
      .map((x) => ({ code: x.code, label: this.label(x.label) }));
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

// ---- the table: split cells × category cells, counts, suppression

interface CategoryCell {
  key: string;
  cls: number;
  columns: Row;
  /** Change: an outcome total (the sum of its class's transitions), a cell of its own. */
  total?: boolean;
}

const MISSING = "missing";

interface Table {
  /** Per split part: its options then the missing member (code null). */
  parts: { prefix: string; members: { code: string | null; label: string }[] }[];
  categories: CategoryCell[];
  /** n per `${splitKey}|${categoryKey}`. */
  counts: Map<string, number>;
  /** Individuals per split key. */
  sizes: Map<string, number>;
}

function splitKeys(t: Table): number[][] {
  let keys: number[][] = [[]];
  for (const p of t.parts) keys = keys.flatMap((k) => p.members.map((_, i) => [...k, i]));
  return keys;
}

export interface SuppressionStats {
  passes: number;
  fallback: boolean;
}

/** Complementary passes before the closing rule, as docs/outputs.md states. */
export const PASSES = 4;

/**
 * Hidden cells, by the policy in docs/outputs.md: primary cells; then, in
 * passes that each look at the state the previous one left, every line with a
 * single hidden cell gets its smallest positive other cell hidden too; if a
 * line is still alone after the last pass, every dimension's hidden members
 * are crossed. For change the group's line is replaced by one line per
 * outcome region (its transitions and its total, transitions hidden first)
 * and the outcome line (the three totals and the missing cell).
 */
function suppress(t: Table, minCell: number, change: boolean, passes: number, stats?: SuppressionStats): Set<string> {
  const small = (n: number) => n >= 1 && n <= minCell - 1;
  const splits = splitKeys(t);
  const catKeys = [...t.categories.map((c) => c.key), MISSING];
  const category = (k: string) => t.categories.find((c) => c.key === k);
  type Cell = { split: number[]; cat: string; catIndex: number; n: number; cls: number; total: boolean; missing: boolean; hidden: boolean };
  const cells: Cell[] = [];
  for (const s of splits)
    catKeys.forEach((c, ci) => {
      const n = t.counts.get(`${s.join(",")}|${c}`) ?? 0;
      cells.push({ split: s, cat: c, catIndex: ci, n, cls: category(c)?.cls ?? 0, total: category(c)?.total === true, missing: c === MISSING, hidden: small(n) });
    });
  const keyOf = (c: Cell) => `${c.split.join(",")}|${c.cat}`;
  const hiddenSet = () => new Set(cells.filter((c) => c.hidden).map(keyOf));
  if (!cells.some((c) => c.hidden)) return new Set();

  // A line: which cells it holds (key null = none of its lines), which go first as complement, then plan order.
  interface LineType {
    key: (c: Cell) => string | null;
    prefer?: (c: Cell) => number;
    order: (c: Cell) => number;
  }
  const group = (c: Cell) => c.split.join(",");
  const lineTypes: LineType[] = change
    ? [
        { key: (c) => (c.missing ? null : `${group(c)}#${c.cls}`), prefer: (c) => (c.total ? 1 : 0), order: (c) => c.catIndex },
        { key: (c) => (c.total || c.missing ? group(c) : null), order: (c) => c.catIndex },
      ]
    : [{ key: group, order: (c) => c.catIndex }];
  t.parts.forEach((p, d) => {
    if (p.members.length > 1) lineTypes.push({ key: (c) => `${c.split.filter((_, j) => j !== d).join(",")}|${c.cat}`, order: (c) => c.split[d]! });
  });
  const best = (xs: Cell[], lt: LineType) =>
    xs.filter((c) => !c.hidden).sort((a, b) => (lt.prefer?.(a) ?? 0) - (lt.prefer?.(b) ?? 0) || (a.n > 0 ? 0 : 1) - (b.n > 0 ? 0 : 1) || a.n - b.n || lt.order(a) - lt.order(b))[0];
  const lonely = (): Cell[] => {
    const picks: Cell[] = [];
    for (const lt of lineTypes) {
      const lines = new Map<string, Cell[]>();
      for (const c of cells) {
        const k = lt.key(c);
        if (k !== null) lines.set(k, [...(lines.get(k) ?? []), c]);
      }
      for (const line of lines.values()) {
        if (line.filter((c) => c.hidden).length !== 1) continue;
        const b = best(line, lt);
        if (b) picks.push(b);
      }
    }
    return picks;
  };
  let used = 0;
  for (let k = 0; k < passes; k++) {
    const picks = lonely();
    if (picks.length === 0) break;
    used++;
    for (const c of picks) c.hidden = true;
  }
  const fallback = lonely().length > 0;
  if (stats) Object.assign(stats, { passes: used, fallback });
  if (!fallback) return hiddenSet();

  // Closing rule: cross each dimension's hidden members (two at least where a dimension has more).
  const totalBy = (coord: (c: Cell) => number) => {
    const total = new Map<number, number>();
    for (const c of cells) total.set(coord(c), (total.get(coord(c)) ?? 0) + c.n);
    return (m: number) => total.get(m) ?? 0;
  };
  const smallestFirst = (total: (m: number) => number, missingIndex: number) => (a: number, b: number) =>
    (total(a) > 0 ? 0 : 1) - (total(b) > 0 ? 0 : 1) || total(a) - total(b) || (a === missingIndex ? 1 : 0) - (b === missingIndex ? 1 : 0) || a - b;
  const members = (coord: (c: Cell) => number, count: number, missingIndex: number): Set<number> => {
    const hit = new Set(cells.filter((c) => c.hidden).map(coord));
    if (hit.size === 1 && count > 1) {
      const rest = [...Array(count).keys()].filter((m) => !hit.has(m));
      rest.sort(smallestFirst(totalBy(coord), missingIndex));
      hit.add(rest[0]!);
    }
    return hit;
  };
  const splitHidden = t.parts.map((p, d) => members((c) => c.split[d]!, p.members.length, p.members.length - 1));
  const missingIndex = catKeys.length - 1;
  let catHidden: Set<number>;
  if (!change) catHidden = members((c) => c.catIndex, catKeys.length, missingIndex);
  else {
    // The categories every crossed group hides must keep each region and the outcome line from holding one alone.
    catHidden = new Set(cells.filter((c) => c.hidden).map((c) => c.catIndex));
    const regions = () => {
      for (const cls of [1, 2, 3]) {
        const region = t.categories.map((c, i) => ({ c, i })).filter((x) => x.c.cls === cls);
        if (region.filter((x) => catHidden.has(x.i)).length !== 1) continue;
        const moves = region.filter((x) => !x.c.total);
        for (const x of moves.length === 1 ? region : moves) catHidden.add(x.i);
      }
    };
    regions();
    const outcomeLine = [
      ...t.categories
        .map((c, i) => ({ c, i }))
        .filter((x) => x.c.total)
        .map((x) => x.i),
      missingIndex,
    ];
    if (outcomeLine.filter((i) => catHidden.has(i)).length === 1) {
      const rest = outcomeLine
        .filter((i) => !catHidden.has(i))
        .sort(
          smallestFirst(
            totalBy((c) => c.catIndex),
            missingIndex,
          ),
        );
      catHidden.add(rest[0]!);
    }
    regions();
  }
  for (const c of cells) if (c.split.every((m, d) => splitHidden[d]!.has(m)) && catHidden.has(c.catIndex)) c.hidden = true;
  return hiddenSet();
}

function splitColumns(t: Table, split: number[]): Row {
  const row: Row = {};
  t.parts.forEach((p, d) => {
    const m = p.members[split[d]!]!;
    row[`${p.prefix}_code`] = m.code;
    row[`${p.prefix}_label`] = m.label;
  });
  return row;
}

const FIXED = new Set(["category", "row", "column", "from", "to", "outcome", "n", "share", "missing", "mean", "median", "min", "max", "suppressed", "row_type"]);

export interface ReferenceOptions {
  lang?: string;
  /** Complementary passes before the closing rule (default: the policy's). */
  passes?: number;
  /** Filled with what the suppression did. */
  stats?: SuppressionStats;
}

/** Rows a query for `question` (split by `splitId`, or the whole population when null) must return. */
export function referenceRows(model: PlanModel, data: SyntheticData, question: string, splitId: string | null, opts: ReferenceOptions = {}): Row[] {
  const lang = opts.lang ?? model.language;
  const r = new Records(model, data, lang);
  const q: QuestionModel = model.questions.find((x) => x.name === question)!;
  const split = splitId === null ? null : q.splits.find((s) => s.id === splitId)!;
  const population = data.individuals.filter((id) => !q.where || holds(q.where, r, id));

  const used = new Set<string>();
  const parts = (split?.parts ?? []).map((p) => {
    let prefix = p.name;
    if (FIXED.has(prefix) || used.has(prefix)) prefix = `${p.name}_${p.timepoint}`;
    for (let k = 2; FIXED.has(prefix) || used.has(prefix); k++) prefix = `${p.name}_${k}`;
    used.add(prefix);
    return { ref: p, prefix, members: [...r.options(p).map((o) => ({ code: o.code as string | null, label: o.label })), { code: null, label: r.texts().missing }] };
  });
  const splitOf = (id: string): string =>
    parts
      .map((p) => {
        const got = r.read(p.ref, id);
        return got.missing ? p.members.length - 1 : p.members.findIndex((m) => m.code === got.codes[0]);
      })
      .join(",");

  const table: Table = { parts: parts.map((p) => ({ prefix: p.prefix, members: p.members })), categories: [], counts: new Map(), sizes: new Map() };
  const add = (s: string, cat: string) => table.counts.set(`${s}|${cat}`, (table.counts.get(`${s}|${cat}`) ?? 0) + 1);
  for (const id of population) {
    const s = splitOf(id);
    table.sizes.set(s, (table.sizes.get(s) ?? 0) + 1);
  }

  const a = q.analysis;
  const texts = r.texts();
  const summaryValues = new Map<string, number[]>();
  switch (a.kind) {
    case "count":
    case "crosstab": {
      const refs = a.kind === "count" ? [a.target] : [a.row, a.column];
      const options = refs.map((x) => r.options(x));
      if (a.kind === "count") table.categories = options[0]!.map((o) => ({ key: o.code, cls: 0, columns: { category_code: o.code, category_label: o.label } }));
      else
        for (const x of options[0]!)
          for (const y of options[1]!) table.categories.push({ key: `${x.code}/${y.code}`, cls: 0, columns: { row_code: x.code, row_label: x.label, column_code: y.code, column_label: y.label } });
      for (const id of population) {
        const got = refs.map((x) => r.read(x, id));
        const s = splitOf(id);
        if (got.some((g) => g.missing)) {
          add(s, MISSING);
          continue;
        }
        const [first, second] = got as { codes: string[] }[];
        if (a.kind === "count") for (const c of first!.codes) add(s, c);
        else for (const x of first!.codes) for (const y of second!.codes) add(s, `${x}/${y}`);
      }
      break;
    }
    case "attainment": {
      table.categories = [
        { key: "reached", cls: 0, columns: { category_code: "reached", category_label: texts.reached } },
        { key: "not_reached", cls: 0, columns: { category_code: "not_reached", category_label: texts.notReached } },
      ];
      const lower = r.valueset(r.variable(a.target.name)).direction === "lower";
      for (const id of population) {
        const t = r.scalePosition(a.target.name, a.target.timepoint, id);
        const g = r.scalePosition(a.goal.name, a.goal.timepoint, id);
        const s = splitOf(id);
        if (t === null || g === null) add(s, MISSING);
        else add(s, (lower ? t <= g : t >= g) ? "reached" : "not_reached");
      }
      break;
    }
    case "change": {
      const v = r.variable(a.variable);
      const vs = r.valueset(v);
      const scale = vs.values.filter((x) => !x.missing);
      const lower = vs.direction === "lower";
      scale.forEach((x, i) =>
        scale.forEach((y, j) => {
          const cls = i === j ? 2 : (lower ? j < i : j > i) ? 1 : 3;
          table.categories.push({ key: `${i + 1}/${j + 1}`, cls, columns: { from_code: x.code, from_label: r.label(x.label), to_code: y.code, to_label: r.label(y.label) } });
        }),
      );
      const outcomes = ["improved", "unchanged", "worsened"];
      for (const cls of [1, 2, 3]) table.categories.push({ key: outcomes[cls - 1]!, cls, columns: { from_code: null, from_label: null, to_code: null, to_label: null }, total: true });
      const clsOf = new Map(table.categories.map((c) => [c.key, c.cls]));
      for (const id of population) {
        const f = r.scalePosition(a.variable, a.from, id);
        const t = r.scalePosition(a.variable, a.to, id);
        const s = splitOf(id);
        if (f === null || t === null) add(s, MISSING);
        else {
          add(s, `${f}/${t}`);
          add(s, outcomes[clsOf.get(`${f}/${t}`)! - 1]!);
        }
      }
      break;
    }
    case "summary": {
      table.categories = [{ key: "value", cls: 0, columns: {} }];
      for (const id of population) {
        const x = r.raw(a.target.name, a.target.timepoint, id);
        const s = splitOf(id);
        if (typeof x === "number") {
          add(s, "value");
          if (!summaryValues.has(s)) summaryValues.set(s, []);
          summaryValues.get(s)!.push(x);
        } else add(s, MISSING);
      }
      break;
    }
  }

  const hidden = suppress(table, model.minCell, a.kind === "change", opts.passes ?? PASSES, opts.stats);
  const small = (n: number) => n >= 1 && n <= model.minCell - 1;
  const rows: Row[] = [];
  for (const split of splitKeys(table)) {
    const s = split.join(",");
    const size = table.sizes.get(s) ?? 0;
    const n = (cat: string) => table.counts.get(`${s}|${cat}`) ?? 0;
    const isHidden = (cat: string) => hidden.has(`${s}|${cat}`);
    const counts = (count: number, hide: boolean): Row => ({
      n: hide ? null : count,
      share: hide || size === 0 ? null : count / size,
      missing_n: isHidden(MISSING) ? null : n(MISSING),
      suppressed: hide ? 1 : 0,
      missing_suppressed: isHidden(MISSING) ? 1 : 0,
    });
    if (a.kind === "summary") {
      const values = [...(summaryValues.get(s) ?? [])].sort((x, y) => x - y);
      const k = values.length;
      const stats = k === 0 || small(k);
      const c = counts(k, isHidden("value"));
      rows.push({
        ...splitColumns(table, split),
        n: c.n!,
        share: c.share!,
        mean: stats ? null : values.reduce((x, y) => x + y, 0) / k,
        median: stats ? null : k % 2 ? values[(k - 1) / 2]! : (values[k / 2 - 1]! + values[k / 2]!) / 2,
        min: stats ? null : values[0]!,
        max: stats ? null : values[k - 1]!,
        missing_n: c.missing_n!,
        suppressed: c.suppressed!,
        missing_suppressed: c.missing_suppressed!,
      });
      continue;
    }
    if (a.kind === "change") {
      const outcome = (cls: number) => (cls === 1 ? ["improved", texts.improved] : cls === 2 ? ["unchanged", texts.unchanged] : ["worsened", texts.worsened]);
      for (const cat of table.categories) {
        const [oc, ol] = outcome(cat.cls);
        rows.push({ ...splitColumns(table, split), row_type: cat.total ? "outcome" : "transition", ...cat.columns, outcome_code: oc!, outcome_label: ol!, ...counts(n(cat.key), isHidden(cat.key)) });
      }
      continue;
    }
    for (const cat of table.categories) rows.push({ ...splitColumns(table, split), ...cat.columns, ...counts(n(cat.key), isHidden(cat.key)) });
  }
  return rows;
}

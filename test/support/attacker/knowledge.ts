// What an outsider knows from a published report (results.json) alone: every
// count it shows or hides becomes an unknown, and every relation the report's
// structure implies between them becomes a linear relation — within a group,
// between a table and its finer splits, between questions on one population,
// and what rounded shares and means pin down. Nothing here reads the
// protection code or the pipeline: only the published shape and its numbers.
import type { Figure, HiddenReason, PublishedGroup, PublishedQuestion, PublishedRow, PublishedTable, Results } from "../../../compiler/results/published.js";
import { type Q, ONE, ZERO, add, decimals, fromNumber, mul, neg, q, unit } from "./rational.js";

export interface Unknown {
  /** Names the figure: `<table>{<part>=<code>,…}.size`, `.missing`, `.n`, `.n[category=x]`, `basis.individuals` … */
  id: string;
  table: string;
  /** A published count, or a group's sum of values (never published, but tied to its mean). */
  kind: "count" | "sum";
  /** The published value; null when hidden. */
  value: Q | null;
  hidden?: HiddenReason;
}

export interface Term {
  unknown: number;
  coef: Q;
}

/** lo ≤ Σ coef · unknown ≤ hi (a bound of null: none). */
export interface Relation {
  terms: Term[];
  lo: Q | null;
  hi: Q | null;
  /** Where the relation comes from, for a contradiction's message. */
  why: string;
}

/** A shown mean over a group's n: some sum of `grain`-multiples lies in n · [mean − half, mean + half]. */
export interface MeanFact {
  n: number;
  sum: number;
  mean: Q;
  half: Q;
  /** The values' granularity the attacker assumes (1: whole numbers), null: none assumed. */
  grain: Q | null;
}

/** Relations an outsider knows hold in one of several ways (a change: which end of the scale is better). */
export interface Alternative {
  question: string;
  options: { label: string; relations: Relation[] }[];
}

export interface Knowledge {
  minCell: number;
  unknowns: Unknown[];
  relations: Relation[];
  means: MeanFact[];
  alternatives: Alternative[];
  /** What the attacker assumed beyond what results.json states. */
  assumptions: string[];
}

export interface KnowledgeOptions {
  /** A change's better end by question, when the attacker knows it (the plan is public); otherwise both are tried. */
  direction?: Record<string, "higher" | "lower">;
  /** Whether to assume that questions with equal totals share a population (default true). */
  populations?: boolean;
}

interface GroupUnknowns {
  group: PublishedGroup;
  /** part key → member code (null: the missing group). */
  byPart: Map<string, string | null>;
  label: string;
  size: number;
  missing: number;
  n?: number;
  sum?: number;
  /** row key → unknown. */
  rows: Map<string, number>;
  rowList: { row: PublishedRow; key: string; unknown: number }[];
}

interface TableUnknowns {
  table: PublishedTable;
  question: PublishedQuestion;
  parts: string[];
  partSet: string;
  groups: GroupUnknowns[];
}

const partKey = (p: { kind: string; name: string; timepoint: string }): string => `${p.kind}:${p.name}@${p.timepoint}`;
const rowKey = (row: PublishedRow): string =>
  Object.entries(row.key)
    .map(([role, m]) => `${role}=${m!.code ?? "-"}`)
    .join(",");

/** Half a unit of the last decimal a figure was published with: the declared precision, or finer when the number shows more (then a full unit and a double's error, since the figure may be an unrounded double). */
function halfUnit(v: number, declared: number): Q {
  const d = decimals(v);
  if (d <= declared) return mul(q(1, 2), unit(declared));
  return add(unit(d), mul(fromNumber(Math.abs(v)), q(1n, 2n ** 50n)));
}

const equal = (terms: Term[], value: Q, why: string): Relation => ({ terms, lo: value, hi: value, why });
const plus = (...unknowns: number[]): Term[] => unknowns.map((u) => ({ unknown: u, coef: ONE }));
const minus = (...unknowns: number[]): Term[] => unknowns.map((u) => ({ unknown: u, coef: neg(ONE) }));

export function knowledgeOf(results: Results, options: KnowledgeOptions = {}): Knowledge {
  const k: Knowledge = { minCell: results.minCell, unknowns: [], relations: [], means: [], alternatives: [], assumptions: [] };
  const byId = new Map<string, number>();
  const unknown = (id: string, table: string, kind: Unknown["kind"], figure?: Figure): number => {
    if (byId.has(id)) throw new Error(`results.json names the figure ${id} twice`);
    const index = k.unknowns.length;
    k.unknowns.push({ id, table, kind, value: figure && figure.value !== null ? fromNumber(figure.value) : null, ...(figure?.hidden ? { hidden: figure.hidden } : {}) });
    byId.set(id, index);
    return index;
  };
  const relate = (r: Relation) => k.relations.push(r);

  basis(results, unknown, relate);
  const tablesByQuestion = results.questions.map((question) => question.tables.map((table) => readTable(question, table, results, unknown, k)));
  results.questions.forEach((question, i) => {
    const tables = tablesByQuestion[i]!;
    for (const t of tables) for (const g of t.groups) withinGroup(question, g, k, options);
    for (const a of tables) for (const b of tables) if (finer(a, b)) margins(a, b, k, true);
  });
  if (options.populations !== false) samePopulation(results, tablesByQuestion, k);
  return k;
}

/** The data basis: individuals, registrations per time point and bortfall per variable, each at most the individuals. */
function basis(results: Results, unknown: (id: string, table: string, kind: Unknown["kind"], f?: Figure) => number, relate: (r: Relation) => void): void {
  const b = results.basis;
  const individuals = unknown("basis.individuals", "basis", "count", b.individuals);
  for (const r of b.registrations) {
    const u = unknown(`basis.registrations[${r.timepoint}]`, "basis", "count", r.n);
    relate({ terms: [...plus(individuals), ...minus(u)], lo: ZERO, hi: null, why: `registrations at ${r.timepoint} ≤ individuals` });
  }
  for (const m of b.missing) {
    const u = unknown(`basis.missing[${m.variable}@${m.timepoint}]`, "basis", "count", m.n);
    relate({ terms: [...plus(individuals), ...minus(u)], lo: ZERO, hi: null, why: `bortfall of ${m.variable} ≤ individuals` });
  }
}

function readTable(
  question: PublishedQuestion,
  table: PublishedTable,
  results: Results,
  unknown: (id: string, table: string, kind: Unknown["kind"], f?: Figure) => number,
  k: Knowledge,
): TableUnknowns {
  const parts = (table.split?.parts ?? []).map(partKey);
  const names = (table.split?.parts ?? []).map((p) => p.name);
  const groups = table.groups.map((group): GroupUnknowns => {
    if (group.split.length !== parts.length) throw new Error(`${table.id}: a group has ${group.split.length} split members for ${parts.length} parts`);
    const label = `${table.id}{${group.split.map((m, i) => `${names[i]}=${m.code ?? "-"}`).join(",")}}`;
    const g: GroupUnknowns = {
      group,
      byPart: new Map(group.split.map((m, i) => [parts[i]!, m.code])),
      label,
      size: unknown(`${label}.size`, table.id, "count", group.size),
      missing: unknown(`${label}.missing`, table.id, "count", group.missing),
      rows: new Map(),
      rowList: [],
    };
    if (group.n) g.n = unknown(`${label}.n`, table.id, "count", group.n);
    if (group.n && question.tables.some((t) => t.groups.some((x) => x.mean && x.mean.value !== null))) g.sum = unknown(`${label}.sum`, table.id, "sum");
    return g;
  });
  const byLabel = new Map(groups.map((g) => [g.group.split.map((m) => m.code ?? "-").join(","), g]));
  for (const row of table.rows) {
    const g = byLabel.get(row.split.map((m) => m.code ?? "-").join(","));
    if (!g) throw new Error(`${table.id}: a row's split cell is not one of the table's groups`);
    const key = rowKey(row);
    const u = unknown(`${g.label}.n[${key}]`, table.id, "count", row.n);
    g.rows.set(key, u);
    g.rowList.push({ row, key, unknown: u });
    // A shown share with its n or size hidden: n / size within half a unit of the last decimal.
    if (row.share.value !== null) {
      const s = fromNumber(row.share.value);
      const h = halfUnit(row.share.value, results.precision.share);
      k.relations.push({
        terms: [
          { unknown: u, coef: ONE },
          { unknown: g.size, coef: neg(add(s, neg(h))) },
        ],
        lo: ZERO,
        hi: null,
        why: `share of ${g.label}.n[${key}]`,
      });
      k.relations.push({
        terms: [
          { unknown: u, coef: ONE },
          { unknown: g.size, coef: neg(add(s, h)) },
        ],
        lo: null,
        hi: ZERO,
        why: `share of ${g.label}.n[${key}]`,
      });
    }
  }
  for (const g of groups) meanFact(question, g, results, k);
  return { table, question, parts, partSet: [...parts].sort().join("|"), groups };
}

/** A shown mean: the group's sum of values lies in n · (mean ± half a unit). */
function meanFact(question: PublishedQuestion, g: GroupUnknowns, results: Results, k: Knowledge): void {
  const mean = g.group.mean?.value;
  if (mean === null || mean === undefined || g.n === undefined || g.sum === undefined) return;
  const m = fromNumber(mean);
  const h = halfUnit(mean, results.precision.mean);
  const why = `mean of ${g.label}`;
  k.relations.push({
    terms: [
      { unknown: g.sum, coef: ONE },
      { unknown: g.n, coef: neg(add(m, neg(h))) },
    ],
    lo: ZERO,
    hi: null,
    why,
  });
  k.relations.push({
    terms: [
      { unknown: g.sum, coef: ONE },
      { unknown: g.n, coef: neg(add(m, h)) },
    ],
    lo: null,
    hi: ZERO,
    why,
  });
  k.means.push({ n: g.n, sum: g.sum, mean: m, half: h, grain: wholeValues(question, k) ? ONE : null });
}

/** Whole-number values: assumed when every median the question shows is a whole or a half number (as medians of whole numbers are). */
function wholeValues(question: PublishedQuestion, k: Knowledge): boolean {
  const medians = question.tables.flatMap((t) => t.groups.map((g) => g.median?.value)).filter((v): v is number => v !== null && v !== undefined);
  const whole = medians.length > 0 && medians.every((v) => Number.isInteger(v * 2));
  const note = `${question.name}: values assumed whole numbers (every median shown is a whole or half number)`;
  if (whole && !k.assumptions.includes(note)) k.assumptions.push(note);
  return whole;
}

/** Inside one group: the rows and the bortfall make up the group's size. */
function withinGroup(question: PublishedQuestion, g: GroupUnknowns, k: Knowledge, options: KnowledgeOptions): void {
  const why = (what: string) => `${g.label}: ${what}`;
  const complete = (r: PublishedRow) => Object.values(r.key).every((m) => m!.code !== null);
  const rows = g.rowList.filter((r) => complete(r.row));
  const incomplete = g.rowList.filter((r) => !complete(r.row));
  const sizeIs = (unknowns: number[], what: string) => k.relations.push(equal([...plus(...unknowns, g.missing), ...minus(g.size)], ZERO, why(what)));
  // Rows naming a missing member count individuals of the bortfall.
  if (incomplete.length > 0) k.relations.push({ terms: [...plus(g.missing), ...minus(...incomplete.map((r) => r.unknown))], lo: ZERO, hi: null, why: why("rows of the bortfall ≤ bortfall") });
  if (question.analysis === "summary") {
    if (g.n !== undefined) sizeIs([g.n], "n + bortfall = size");
    return;
  }
  if (question.multiple) {
    // An option is chosen by at most the individuals who answered.
    for (const r of rows) k.relations.push({ terms: [...plus(g.size), ...minus(g.missing, r.unknown)], lo: ZERO, hi: null, why: why(`${r.key} ≤ size − bortfall`) });
    return;
  }
  if (question.analysis !== "change") {
    if (rows.length > 0)
      sizeIs(
        rows.map((r) => r.unknown),
        "Σ rows + bortfall = size",
      );
    return;
  }
  const transitions = rows.filter((r) => r.row.key.from && r.row.key.to);
  const outcomes = new Map(rows.filter((r) => r.row.key.outcome).map((r) => [r.row.key.outcome!.code!, r.unknown]));
  if (transitions.length > 0)
    sizeIs(
      transitions.map((r) => r.unknown),
      "Σ transitions + bortfall = size",
    );
  if (outcomes.size > 0) sizeIs([...outcomes.values()], "Σ outcomes + bortfall = size");
  if (transitions.length === 0 || outcomes.size === 0) return;
  const [improved, unchanged, worsened] = ["improved", "unchanged", "worsened"].map((c) => outcomes.get(c));
  if (improved === undefined || unchanged === undefined || worsened === undefined) {
    k.assumptions.push(`${g.label}: outcome codes are not improved/unchanged/worsened; their regions are not used`);
    return;
  }
  // The scale order: the members of `from` in the order the rows list them.
  const order: string[] = [];
  for (const r of transitions) if (!order.includes(r.row.key.from!.code!)) order.push(r.row.key.from!.code!);
  const step = (r: (typeof transitions)[number]) => Math.sign(order.indexOf(r.row.key.to!.code!) - order.indexOf(r.row.key.from!.code!));
  const region = (s: number) => transitions.filter((r) => step(r) === s).map((r) => r.unknown);
  k.relations.push(equal([...plus(...region(0)), ...minus(unchanged)], ZERO, why("unchanged = Σ diagonal")));
  const oriented = (better: number): Relation[] => [
    equal([...plus(...region(better)), ...minus(improved)], ZERO, why("improved = Σ transitions toward the better end")),
    equal([...plus(...region(-better)), ...minus(worsened)], ZERO, why("worsened = Σ transitions toward the worse end")),
  ];
  const known = options.direction?.[question.name];
  if (known) k.relations.push(...oriented(known === "higher" ? 1 : -1));
  else {
    const alt = k.alternatives.find((a) => a.question === question.name);
    const higher = { label: "higher is better", relations: oriented(1) };
    const lower = { label: "lower is better", relations: oriented(-1) };
    if (alt) {
      alt.options[0]!.relations.push(...higher.relations);
      alt.options[1]!.relations.push(...lower.relations);
    } else k.alternatives.push({ question: question.name, options: [higher, lower] });
  }
}

/** Whether table b splits every part of a and more (a's groups are sums of b's). */
function finer(a: TableUnknowns, b: TableUnknowns): boolean {
  return a !== b && a.parts.length < b.parts.length && a.parts.every((p) => b.parts.includes(p));
}

/** Each group of the coarser table is the sum of the finer table's groups that agree with it on its parts (the missing group included): its size, and with `rows` its bortfall, n, sum and every row. */
function margins(a: TableUnknowns, b: TableUnknowns, k: Knowledge, rows: boolean): void {
  for (const ga of a.groups) {
    const children = b.groups.filter((gb) => a.parts.every((p) => gb.byPart.get(p) === ga.byPart.get(p)));
    if (children.length === 0) continue;
    const why = (what: string) => `${ga.label}.${what} = Σ ${b.table.id} over its groups`;
    const sum = (pick: (g: GroupUnknowns) => number | undefined, what: string) => {
      const parts = children.map(pick);
      const whole = pick(ga);
      if (whole === undefined || parts.some((p) => p === undefined)) return;
      k.relations.push(equal([...plus(...(parts as number[])), ...minus(whole)], ZERO, why(what)));
    };
    sum((g) => g.size, "size");
    if (!rows) continue;
    sum((g) => g.missing, "missing");
    sum((g) => g.n, "n");
    sum((g) => g.sum, "sum");
    for (const key of ga.rows.keys()) sum((g) => g.rows.get(key), `n[${key}]`);
  }
}

/** Splits questions of equal totals into sets whose shown group sizes agree wherever they split the same way (equal totals alone may be chance). */
function agreeing(questions: number[], tables: TableUnknowns[][]): number[][] {
  const sets: number[][] = [];
  const shownSizes = (i: number) =>
    new Map(tables[i]!.flatMap((t) => t.groups.map((g) => [`${t.partSet}/${t.parts.map((p) => `${p}=${g.byPart.get(p)}`).sort()}`, g.group.size.value] as const)).filter(([, v]) => v !== null));
  const sizes = new Map(questions.map((i) => [i, shownSizes(i)]));
  const agree = (a: number, b: number) => [...sizes.get(a)!].every(([key, v]) => !sizes.get(b)!.has(key) || sizes.get(b)!.get(key) === v);
  for (const i of questions) {
    const set = sets.find((s) => s.every((j) => agree(i, j)));
    if (set) set.push(i);
    else sets.push([i]);
  }
  return sets;
}

/**
 * Questions on one population have the same group sizes in tables split the
 * same way. results.json does not say which questions share a population, so
 * the attacker assumes it for questions whose whole-population sizes are
 * shown and equal and whose shown group sizes agree (and says so).
 */
function samePopulation(results: Results, tables: TableUnknowns[][], k: Knowledge): void {
  const byTotal = new Map<string, number[]>();
  results.questions.forEach((question, i) => {
    const total = question.tables.find((t) => t.split === null)?.groups[0]?.size.value;
    if (total === null || total === undefined) return;
    byTotal.set(String(total), [...(byTotal.get(String(total)) ?? []), i]);
  });
  for (const [total, candidates] of byTotal)
    for (const questions of agreeing(candidates, tables)) {
      if (questions.length < 2) continue;
      k.assumptions.push(`questions ${questions.map((i) => results.questions[i]!.name).join(", ")} share a population (their whole-population sizes are all ${total})`);
      const all = questions.flatMap((i) => tables[i]!);
      const representative = new Map<string, TableUnknowns>();
      for (const t of all) if (!representative.has(t.partSet)) representative.set(t.partSet, t);
      for (const t of all) {
        const r = representative.get(t.partSet)!;
        if (r === t) continue;
        for (const g of t.groups) {
          const same = r.groups.find((x) => t.parts.every((p) => x.byPart.get(p) === g.byPart.get(p)));
          if (same) k.relations.push(equal([...plus(g.size), ...minus(same.size)], ZERO, `${g.label}.size = ${same.label}.size (same population)`));
        }
      }
      const reps = [...representative.values()];
      for (const a of reps) for (const b of reps) if (a.question !== b.question && finer(a, b)) margins(a, b, k, false);
    }
}

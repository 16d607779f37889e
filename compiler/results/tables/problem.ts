// Every question's tables together as one protection problem: the finest
// cells of all questions (and the basis figures) as unknowns, every count the
// report would publish as a sum of them, shares and means as derived figures
// with the bounds their rounded values imply, and the relations an outsider
// knows whatever is hidden — a chosen option is at most its answered
// individuals, and questions of the same population count the same people in
// the same groups of every variable they both read. Medians and quartiles are
// hidden with their n but add no relations yet (a gap: a shown median says
// that at most half the values lie below it).
import type { GrainColumn } from "../../model/grain.js";
import type { ConditionModel, MeasureRef, PlanModel } from "../../model/index.js";
import type { CountItem, DerivedItem, ProtectionProblem, Relation, Unknown } from "../protect/problem.js";
import { BASIS_TABLE, basisIndividualsId, basisMissingId, basisRegistrationsId, groupFigureId, rowCountId, rowShareId } from "./ids.js";
import { Labels } from "./labels.js";
import { half, PRECISION, round } from "./precision.js";
import type { BasisFigures, Coordinate, Count, QuestionTables } from "./types.js";

/** A condition's structure as text, keys sorted, so that equal conditions compare equal however they were built. */
function canonical(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(canonical).join(",")}]`;
  if (x && typeof x === "object")
    return `{${Object.keys(x)
      .filter((k) => (x as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((x as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(x);
}

export const populationKey = (where: ConditionModel | undefined): string => (where ? canonical(where) : "everyone");

const sameRef = (a: MeasureRef, b: MeasureRef) => a.kind === b.kind && a.name === b.name && a.timepoint === b.timepoint;

export function protectionProblem(model: PlanModel, questions: QuestionTables[], basis: BasisFigures, opts: { lang?: string } = {}): ProtectionProblem {
  const labels = new Labels(model, opts.lang ?? model.language);
  const unknowns: Unknown[] = [];
  const counts: CountItem[] = [];
  const derived: DerivedItem[] = [];
  const known: Relation[] = [];
  const offsets = new Map<QuestionTables, number>();

  for (const qt of questions) {
    const offset = unknowns.length;
    offsets.set(qt, offset);
    for (const c of qt.cells) unknowns.push({ value: c.value });
    qt.cells.forEach((c, i) => {
      if (c.answered !== undefined)
        known.push({
          terms: [
            { cell: offset + i, coef: 1 },
            { cell: offset + c.answered, coef: -1 },
          ],
          lo: -Infinity,
          hi: 0,
        });
    });
    const global = (c: Count): Count => ({ value: c.value, cells: c.cells.map((x) => x + offset) });
    const { grain, question } = qt;
    for (const t of qt.tables) {
      for (const g of t.groups) {
        const where = `${question.name} · ${labels.group(grain, t, g)}`;
        const item = (id: string, what: string, c: Count) => counts.push({ id, table: t.id, description: `${where} · ${what}`, cells: global(c).cells, value: c.value });
        const size = global(g.size);
        const sizeId = groupFigureId(t, g, "size");
        item(sizeId, labels.texts.size, g.size);
        item(groupFigureId(t, g, "missing"), labels.texts.missing, g.missing);
        for (const r of g.rows) {
          const id = rowCountId(t, g, r.key);
          item(id, labels.row(grain, r.key), r.n);
          // A share is shown only with its n and its group size, and then says nothing they do not: it adds no relation.
          if (size.value > 0) derived.push({ id: rowShareId(t, g, r.key), counts: [id, sizeId], relations: [] });
        }
        const s = g.summary;
        if (s) {
          const nId = groupFigureId(t, g, "n");
          item(nId, labels.texts.withValue, s.n);
          if (s.mean !== null) {
            // Σ value·cell over n's cells lies within n · (mean ± half).
            derived.push({ id: groupFigureId(t, g, "mean"), counts: [nId], relations: meanRelations(global(s.n), s.cellValues, s.mean) });
            for (const what of ["median", "q1", "q3"] as const) derived.push({ id: groupFigureId(t, g, what), counts: [nId], relations: [] });
          }
        }
      }
    }
  }

  linkPopulations(questions, offsets, known);

  // The basis: its own unknowns, the individuals linked to every question without `where`.
  const basisCell = (id: string, table: string, description: string, value: number): number => {
    unknowns.push({ value });
    counts.push({ id, table, description, cells: [unknowns.length - 1], value });
    return unknowns.length - 1;
  };
  const individuals = basisCell(basisIndividualsId, BASIS_TABLE, labels.texts.individuals, basis.individuals);
  const registered = new Map<string, number>();
  for (const r of basis.registrations) {
    const cell = basisCell(basisRegistrationsId(r.timepoint), BASIS_TABLE, labels.timepoint(r.timepoint), r.n);
    registered.set(r.timepoint, cell);
    known.push({
      terms: [
        { cell, coef: 1 },
        { cell: individuals, coef: -1 },
      ],
      lo: -Infinity,
      hi: 0,
    });
  }
  for (const m of basis.missing) {
    const cell = basisCell(
      basisMissingId(m.variable, m.timepoint),
      BASIS_TABLE,
      `${labels.measure({ kind: "variable", name: m.variable, timepoint: m.timepoint })} (${labels.timepoint(m.timepoint)}) · ${labels.texts.missing}`,
      m.n,
    );
    const reg = registered.get(m.timepoint);
    if (reg !== undefined)
      known.push({
        terms: [
          { cell, coef: 1 },
          { cell: reg, coef: -1 },
        ],
        lo: -Infinity,
        hi: 0,
      });
  }
  // A question of everyone counts every individual; one with a `where` at most that many.
  for (const qt of questions) {
    const offset = offsets.get(qt)!;
    const whole = qt.tables[0]!.groups[0]!.size.cells;
    known.push({ terms: [{ cell: individuals, coef: 1 }, ...whole.map((c) => ({ cell: c + offset, coef: -1 }))], lo: 0, hi: qt.question.where ? Infinity : 0 });
  }
  return { minCell: model.minCell, unknowns, counts, derived, known };
}

/** A rounded mean m of the values v over n's cells: Σ (v − m + h)·cell ≥ 0 and Σ (v − m − h)·cell ≤ 0. */
function meanRelations(n: Count, values: number[], mean: number): Relation[] {
  const m = round(mean, PRECISION.mean);
  const h = half(PRECISION.mean);
  const terms = (shift: number) => n.cells.map((cell, i) => ({ cell, coef: values[i]! - m + shift })).filter((t) => t.coef !== 0);
  return [
    { terms: terms(h), lo: 0, hi: Infinity },
    { terms: terms(-h), lo: -Infinity, hi: 0 },
  ];
}

/** One reading an individuals cell records: a split part or a key, and how its coordinate reads (a member, or whether a multiple choice was answered). */
interface Reading {
  ref: MeasureRef;
  kind: "member" | "answered";
  /** The coordinate's place: a dim's index, or the grain's dims count + a key's index. */
  at: number;
  col: GrainColumn;
}

function readings(qt: QuestionTables): Reading[] {
  const out: Reading[] = [];
  const add = (r: Reading) => {
    if (!out.some((x) => sameRef(x.ref, r.ref))) out.push(r);
  };
  qt.grain.dims.forEach((d, i) => add({ ref: d.ref, kind: "member", at: i, col: d }));
  qt.grain.keys.forEach((k, i) => {
    if (k.role !== "value") add({ ref: k.ref, kind: k.multiple ? "answered" : "member", at: qt.grain.dims.length + i, col: k });
  });
  return out;
}

/**
 * Questions of the same population (the same `where`, or none) count the same
 * individuals, and an individual reads the same variable at the same time
 * point alike wherever it is read (a split part, a category, a change's
 * scale). So for the readings two questions share, each combination of their
 * members (missing included) holds the same number of people in both: a
 * group size is a group size in every question, and a count's category is
 * the size of the same group where another question splits by it. A question
 * with a `where` counts some of everyone: in each such combination it holds
 * at most as many as a question of everyone (so when their totals are equal,
 * an outsider knows the `where` kept everyone, and the two are one).
 */
function linkPopulations(questions: QuestionTables[], offsets: Map<QuestionTables, number>, known: Relation[]): void {
  const byPopulation = new Map<string, QuestionTables[]>();
  for (const qt of questions) {
    const k = populationKey(qt.question.where);
    byPopulation.set(k, [...(byPopulation.get(k) ?? []), qt]);
  }
  const idOf = (r: Reading) => `${r.kind}|${r.ref.kind}|${r.ref.name}|${r.ref.timepoint ?? ""}`;
  const read = new Map(questions.map((qt) => [qt, new Map(readings(qt).map((r) => [idOf(r), r]))]));
  /** The readings two questions share, in one order whatever the pair. */
  const sharedIds = (a: QuestionTables, b: QuestionTables): string[] => {
    const rb = read.get(b)!;
    return [...read.get(a)!.keys()].filter((id) => rb.has(id)).sort();
  };
  const readsAll = (qt: QuestionTables, ids: string[]) => ids.every((id) => read.get(qt)!.has(id));
  /** A question's individuals cells by their members on these readings. */
  const sums = (qt: QuestionTables, ids: string[]) => {
    const places = ids.map((id) => read.get(qt)!.get(id)!.at);
    const m = new Map<string, number[]>();
    const offset = offsets.get(qt)!;
    qt.cells.forEach((c, i) => {
      if (c.kind !== "individuals") return;
      const coords = [...c.dims, ...c.keys];
      const k = places.map((p) => coords[p]!).join(",");
      const cells = m.get(k);
      if (cells) cells.push(i + offset);
      else m.set(k, [i + offset]);
    });
    return m;
  };
  /** Σ a − Σ b over each combination of members on the readings `ids`: = 0 (the same population) or ≤ 0 (a counts some of b's). */
  const link = (a: QuestionTables, b: QuestionTables, ids: string[], subset: boolean): void => {
    const inA = sums(a, ids);
    const inB = sums(b, ids);
    const sizes = ids.map((id) => {
      const r = read.get(a)!.get(id)!;
      return r.kind === "answered" ? 1 : r.col.members.length;
    });
    for (const key of combinations(sizes)) {
      const terms = [...(inA.get(key) ?? []).map((cell) => ({ cell, coef: 1 })), ...(inB.get(key) ?? []).map((cell) => ({ cell, coef: -1 }))];
      if (terms.length) known.push({ terms, lo: subset ? -Infinity : 0, hi: 0 });
    }
  };
  // Every pair of one population counts the same people on the readings it shares. Rather than a relation per pair
  // (the square of the questions), the questions that read all of a shared set are chained on it: the same equalities.
  for (const group of byPopulation.values()) {
    const sets = new Map<string, string[]>();
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) {
        const ids = sharedIds(group[i]!, group[j]!);
        sets.set(ids.join(";"), ids);
      }
    for (const ids of sets.values()) {
      const chain = group.filter((qt) => readsAll(qt, ids));
      for (let k = 1; k < chain.length; k++) link(chain[k - 1]!, chain[k]!, ids, false);
    }
  }
  // A question with a `where` against one question of everyone per shared set (those are all equal on it).
  const everyone = byPopulation.get(populationKey(undefined)) ?? [];
  for (const [key, group] of byPopulation) {
    if (key === populationKey(undefined)) continue;
    for (const a of group) {
      const sets = new Map<string, string[]>();
      for (const b of everyone) {
        const ids = sharedIds(a, b);
        sets.set(ids.join(";"), ids);
      }
      for (const ids of sets.values())
        link(
          a,
          everyone.find((b) => readsAll(b, ids))!,
          ids,
          true,
        );
    }
  }
}

/** Every combination of members (0 … size − 1) and missing over axes of these sizes, as the cells' keys spell them. */
function combinations(sizes: number[]): string[] {
  let out: Coordinate[][] = [[]];
  for (const n of sizes) out = out.flatMap((p) => [...Array.from({ length: n }, (_, i) => [...p, i]), [...p, null]]);
  return out.map((x) => x.join(","));
}

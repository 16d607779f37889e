// Protection over all published tables jointly (compiler/results/protect/),
// checked against an independent brute force: every whole-number assignment
// of the unknowns consistent with what is shown (shown counts, the relations
// of shown shares and means, the known relations) is enumerated, and from
// them each hidden count's feasible values. After protect() no hidden count
// may have a single feasible value, every primary count must be able to be 0
// or ≥ minCell, and the audit's ranges must equal the enumerated extremes.
// The problems: small ones solved by hand, the five attacks of issue 8, and
// seeded random tables.
import { describe, expect, it } from "vitest";
import { protect } from "../compiler/results/protect/index.js";
import type { CountItem, DerivedItem, ProtectionOutcome, ProtectionProblem, Relation } from "../compiler/results/protect/problem.js";
import { seededRandom } from "./support/synthetic.js";

// ---------------------------------------------------------------- problems from tables

interface Question {
  name: string;
  /** Levels of each dimension of the question's finest grain (split parts first, then what is counted). */
  dims: number[];
  /** Tables published: each a list of marginals (the dimensions kept; [] is the whole population). */
  tables: { id: string; marginals: number[][] }[];
  /** Per individual, its level in each dimension. */
  data: number[][];
  /** Shares published with this many decimals: each marginal's count over the marginal without its last dimension. */
  shareDecimals?: number;
}

interface Built {
  problem: ProtectionProblem;
  /** question name → first unknown. */
  offset: Map<string, number>;
  /** count id → its cells, to write relations in tests. */
  cellsOf: Map<string, number[]>;
}

function levelsOf(dims: number[], index: number): number[] {
  const out: number[] = [];
  for (let d = dims.length - 1; d >= 0; d--) {
    out.unshift(index % dims[d]);
    index = Math.floor(index / dims[d]);
  }
  return out;
}

function build(questions: Question[], minCell: number, known: (b: Built) => Relation[] = () => []): Built {
  const unknowns: { value: number }[] = [];
  const counts: CountItem[] = [];
  const derived: DerivedItem[] = [];
  const offset = new Map<string, number>();
  const cellsOf = new Map<string, number[]>();
  for (const q of questions) {
    const start = unknowns.length;
    offset.set(q.name, start);
    const size = q.dims.reduce((a, b) => a * b, 1);
    const values = new Array<number>(size).fill(0);
    for (const row of q.data) values[row.reduce((acc, level, d) => acc * q.dims[d] + level, 0)]++;
    values.forEach((value) => unknowns.push({ value }));
    for (const t of q.tables)
      for (const marginal of t.marginals) {
        const groups = new Map<string, number[]>();
        for (let i = 0; i < size; i++) {
          const key = marginal.map((d) => levelsOf(q.dims, i)[d]).join(".");
          groups.set(key, [...(groups.get(key) ?? []), start + i]);
        }
        for (const [key, cells] of groups) {
          const id = `${t.id}:${marginal.join("")}:${key}`;
          const value = cells.reduce((s, c) => s + unknowns[c].value, 0);
          counts.push({ id, table: t.id, description: `${q.name} ${marginal.join("×")} = ${key}`, cells, value });
          cellsOf.set(id, cells);
          if (q.shareDecimals !== undefined && marginal.length > 0) {
            const baseKey = key.split(".").slice(0, -1).join(".");
            const baseId = `${t.id}:${marginal.slice(0, -1).join("")}:${baseKey}`;
            if (t.marginals.some((m) => m.join("") === marginal.slice(0, -1).join(""))) derived.push(shareOf(id, cells, value, baseId, q, baseKey, marginal, start, unknowns));
          }
        }
      }
  }
  const b: Built = { problem: { minCell, unknowns, counts, derived, known: [] }, offset, cellsOf };
  b.problem.known = known(b);
  return b;
}

function shareOf(id: string, cells: number[], value: number, baseId: string, q: Question, baseKey: string, marginal: number[], start: number, unknowns: { value: number }[]): DerivedItem {
  const baseMarginal = marginal.slice(0, -1);
  const baseCells: number[] = [];
  const size = q.dims.reduce((a, c) => a * c, 1);
  for (let i = 0; i < size; i++) if (baseMarginal.map((d) => levelsOf(q.dims, i)[d]).join(".") === baseKey) baseCells.push(start + i);
  const base = baseCells.reduce((s, c) => s + unknowns[c].value, 0);
  return { id: `share:${id}`, counts: [id, baseId], relations: base === 0 ? [] : roundedRatio(cells, baseCells, value / base, q.shareDecimals!) };
}

/** What a ratio n/d published rounded half up to `decimals` tells: (r − h)·d ≤ n < (r + h)·d. */
function roundedRatio(nCells: number[], dCells: number[], ratio: number, decimals: number): Relation[] {
  const step = 10 ** -decimals;
  const r = Math.round(ratio / step) * step;
  const terms = (k: number) => [...nCells.map((cell) => ({ cell, coef: 1 })), ...dCells.map((cell) => ({ cell, coef: -k }))];
  return [
    { terms: terms(r - step / 2), lo: 0, hi: Infinity },
    { terms: terms(r + step / 2), lo: -Infinity, hi: -1e-9 },
  ];
}

// ---------------------------------------------------------------- the brute force

interface Feasible {
  low: number;
  high: number;
  values: Set<number>;
  /** The enumeration hit its cap for an unknown bound only by hidden counts: high may be larger. */
  capped: boolean;
}

/** Every whole-number assignment consistent with what is shown, by depth-first search with interval pruning. */
function enumerate(problem: ProtectionProblem, outcome: ProtectionOutcome, cap: number): Map<string, Feasible> {
  const n = problem.unknowns.length;
  const rows: { cells: number[]; coefs: number[]; lo: number; hi: number }[] = [];
  for (const c of problem.counts) if (!outcome.hidden.has(c.id)) rows.push({ cells: c.cells, coefs: c.cells.map(() => 1), lo: c.value, hi: c.value });
  for (const d of problem.derived) if (!outcome.hidden.has(d.id)) for (const r of d.relations) rows.push(relRow(r));
  for (const r of problem.known) rows.push(relRow(r));
  const upper = new Array<number>(n).fill(cap);
  for (const r of rows) if (r.coefs.every((k) => k === 1)) for (const c of r.cells) upper[c] = Math.min(upper[c], r.hi);
  const rowsOf: number[][] = Array.from({ length: n }, () => []);
  rows.forEach((r, ri) => r.cells.forEach((c) => rowsOf[c].push(ri)));
  const hiddenCounts = problem.counts.filter((c) => outcome.hidden.has(c.id));
  const result = new Map<string, Feasible>(hiddenCounts.map((c) => [c.id, { low: Infinity, high: -Infinity, values: new Set<number>(), capped: false }]));
  const x = new Array<number>(n).fill(-1);
  const possible = (ri: number): boolean => {
    const r = rows[ri];
    let lo = 0;
    let hi = 0;
    r.cells.forEach((c, k) => {
      const coef = r.coefs[k];
      if (x[c] >= 0) {
        lo += coef * x[c];
        hi += coef * x[c];
      } else if (coef > 0) hi += coef * upper[c];
      else lo += coef * upper[c];
    });
    return hi >= r.lo - 1e-9 && lo <= r.hi + 1e-9;
  };
  let solutions = 0;
  const visit = (i: number): void => {
    if (i === n) {
      solutions++;
      if (solutions > 3_000_000) throw new Error("brute force: too many solutions for a test problem");
      for (const c of hiddenCounts) {
        const s = c.cells.reduce((acc, cell) => acc + x[cell], 0);
        const f = result.get(c.id)!;
        f.low = Math.min(f.low, s);
        f.high = Math.max(f.high, s);
        f.values.add(s);
        if (c.cells.some((cell) => x[cell] === cap)) f.capped = true;
      }
      return;
    }
    for (let v = 0; v <= upper[i]; v++) {
      x[i] = v;
      if (rowsOf[i].every(possible)) visit(i + 1);
    }
    x[i] = -1;
  };
  visit(0);
  return result;
}

function relRow(r: Relation) {
  return { cells: r.terms.map((t) => t.cell), coefs: r.terms.map((t) => t.coef), lo: r.lo, hi: r.hi };
}

/** The properties every protected problem must have, by the brute force. Returns the number of hidden counts checked. */
function expectProtected(problem: ProtectionProblem, outcome: ProtectionOutcome, cap = 60): number {
  const feasible = enumerate(problem, outcome, cap);
  const ranges = new Map(outcome.ranges.map((r) => [r.id, r]));
  for (const c of problem.counts) {
    const isPrimary = c.value >= 1 && c.value < problem.minCell;
    if (isPrimary) expect(outcome.hidden.get(c.id), `${c.id} is primary`).toBe("primary");
    const f = feasible.get(c.id);
    if (!f) continue;
    const where = `${c.id} (true ${c.value}, feasible ${[...f.values].sort((a, b) => a - b).join(",")})`;
    expect(f.values.has(c.value), where).toBe(true);
    expect(f.values.size, `${where} is pinned`).toBeGreaterThan(1);
    if (isPrimary) expect(f.low <= 0 || f.high >= problem.minCell, `${where}: neither 0 nor ≥ ${problem.minCell}`).toBe(true);
    const range = ranges.get(c.id)!;
    expect(range, `${c.id} has a range`).toBeDefined();
    expect(range.low, `${where}: the audit's low`).toBe(f.low);
    if (f.capped) expect(range.high, `${where}: the audit's high`).toBeGreaterThanOrEqual(f.high);
    else expect(range.high, `${where}: the audit's high`).toBe(f.high);
  }
  for (const d of problem.derived) if (d.counts.some((id) => outcome.hidden.has(id))) expect(outcome.hidden.get(d.id), `${d.id} needs a hidden count`).toBe("derived");
  return feasible.size;
}

/** Individuals with the given levels, `times` each. */
function rows(...spec: [number[], number][]): number[][] {
  return spec.flatMap(([levels, times]) => Array.from({ length: times }, () => levels));
}

// ---------------------------------------------------------------- by hand

describe("protect: small problems solved by hand", () => {
  it("shows everything when no count is small, zeros included", async () => {
    const b = build([{ name: "q", dims: [2, 2], tables: [{ id: "t", marginals: [[], [0], [0, 1]] }], data: rows([[0, 0], 6], [[1, 0], 7], [[1, 1], 9]) }], 5);
    const out = await protect(b.problem);
    expect(out.hidden.size).toBe(0);
    expect(out.ranges).toEqual([]);
  });

  it("hides a small cell of a 2 × 3 table with three more in a rectangle, with the ranges worked out by hand", async () => {
    const vals = [2, 10, 7, 8, 9, 12];
    const counts: CountItem[] = vals.map((value, i) => ({ id: `x${i}`, table: "t", description: `cell ${i}`, cells: [i], value }));
    counts.push({ id: "row0", table: "t", description: "row 0", cells: [0, 1, 2], value: 19 });
    counts.push({ id: "row1", table: "t", description: "row 1", cells: [3, 4, 5], value: 29 });
    for (let j = 0; j < 3; j++) counts.push({ id: `col${j}`, table: "t", description: `column ${j}`, cells: [j, j + 3], value: vals[j] + vals[j + 3] });
    const problem: ProtectionProblem = { minCell: 5, unknowns: vals.map((value) => ({ value })), counts, derived: [], known: [] };
    const out = await protect(problem);
    // x0 = t, x2 = 9 − t, x3 = 10 − t, x5 = 10 + t with 0 ≤ t ≤ 9; the cheapest cells of the lines through x0.
    expect(new Map(out.hidden)).toEqual(
      new Map([
        ["x0", "primary"],
        ["x2", "secondary"],
        ["x3", "secondary"],
        ["x5", "secondary"],
      ]),
    );
    expect(out.ranges).toEqual([
      { id: "x0", low: 0, high: 9 },
      { id: "x2", low: 0, high: 9 },
      { id: "x3", low: 1, high: 10 },
      { id: "x5", low: 10, high: 19 },
    ]);
    expectProtected(problem, out);
  });

  it("hides every count of the same cells together, and the shares that need them", async () => {
    const unknowns = [{ value: 2 }, { value: 30 }];
    const counts: CountItem[] = [
      { id: "total:a", table: "total", description: "a", cells: [0], value: 2 },
      { id: "by:a", table: "by", description: "a in the only group", cells: [0], value: 2 },
      { id: "total:b", table: "total", description: "b", cells: [1], value: 30 },
      { id: "total", table: "total", description: "all", cells: [0, 1], value: 32 },
    ];
    const derived: DerivedItem[] = [{ id: "share:a", counts: ["by:a", "total"], relations: roundedRatio([0], [0, 1], 2 / 32, 1) }];
    const problem: ProtectionProblem = { minCell: 3, unknowns, counts, derived, known: [] };
    const out = await protect(problem);
    expect(out.hidden.get("total:a")).toBe("primary");
    expect(out.hidden.get("by:a")).toBe("primary");
    expect(out.hidden.get("share:a")).toBe("derived");
    expectProtected(problem, out);
  });

  it("names the count and the fix when the problem contradicts its own values", async () => {
    const problem: ProtectionProblem = { minCell: 3, unknowns: [{ value: 4 }], counts: [{ id: "n", table: "t", description: "n", cells: [0], value: 5 }], derived: [], known: [] };
    await expect(protect(problem)).rejects.toThrow("count 'n' (table t) has the value 5 but its unknowns sum to 4");
    const share: ProtectionProblem = { ...problem, counts: [{ id: "n", table: "t", description: "n", cells: [0], value: 4 }], derived: [{ id: "s", counts: ["n", "m"], relations: [] }] };
    await expect(protect(share)).rejects.toThrow("the derived figure 's' needs the count 'm', which the problem does not publish");
  });
});

// One component's linear program, kept in one HiGHS model for all its
// solves: a row per count (fixed to its value while shown, free while
// hidden), a row per relation of a derived figure (active while the figure
// is shown) and per known relation, unknowns ≥ 0, less what reduce.ts shows
// changes no bound. A hidden count's range is the minimum and maximum of its
// sum; between solves only the objective and the bounds of rows that change
// status are touched, so each solve starts from the last basis.
//
// Whole numbers: the ranges reported are the LP's (rounded inwards to whole
// numbers), an outer bound on what an outsider can conclude. Whether a count
// is safe is decided on witnesses only: whole-number solutions (the LP's
// optimal vertex when it is whole, else the same model solved as an integer
// program), each checked here against every active row in plain arithmetic.
import highsModule, { type Highs, type Model as HighsModel } from "highs";
import type { ProtectionProblem } from "./problem.js";
import { derivedShown, mergedTerms, type Groups } from "./groups.js";
import type { Component } from "./components.js";
import { ImpliedByCounts, keptColumns } from "./reduce.js";

// The package's types describe its CommonJS face; under ESM the default export is the loader itself.
type Loader = (typeof import("highs"))["default"];
const exported = highsModule as unknown as Loader | { default: Loader };
const loadHighs: Loader = typeof exported === "function" ? exported : exported.default;
type Model = HighsModel;

let runtime: Promise<Highs> | undefined;
export function highsRuntime(): Promise<Highs> {
  return (runtime ??= loadHighs());
}

export interface Bound {
  /** The LP's bound rounded inwards: no whole-number solution lies beyond it. */
  value: number;
  /** false when the solve stopped at its time limit (value is then the trivial bound: 0 or unbounded). */
  proven: boolean;
  /** Whole-number solutions found on the way (values by column), each checked against every active row. */
  witnesses: Float64Array[];
  /** The LP's optimal vertex (values by column), whole or not: a solution of the LP. */
  point?: Float64Array;
  /** Rows the LP's bound rests on (non-zero duals): relaxing one of them may widen it. */
  binding: number[];
  /** The LP's optimum itself, before rounding (when proven and finite). */
  exact?: number;
}

export interface LpOptions {
  /** Seconds one solve may take; an integer solve stopped there gives its best solution so far. */
  solveSeconds: number;
  /** Above this many columns whole-number solutions are not searched for with the integer program. */
  integerColumns: number;
}

type RowKind = "group" | "derived" | "known";

export class ComponentLp {
  /** The unknowns the program keeps, by column. */
  readonly cells: number[];
  /** Whether the integer program over the kept columns has every whole-number solution and is small enough to search: then witnesses decide, else the LP's bounds do. */
  readonly integerExact: boolean;
  readonly rowKind: RowKind[] = [];
  /** The group (kind group) or derived figure (kind derived) a row belongs to; for a known relation the shown count it was simplified by, else -1. */
  readonly rowOwner: number[] = [];
  readonly rowCells: number[][] = [];
  /** null: every coefficient is 1. */
  readonly rowCoefs: (number[] | null)[] = [];
  readonly rowLo: number[] = [];
  readonly rowHi: number[] = [];
  readonly rowActive: boolean[] = [];
  readonly groupRow = new Map<number, number>();
  readonly derivedRows = new Map<number, number[]>();
  /** Local cell → rows it appears in. */
  readonly rowsOfCell: number[][];
  /** Grows whenever a row changes status: a range computed at an older version may have widened since. */
  version = 0;
  solves = 0;
  integerSolves = 0;
  private model: Model;
  private objective: number[] = [];

  constructor(
    private highs: Highs,
    problem: ProtectionProblem,
    private g: Groups,
    comp: Component,
    opts: LpOptions,
  ) {
    // Rows over the component's unknowns first, then only the columns reduce.ts keeps.
    const full = new Map<number, number>();
    comp.cells.forEach((c, i) => full.set(c, i));
    const addRow = (kind: RowKind, owner: number, cells: number[], coefs: number[] | null, lo: number, hi: number, active: boolean): number => {
      this.rowKind.push(kind);
      this.rowOwner.push(owner);
      this.rowCells.push(cells.map((c) => full.get(c)!));
      this.rowCoefs.push(coefs);
      this.rowLo.push(lo);
      this.rowHi.push(hi);
      this.rowActive.push(active);
      return this.rowKind.length - 1;
    };
    for (const gi of comp.groups) {
      const grp = g.groups[gi];
      this.groupRow.set(gi, addRow("group", gi, grp.cells, null, grp.value, grp.value, !grp.hidden));
    }
    const implied = new ImpliedByCounts(problem.unknowns.length);
    for (const di of comp.derived) {
      const shown = derivedShown(g, di);
      const countCells = g.derivedGroups[di].map((gi) => g.groups[gi].cells);
      const rows: number[] = [];
      for (const r of problem.derived[di].relations) {
        const t = mergedTerms(r);
        if (!implied.test(t, countCells)) rows.push(addRow("derived", di, t.cells, t.coefs, r.lo, r.hi, shown));
      }
      this.derivedRows.set(di, rows);
    }
    for (const r of comp.known) {
      const t = mergedTerms(r);
      addRow("known", r.restsOn ?? -1, t.cells, t.coefs, r.lo, r.hi, true);
    }
    const { kept, mixed } = keptColumns(comp.cells.length, this.rowCells, this.rowCoefs);
    this.integerExact = !mixed && kept.length <= opts.integerColumns;
    const column = new Int32Array(comp.cells.length).fill(-1);
    kept.forEach((k, i) => (column[k] = i));
    this.cells = kept.map((k) => comp.cells[k]);
    this.rowCells.forEach((cells, ri) => {
      const coefs = this.rowCoefs[ri];
      const keep = cells.map((_, k) => k).filter((k) => column[cells[k]] >= 0);
      this.rowCells[ri] = keep.map((k) => column[cells[k]]);
      if (coefs) this.rowCoefs[ri] = keep.map((k) => coefs[k]);
    });
    this.rowsOfCell = this.cells.map(() => []);
    this.rowCells.forEach((cells, ri) => cells.forEach((c) => this.rowsOfCell[c].push(ri)));

    const numRows = this.rowKind.length;
    const numCols = this.cells.length;
    const starts = new Int32Array(numRows + 1);
    let nz = 0;
    this.rowCells.forEach((cells, ri) => {
      nz += cells.length;
      starts[ri + 1] = nz;
    });
    const indices = new Int32Array(nz);
    const values = new Float64Array(nz);
    this.rowCells.forEach((cells, ri) => {
      const coefs = this.rowCoefs[ri];
      cells.forEach((c, k) => {
        indices[starts[ri] + k] = c;
        values[starts[ri] + k] = coefs ? coefs[k] : 1;
      });
    });
    const inf = highs.infinity;
    this.model = highs.createModel({
      numCols,
      numRows,
      colCost: new Float64Array(numCols),
      colLower: new Float64Array(numCols),
      colUpper: new Float64Array(numCols).fill(inf),
      rowLower: Float64Array.from(this.rowKind, (_, ri) => (this.rowActive[ri] ? this.rowLo[ri] : -inf)),
      rowUpper: Float64Array.from(this.rowKind, (_, ri) => (this.rowActive[ri] ? this.rowHi[ri] : inf)),
      matrix: { format: "csr", numRows, numCols, starts, indices, values },
    });
    // The limit holds for each run: the clocks are zeroed before every one.
    // Primal simplex without presolve: between solves only the objective and a few row bounds change, so the last basis
    // stays primal feasible and a re-solve is a few pivots (at 100,000 individuals a fifth of the time dual simplex and presolve take).
    this.model.options.set({ output_flag: false, presolve: "off", simplex_strategy: 4, mip_rel_gap: 0, mip_abs_gap: 0.5, time_limit: opts.solveSeconds });
  }

  dispose(): void {
    this.model.dispose();
  }

  /** Shows or hides a group, and with it the derived figures that need it. */
  setHidden(gi: number, hidden: boolean): void {
    const grp = this.g.groups[gi];
    if (grp.hidden === hidden) return;
    grp.hidden = hidden;
    this.setActive(this.groupRow.get(gi)!, !hidden);
    for (const di of grp.derived) {
      const rows = this.derivedRows.get(di);
      if (!rows) continue;
      const shown = derivedShown(this.g, di);
      for (const ri of rows) this.setActive(ri, shown);
    }
    this.version++;
  }

  /** Leaves out the known relations simplified by a count that is now hidden (a relaxation: the components must be formed anew). */
  relaxRestingOn(gi: number): void {
    this.rowKind.forEach((kind, ri) => {
      if (kind === "known" && this.rowOwner[ri] === gi) this.setActive(ri, false);
    });
    this.version++;
  }

  private setActive(ri: number, active: boolean): void {
    if (this.rowActive[ri] === active) return;
    this.rowActive[ri] = active;
    const inf = this.highs.infinity;
    this.model.changeRowBounds(ri, active ? this.rowLo[ri] : -inf, active ? this.rowHi[ri] : inf);
  }

  /** The local unknowns a group sums. */
  localCells(gi: number): number[] {
    return this.rowCells[this.groupRow.get(gi)!];
  }

  /** The LP's smallest (`min`) or largest (`max`) value of a group's sum, rounded inwards to a whole number, with its optimal vertex as a witness when that is whole. */
  bound(gi: number, sense: "min" | "max"): Bound {
    const { modelStatus } = this.highs.constants;
    const status = this.solveFor(gi, sense);
    if (status === modelStatus.unbounded || (sense === "max" && status === modelStatus.unboundedOrInfeasible)) return { value: Infinity, proven: true, witnesses: [], binding: [] };
    if (status !== modelStatus.optimal) return { value: sense === "min" ? 0 : Infinity, proven: false, witnesses: [], binding: [] };
    const solution = this.model.getSolution();
    const binding: number[] = [];
    solution.rowDual.forEach((d: number, ri: number) => {
      if (Math.abs(d) > 1e-9 && this.rowActive[ri]) binding.push(ri);
    });
    const lp = this.model.getObjectiveValue();
    const value = sense === "min" ? Math.max(0, Math.ceil(lp - 1e-6)) : Math.floor(lp + 1e-6);
    const vertex = this.witness(solution.colValue);
    return { value, proven: true, witnesses: vertex ? [vertex] : [], point: solution.colValue, binding, exact: lp };
  }

  /** A whole-number solution as far as possible in the direction `sense` (the integer program's optimum, or its best solution within the time limit); null when none is found. */
  integerWitness(gi: number, sense: "min" | "max"): Float64Array | null {
    const n = this.cells.length;
    this.integerSolves++;
    this.model.changeColsIntegrality({ kind: "range", from: 0, to: n - 1 }, new Int32Array(n).fill(this.highs.constants.variableType.integer));
    try {
      this.solveFor(gi, sense);
      try {
        return this.witness(this.model.getSolution().colValue);
      } catch {
        return null; // no solution to read after a limit
      }
    } finally {
      this.model.clearIntegrality();
    }
  }

  private solveFor(gi: number, sense: "min" | "max"): number {
    this.setObjective(this.localCells(gi));
    const { objectiveSense } = this.highs.constants;
    this.model.changeObjectiveSense(sense === "min" ? objectiveSense.minimize : objectiveSense.maximize);
    return this.run();
  }

  private run(): number {
    this.solves++;
    this.model.zeroAllClocks();
    this.model.run();
    return this.model.getModelStatus();
  }

  private setObjective(cells: number[], costs: Float64Array = new Float64Array(cells.length).fill(1)): void {
    if (this.objective.length > 0) this.model.changeColsCost({ kind: "set", indices: this.objective }, new Float64Array(this.objective.length));
    this.model.changeColsCost({ kind: "set", indices: cells }, costs);
    this.objective = cells;
  }

  /**
   * A solution as far as possible in the direction `sense` of Σ weight · column
   * (weights by local column), every column capped at `cap` so that the
   * program has an optimum: a solution of the capped program is one of the
   * audit's. For the vertex's value per count, read `point`; `binding` is empty.
   */
  push(weights: Map<number, number>, sense: "min" | "max", cap: number): Bound {
    const cols = [...weights.keys()].sort((a, b) => a - b);
    this.setObjective(
      cols,
      Float64Array.from(cols, (c) => weights.get(c)!),
    );
    const { objectiveSense, modelStatus } = this.highs.constants;
    this.model.changeObjectiveSense(sense === "min" ? objectiveSense.minimize : objectiveSense.maximize);
    const n = this.cells.length;
    this.model.changeColsBounds({ kind: "range", from: 0, to: n - 1 }, new Float64Array(n), new Float64Array(n).fill(cap));
    try {
      if (this.run() !== modelStatus.optimal) return { value: NaN, proven: false, witnesses: [], binding: [] };
      const x = this.model.getSolution().colValue;
      const vertex = this.witness(x);
      return { value: NaN, proven: true, witnesses: vertex ? [vertex] : [], point: x, binding: [] };
    } finally {
      this.model.changeColsBounds({ kind: "range", from: 0, to: n - 1 }, new Float64Array(n), new Float64Array(n).fill(this.highs.infinity));
    }
  }

  /** The solution rounded to whole numbers when it is whole and satisfies every active row exactly (relations within rounding noise); else null. */
  private witness(x: Float64Array): Float64Array | null {
    const w = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) {
      const r = Math.round(x[i]);
      if (Math.abs(x[i] - r) > 1e-6 || r < 0) return null;
      w[i] = r;
    }
    for (let ri = 0; ri < this.rowKind.length; ri++) {
      if (!this.rowActive[ri]) continue;
      const cells = this.rowCells[ri];
      const coefs = this.rowCoefs[ri];
      let s = 0;
      for (let k = 0; k < cells.length; k++) s += (coefs ? coefs[k] : 1) * w[cells[k]];
      const tol = coefs ? 1e-9 * Math.max(1, Math.abs(this.rowLo[ri]), Math.abs(this.rowHi[ri])) : 0;
      if (s < this.rowLo[ri] - tol || s > this.rowHi[ri] + tol) return null;
    }
    return w;
  }
}

export function sumOf(w: Float64Array, cells: number[]): number {
  let s = 0;
  for (const c of cells) s += w[c];
  return s;
}

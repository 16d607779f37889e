// One component's linear program, kept in one HiGHS model for all its
// solves: a row per count (fixed to its value while shown, free while
// hidden), a row per relation of a derived figure (active while the figure
// is shown) and per known relation, unknowns ≥ 0. A hidden count's range is
// the minimum and maximum of its sum; between solves only the objective and
// the bounds of rows that change status are touched, so each solve starts
// from the last basis.
//
// Whole numbers: an outsider knows the unknowns are whole, so a bound is
// reported only when a whole-number solution attains it: the LP's optimal
// vertex when it is whole, otherwise the same model solved as an integer
// program. Each such solution is checked here against every active row in
// plain arithmetic before it counts as a witness.
import highsModule, { type Highs, type Model as HighsModel } from "highs";
import type { ProtectionProblem } from "./problem.js";
import { derivedShown, mergedTerms, type Groups } from "./groups.js";
import type { Component } from "./components.js";

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
  /** The bound's value: attained by a whole-number solution when `proven`, else an outer bound (the attacker cannot do better than this). */
  value: number;
  proven: boolean;
  /** Whole-number solutions found on the way (local unknown values), each checked against every active row. */
  witnesses: Float64Array[];
  /** Rows the LP's bound rests on (non-zero duals): relaxing one of them may widen it. */
  binding: number[];
}

export interface LpOptions {
  /** Seconds one solve may take; an integer solve stopped there gives its best solution and the LP bound. */
  solveSeconds: number;
}

type RowKind = "group" | "derived" | "known";

export class ComponentLp {
  readonly cells: number[];
  readonly local = new Map<number, number>();
  readonly rowKind: RowKind[] = [];
  /** The group (kind group) or derived figure (kind derived) a row belongs to; -1 for a known relation. */
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
    this.cells = comp.cells;
    comp.cells.forEach((c, i) => this.local.set(c, i));
    const addRow = (kind: RowKind, owner: number, cells: number[], coefs: number[] | null, lo: number, hi: number, active: boolean): number => {
      this.rowKind.push(kind);
      this.rowOwner.push(owner);
      this.rowCells.push(cells.map((c) => this.local.get(c)!));
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
    for (const di of comp.derived) {
      const shown = derivedShown(g, di);
      const rows = problem.derived[di].relations.map((r) => {
        const t = mergedTerms(r);
        return addRow("derived", di, t.cells, t.coefs, r.lo, r.hi, shown);
      });
      this.derivedRows.set(di, rows);
    }
    for (const ri of comp.known) {
      const r = problem.known[ri];
      const t = mergedTerms(r);
      addRow("known", -1, t.cells, t.coefs, r.lo, r.hi, true);
    }
    this.rowsOfCell = comp.cells.map(() => []);
    this.rowCells.forEach((cells, ri) => cells.forEach((c) => this.rowsOfCell[c].push(ri)));

    const numRows = this.rowKind.length;
    const numCols = comp.cells.length;
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
    this.model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 0.5, time_limit: opts.solveSeconds });
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

  /** The smallest (`min`) or largest (`max`) whole-number value of a group's sum. */
  bound(gi: number, sense: "min" | "max"): Bound {
    const cells = this.localCells(gi);
    this.setObjective(cells);
    const { objectiveSense, modelStatus } = this.highs.constants;
    this.model.changeObjectiveSense(sense === "min" ? objectiveSense.minimize : objectiveSense.maximize);
    const status = this.run();
    if (status === modelStatus.unbounded || (sense === "max" && status === modelStatus.unboundedOrInfeasible)) return { value: Infinity, proven: true, witnesses: [], binding: [] };
    const outer = sense === "min" ? 0 : Infinity;
    if (status !== modelStatus.optimal) return { value: outer, proven: false, witnesses: [], binding: [] };
    const solution = this.model.getSolution();
    const binding: number[] = [];
    solution.rowDual.forEach((d: number, ri: number) => {
      if (Math.abs(d) > 1e-9 && this.rowActive[ri]) binding.push(ri);
    });
    const lpValue = this.model.getObjectiveValue();
    const vertex = this.witness(solution.colValue);
    if (vertex) return { value: sumOf(vertex, cells), proven: true, witnesses: [vertex], binding };
    const lpBound = sense === "min" ? Math.max(0, Math.ceil(lpValue - 1e-6)) : Math.floor(lpValue + 1e-6);
    return { ...this.integerBound(cells, lpBound), binding };
  }

  private integerBound(cells: number[], lpBound: number): Omit<Bound, "binding"> {
    const n = this.cells.length;
    this.integerSolves++;
    this.model.changeColsIntegrality({ kind: "range", from: 0, to: n - 1 }, new Int32Array(n).fill(this.highs.constants.variableType.integer));
    try {
      const status = this.run();
      let w: Float64Array | null = null;
      try {
        w = this.witness(this.model.getSolution().colValue);
      } catch {
        w = null; // no solution to read after a limit
      }
      if (status === this.highs.constants.modelStatus.optimal && w) return { value: sumOf(w, cells), proven: true, witnesses: [w] };
      return { value: lpBound, proven: false, witnesses: w ? [w] : [] };
    } finally {
      this.model.clearIntegrality();
    }
  }

  private run(): number {
    this.solves++;
    this.model.zeroAllClocks();
    this.model.run();
    return this.model.getModelStatus();
  }

  private setObjective(cells: number[]): void {
    if (this.objective.length > 0) this.model.changeColsCost({ kind: "set", indices: this.objective }, new Float64Array(this.objective.length));
    this.model.changeColsCost({ kind: "set", indices: cells }, new Float64Array(cells.length).fill(1));
    this.objective = cells;
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

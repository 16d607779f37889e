// The attack proper: every shown figure substituted, exact Gauss–Jordan
// elimination over the equalities (a hidden count whose row has no free
// unknown left is recovered), then interval propagation over every relation
// and the eliminated rows until nothing tightens: counts are whole numbers
// ≥ 0, and a shown mean admits only the n for which some sum of whole values
// rounds to it.
import type { Knowledge, MeanFact, Relation } from "./knowledge.js";
import { type Q, ONE, ZERO, add, ceil, cmp, div, eq, floor, isZero, mul, q, sign, sub } from "./rational.js";

export interface Bounds {
  low: (Q | null)[];
  high: (Q | null)[];
}

export type Solution = { feasible: true; bounds: Bounds } | { feasible: false; why: string };

export interface SolveOptions {
  /** Propagate over the relations only, without the eliminated rows (to show what elimination adds; default true). */
  eliminate?: boolean;
  /** Also ask of each hidden count whether propagation refutes 0 and refutes minCell or more (slower; the real-report run uses it). */
  shave?: boolean;
}

/** Σ coef · unknown over hidden unknowns only; the shown ones moved into lo and hi. */
interface Row {
  terms: Map<number, Q>;
  lo: Q | null;
  hi: Q | null;
  why: string;
}

class Infeasible extends Error {}

function substitute(k: Knowledge, r: Relation): Row {
  const terms = new Map<number, Q>();
  let constant = ZERO;
  for (const t of r.terms) {
    const v = k.unknowns[t.unknown]!.value;
    if (v !== null) constant = add(constant, mul(t.coef, v));
    else {
      const c = add(terms.get(t.unknown) ?? ZERO, t.coef);
      if (isZero(c)) terms.delete(t.unknown);
      else terms.set(t.unknown, c);
    }
  }
  return { terms, lo: r.lo && sub(r.lo, constant), hi: r.hi && sub(r.hi, constant), why: r.why };
}

/** Reduced row echelon form of the equalities: each row's pivot (first key) appears in no other row. */
export function eliminate(rows: Row[]): Row[] {
  const out: Row[] = [];
  const pivotRow = new Map<number, Row>();
  const containing = new Map<number, Set<Row>>();
  const track = (r: Row) => {
    for (const u of r.terms.keys()) (containing.get(u) ?? containing.set(u, new Set()).get(u)!).add(r);
  };
  const untrack = (r: Row) => {
    for (const u of r.terms.keys()) containing.get(u)?.delete(r);
  };
  /** r − f · s, in place. */
  const subtract = (r: Row, f: Q, s: Row) => {
    for (const [u, c] of s.terms) {
      const v = sub(r.terms.get(u) ?? ZERO, mul(f, c));
      if (isZero(v)) r.terms.delete(u);
      else r.terms.set(u, v);
    }
    r.lo = sub(r.lo!, mul(f, s.lo!));
    r.hi = r.lo;
  };
  for (const original of rows) {
    const r: Row = { terms: new Map(original.terms), lo: original.lo, hi: original.lo, why: original.why };
    for (const u of [...r.terms.keys()]) {
      const p = pivotRow.get(u);
      const c = r.terms.get(u);
      if (p && c) subtract(r, c, p);
    }
    if (r.terms.size === 0) {
      if (!isZero(r.lo!)) throw new Infeasible(`the shown figures contradict: ${r.why}`);
      continue;
    }
    // Pivot on the unknown in the fewest other rows, to keep the rows sparse.
    let pivot = -1;
    let fewest = Infinity;
    for (const u of r.terms.keys()) {
      const seen = containing.get(u)?.size ?? 0;
      if (seen < fewest) [pivot, fewest] = [u, seen];
    }
    const scale = r.terms.get(pivot)!;
    for (const [u, c] of r.terms) r.terms.set(u, div(c, scale));
    r.lo = div(r.lo!, scale);
    r.hi = r.lo;
    const ordered = new Map<number, Q>([[pivot, ONE]]);
    for (const [u, c] of r.terms) if (u !== pivot) ordered.set(u, c);
    r.terms = ordered;
    for (const other of [...(containing.get(pivot) ?? [])]) {
      untrack(other);
      subtract(other, other.terms.get(pivot)!, r);
      track(other);
    }
    track(r);
    pivotRow.set(pivot, r);
    out.push(r);
  }
  return out;
}

export function solve(k: Knowledge, relations: Relation[], options: SolveOptions = {}): Solution {
  try {
    return { feasible: true, bounds: bounded(k, relations, options) };
  } catch (e) {
    if (e instanceof Infeasible) return { feasible: false, why: e.message };
    throw e;
  }
}

/** Interval bounds of every unknown; a sum of values may creep only so often (it is not a whole number), so a fixed point is reached. */
interface State {
  low: (Q | null)[];
  high: (Q | null)[];
  creeps: number[];
}

const copy = (s: State): State => ({ low: [...s.low], high: [...s.high], creeps: [...s.creeps] });

/** The relations as rows over hidden unknowns, indexed by unknown, and the propagation over them. */
class System {
  readonly byUnknown: Row[][];
  constructor(
    readonly k: Knowledge,
    readonly rows: Row[],
  ) {
    this.byUnknown = Array.from({ length: k.unknowns.length }, () => []);
    for (const r of rows) for (const u of r.terms.keys()) this.byUnknown[u]!.push(r);
  }

  private integer(u: number): boolean {
    return this.k.unknowns[u]!.kind === "count";
  }

  /** Tighten u to at least v (below: at most); whether it moved. */
  tighten(s: State, u: number, v: Q, below: boolean): boolean {
    const whole = this.integer(u);
    if (whole) v = below ? floor(v) : ceil(v);
    const [mine, other] = below ? [s.high, s.low] : [s.low, s.high];
    const cur = mine[u];
    if (cur && (below ? cmp(v, cur) >= 0 : cmp(v, cur) <= 0)) return false;
    if (!whole && cur && ++s.creeps[u]! > 50) return false;
    if (other[u] && (below ? cmp(v, other[u]!) < 0 : cmp(v, other[u]!) > 0)) throw new Infeasible(`no value of ${this.k.unknowns[u]!.id} is consistent with the shown figures`);
    mine[u] = v;
    return true;
  }

  /** Propagate until nothing tightens, starting from the rows in `queue`. */
  propagate(s: State, queue: Set<Row>): void {
    while (queue.size > 0) {
      const r: Row = queue.values().next().value!;
      queue.delete(r);
      // The smallest and largest Σ, with how many terms are unbounded that way.
      let minSum = ZERO;
      let maxSum = ZERO;
      let minInf = 0;
      let maxInf = 0;
      const contrib = new Map<number, [Q | null, Q | null]>();
      for (const [u, c] of r.terms) {
        const [a, b] = sign(c) > 0 ? [s.low[u], s.high[u]] : [s.high[u], s.low[u]];
        const lo = a && mul(c, a);
        const hi = b && mul(c, b);
        contrib.set(u, [lo, hi]);
        if (lo) minSum = add(minSum, lo);
        else minInf++;
        if (hi) maxSum = add(maxSum, hi);
        else maxInf++;
      }
      if (r.lo && maxInf === 0 && cmp(maxSum, r.lo) < 0) throw new Infeasible(`the shown figures contradict: ${r.why}`);
      if (r.hi && minInf === 0 && cmp(minSum, r.hi) > 0) throw new Infeasible(`the shown figures contradict: ${r.why}`);
      for (const [u, c] of r.terms) {
        const [lo, hi] = contrib.get(u)!;
        // The rest of the sum, without this term.
        const restMax = hi ? (maxInf === 0 ? sub(maxSum, hi) : null) : maxInf === 1 ? maxSum : null;
        const restMin = lo ? (minInf === 0 ? sub(minSum, lo) : null) : minInf === 1 ? minSum : null;
        // c · x ≥ r.lo − restMax and c · x ≤ r.hi − restMin.
        const atLeast = r.lo && restMax ? div(sub(r.lo, restMax), c) : null;
        const atMost = r.hi && restMin ? div(sub(r.hi, restMin), c) : null;
        const [newLow, newHigh] = sign(c) > 0 ? [atLeast, atMost] : [atMost, atLeast];
        const movedUp = newLow ? this.tighten(s, u, newLow, false) : false;
        const movedDown = newHigh ? this.tighten(s, u, newHigh, true) : false;
        if (movedUp || movedDown) this.byUnknown[u]!.forEach((x) => queue.add(x));
      }
    }
  }

  /** Whether u can lie in [lo, hi] as far as propagation sees (false: it cannot). */
  admits(s: State, u: number, lo: Q, hi: Q | null): boolean {
    const probe = copy(s);
    try {
      const moved = [this.tighten(probe, u, lo, false), hi ? this.tighten(probe, u, hi, true) : false];
      if (moved.some(Boolean)) this.propagate(probe, new Set(this.byUnknown[u]));
      return true;
    } catch (e) {
      if (e instanceof Infeasible) return false;
      throw e;
    }
  }
}

function bounded(k: Knowledge, relations: Relation[], options: SolveOptions): Bounds {
  const rows: Row[] = [];
  for (const r of relations) {
    const s = substitute(k, r);
    if (s.terms.size > 0) rows.push(s);
    else if ((s.lo && sign(s.lo) > 0) || (s.hi && sign(s.hi) < 0)) throw new Infeasible(`the shown figures contradict: ${r.why}`);
  }
  const equalities = rows.filter((r) => r.lo && r.hi && eq(r.lo, r.hi));
  const system = new System(k, [...rows, ...(options.eliminate === false ? [] : eliminate(equalities))]);
  const state: State = {
    low: k.unknowns.map((u) => u.value ?? (u.kind === "count" ? ZERO : null)),
    high: k.unknowns.map((u) => u.value),
    creeps: k.unknowns.map(() => 0),
  };
  const changed = (u: number) => system.propagate(state, new Set(system.byUnknown[u]));

  system.propagate(state, new Set(system.rows));
  for (let round = 0; round < 100; round++) if (!k.means.map((m) => pruneMean(m, system, state, changed)).some(Boolean)) break;
  if (options.shave) shave(k, system, state, changed);
  return { low: state.low, high: state.high };
}

/**
 * Shaving, once at the fixed point: of a hidden count one cut away from
 * 1..minCell−1 the attacker asks the question left — can it be 0, can it be
 * minCell or more — and cuts off an answer propagation refutes.
 */
function shave(k: Knowledge, system: System, s: State, changed: (u: number) => void): void {
  const min = q(k.minCell);
  k.unknowns.forEach((u, i) => {
    if (u.kind !== "count" || u.value !== null) return;
    // Only where one cut would leave the count inside 1..minCell−1: the other intervals stay wide either way.
    const small = s.high[i] && cmp(s.high[i]!, min) < 0;
    const positive = sign(s.low[i]!) > 0 && cmp(s.low[i]!, min) < 0;
    if (small === positive) return;
    if (isZero(s.low[i]!) && !system.admits(s, i, ZERO, ZERO) && system.tighten(s, i, ONE, false)) changed(i);
    if ((!s.high[i] || cmp(s.high[i]!, min) >= 0) && !system.admits(s, i, min, s.high[i]!) && system.tighten(s, i, q(k.minCell - 1), true)) changed(i);
  });
}

/** The n a shown mean admits: some sum (a multiple of the values' grain) within n · (mean ± half) and the sum's bounds. */
function pruneMean(m: MeanFact, system: System, s: State, changed: (u: number) => void): boolean {
  const k = system.k;
  if (k.unknowns[m.n]!.value !== null || !m.grain) return false;
  const lo = s.low[m.n]!;
  const hi = s.high[m.n];
  if (!hi || cmp(sub(hi, lo), q(20_000)) > 0) return false;
  const admits = (n: Q): boolean => {
    if (isZero(n)) return false; // a mean is shown only over someone
    let a = mul(n, sub(m.mean, m.half));
    let b = mul(n, add(m.mean, m.half));
    if (s.low[m.sum] && cmp(s.low[m.sum]!, a) > 0) a = s.low[m.sum]!;
    if (s.high[m.sum] && cmp(s.high[m.sum]!, b) < 0) b = s.high[m.sum]!;
    return cmp(mul(ceil(div(a, m.grain!)), m.grain!), b) <= 0;
  };
  let first: Q | null = null;
  for (let n = lo; cmp(n, hi) <= 0 && !first; n = add(n, ONE)) if (admits(n)) first = n;
  if (!first) {
    const note = `${k.unknowns[m.n]!.id}: no n admits the mean with whole values; the assumption is dropped there`;
    if (!k.assumptions.includes(note)) k.assumptions.push(note);
    m.grain = null;
    return false;
  }
  let last = first;
  for (let n = hi; cmp(n, first) > 0; n = sub(n, ONE))
    if (admits(n)) {
      last = n;
      break;
    }
  const moved = [system.tighten(s, m.n, first, false), system.tighten(s, m.n, last, true)].some(Boolean);
  if (moved) changed(m.n);
  return moved;
}

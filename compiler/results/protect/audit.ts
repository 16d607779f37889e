// The audit of one component: every hidden count must be safe — its range
// holds two values, and a primary count's reaches 0 or minCell — and while
// one is not, one more count is hidden. Safety is shown by solutions, not by
// solving for each count's range: a few linear programs whose objectives
// push every unsettled count at once (random weights, up and down) settle
// most counts; only the rest are solved for one by one, and only they can
// need more counts hidden. Exact ranges are then computed only where they
// can be the narrowest (or for every count when asked).
import type { ProtectionProblem, Suppression } from "./problem.js";
import type { Groups } from "./groups.js";
import type { Component } from "./components.js";
import { byCost } from "./lines.js";
import { sumOf, type Bound, type ComponentLp } from "./lp.js";

/** How many candidates are tried, cheapest first, for one that widens the failing count's range before the cheapest is simply taken. */
const TRIALS = 6;
/** Rounds of pushing all unsettled counts at once (each a maximum and a minimum) before they are solved for one by one. */
const ROUNDS = 4;

export interface Range {
  min: Bound;
  max: Bound;
}

export interface AuditState {
  reason: Map<number, Suppression>;
  /** Counts a simplified known relation rests on: hiding one means the components are formed anew. */
  restsOn: Set<number>;
  /** Exact (LP) ranges found, by group. */
  ranges: Map<number, { low: number; high: number }>;
  /** The narrowest exact range found so far over every component (pruning: a count whose solutions already span more cannot be narrower). */
  narrowest: number;
  /** Every hidden count's exact range, not only the narrowest. */
  allRanges: boolean;
  /** A hidden count has been looked at (progress). */
  settled: (gi: number) => void;
}

/** false: a count outside the component (or one a simplified relation rests on) was hidden, and the components must be formed anew. */
export function auditComponent(problem: ProtectionProblem, g: Groups, comp: Component, lp: ComponentLp, s: AuditState): boolean {
  let a = new Evidence(problem, g, comp, lp);
  let queue: number[] = [];
  // Hiding a count a simplified known relation rests on (or a count of another component) changes how the components
  // are formed: the relation is relaxed here and the audit goes on, and the components are formed anew at the end.
  let reform = false;
  const hide = (c: number): void => {
    s.reason.set(c, "secondary");
    if (lp.groupRow.has(c)) lp.setHidden(c, true);
    else g.groups[c].hidden = true;
    if (s.restsOn.has(c) || !lp.groupRow.has(c)) {
      lp.relaxRestingOn(c);
      reform = true;
    }
    if (lp.groupRow.has(c)) {
      a.note(c);
      queue.push(c);
    }
  };
  // A secondary count whose value everything shown already fixes gives nothing away when shown: showing it ends its
  // protection instead of hiding more for it (its derived figures stay hidden: a mean adds what its n does not). When
  // the LP fixes it exactly, no solution of the audit changes; when only whole numbers do (its LP range lies within
  // v − 1 < x < v + 1), some LP solutions seen are no longer solutions, so the component is audited again.
  let recheck = false;
  const reveal = (gi: number, r: Range): boolean => {
    const grp = g.groups[gi];
    if (grp.primary || !r.min.proven || !r.max.proven || r.min.value !== grp.value || r.max.value !== grp.value) return false;
    const exact = r.min.exact !== undefined && r.max.exact !== undefined && Math.abs(r.max.exact - r.min.exact) <= 1e-9;
    grp.derivable = true;
    lp.setHidden(gi, false);
    s.reason.delete(gi);
    if (!exact) recheck = true;
    return true;
  };
  do {
    recheck = false;
    a = new Evidence(problem, g, comp, lp);
    queue = comp.groups.filter((gi) => g.groups[gi].hidden).sort((x, y) => Number(g.groups[y].primary) - Number(g.groups[x].primary) || byCost(g)(x, y));
    queue.forEach((gi) => a.note(gi));
    a.pushAll(queue);
    for (let qi = 0; qi < queue.length; s.settled(queue[qi]!), qi++) {
      const gi = queue[qi];
      if (a.safe(gi)) continue;
      let r = a.range(gi);
      if (reveal(gi, r)) continue;
      a.reachWithIntegers(gi, r);
      while (!a.safeNow(gi, r)) {
        const candidates = candidatesFor(gi, r, g, lp);
        if (candidates.length === 0) break; // nothing left to hide: the range is reported as it is
        const inside = candidates.filter((c) => lp.groupRow.has(c));
        let chosen = -1;
        let widened: Range | undefined;
        for (const c of inside.slice(0, TRIALS)) {
          lp.setHidden(c, true);
          const t = a.range(gi, true);
          if (t.min.value < r.min.value || t.max.value > r.max.value) {
            chosen = c;
            widened = t;
            break;
          }
          lp.setHidden(c, false);
        }
        if (chosen < 0) chosen = inside.find((c) => g.groups[c].value > 0) ?? inside[0] ?? candidates[0];
        hide(chosen);
        // The trial that chose a candidate solved the program as it now is: its solutions are kept, not solved again.
        r = widened ? a.keep(gi, widened) : a.range(gi);
        if (reveal(gi, r)) break;
        a.reachWithIntegers(gi, r);
      }
    }
  } while (recheck);
  if (reform) return false;

  // Exact ranges: where they can be the narrowest, narrowest-looking first.
  const order = queue
    .filter((gi) => g.groups[gi].hidden)
    .map((gi) => ({ gi, width: a.width(gi) }))
    .sort((x, y) => x.width - y.width);
  for (const { gi, width } of order) {
    if (!s.allRanges && width >= s.narrowest) break;
    const r = a.range(gi);
    s.ranges.set(gi, { low: r.min.value, high: r.max.value });
    s.narrowest = Math.min(s.narrowest, r.max.value - r.min.value);
  }
  return true;
}

/**
 * What the solutions seen so far show of each hidden count: the values
 * whole-number solutions reach (the true values first), and the values the
 * LP reaches (rounded inwards: the LP's range holds them).
 */
class Evidence {
  private witLow = new Map<number, number>();
  private witHigh = new Map<number, number>();
  private lpLow = new Map<number, number>();
  private lpHigh = new Map<number, number>();
  /** Hidden counts with 0 in some LP solution seen: their LP minimum is 0 without solving for it. */
  private zeroSeen = new Set<number>();
  private readonly minCell: number;
  /** A column cap for pushing: above every shown value and minCell, so a capped solution still shows what it must. */
  private readonly cap: number;

  constructor(
    problem: ProtectionProblem,
    private g: Groups,
    comp: Component,
    private lp: ComponentLp,
  ) {
    this.minCell = problem.minCell;
    this.cap = comp.groups.reduce((m, gi) => Math.max(m, g.groups[gi].value), problem.minCell) + problem.minCell;
  }

  note(gi: number): void {
    const v = this.g.groups[gi].value;
    this.witLow.set(gi, v);
    this.witHigh.set(gi, v);
    this.lpLow.set(gi, v);
    this.lpHigh.set(gi, v);
  }

  private wide(gi: number, low: number, high: number): boolean {
    return high > low && (!this.g.groups[gi].primary || low <= 0 || high >= this.minCell);
  }

  /** Whole-number witnesses decide where the integer program can look for them; elsewhere the LP's reach does (docs/protection.md). */
  safe(gi: number): boolean {
    return this.lp.integerExact ? this.wide(gi, this.witLow.get(gi)!, this.witHigh.get(gi)!) : this.wide(gi, this.lpLow.get(gi)!, this.lpHigh.get(gi)!);
  }

  safeNow(gi: number, r: Range): boolean {
    return this.safe(gi) || (!this.lp.integerExact && this.wide(gi, r.min.value, r.max.value));
  }

  /** A lower bound on the width of the count's LP range (rounded inwards). */
  width(gi: number): number {
    return this.lpHigh.get(gi)! - this.lpLow.get(gi)!;
  }

  private recordWitness(w: Float64Array): void {
    for (const [gi, low] of this.witLow) {
      const v = sumOf(w, this.lp.localCells(gi));
      if (v < low) this.witLow.set(gi, v);
      if (v > this.witHigh.get(gi)!) this.witHigh.set(gi, v);
    }
  }

  private recordPoint(x: Float64Array | undefined): void {
    if (!x) return;
    for (const [gi, low] of this.lpLow) {
      const v = sumOf(x, this.lp.localCells(gi));
      if (v <= 1e-9) this.zeroSeen.add(gi);
      const up = Math.ceil(v - 1e-6);
      const down = Math.floor(v + 1e-6);
      if (up < low) this.lpLow.set(gi, Math.max(0, up));
      if (down > this.lpHigh.get(gi)!) this.lpHigh.set(gi, down);
    }
  }

  private record(b: Bound): void {
    for (const w of b.witnesses) this.recordWitness(w);
    this.recordPoint(b.point);
  }

  /**
   * The count's LP range, each bound solved for (the minimum skipped when a solution already reached 0). `trial`: the
   * program is relaxed for a moment (a candidate hidden to see what it would widen), so its solutions are not kept.
   */
  range(gi: number, trial = false): Range {
    const max = this.lp.bound(gi, "max");
    const min = this.zeroSeen.has(gi) ? { value: 0, proven: true, witnesses: [], binding: [] } : this.lp.bound(gi, "min");
    return trial ? { min, max } : this.keep(gi, { min, max });
  }

  /** Keeps what a range's solutions show: at once, or after a trial once its candidate stays hidden (then the program it was solved on is the audit's). */
  keep(gi: number, r: Range): Range {
    this.record(r.max);
    if (r.max.proven && r.max.value === Infinity) {
      this.witHigh.set(gi, Infinity);
      this.lpHigh.set(gi, Infinity);
    }
    this.record(r.min);
    return r;
  }

  /** When the LP reaches further than any whole-number solution seen, look for one with the integer program. */
  reachWithIntegers(gi: number, r: Range): void {
    if (!this.lp.integerExact) return;
    if (!this.safe(gi) && r.min.value < this.witLow.get(gi)!) {
      const w = this.lp.integerWitness(gi, "min");
      if (w) this.recordWitness(w);
    }
    if (!this.safe(gi) && r.max.value > this.witHigh.get(gi)!) {
      const w = this.lp.integerWitness(gi, "max");
      if (w) this.recordWitness(w);
    }
  }

  /**
   * Push every unsettled count at once, up and then down, with weights that
   * differ from round to round (so the solutions differ), until a round
   * settles nothing more. Every solution is a solution of the audit's
   * program, so what it shows stays true as more counts are hidden.
   */
  pushAll(hidden: number[]): void {
    let seed = 0x9e3779b9 ^ hidden.length;
    const random = (): number => {
      seed = (Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) | 0;
      return ((seed >>> 0) % 1000) / 1000;
    };
    let open = hidden.filter((gi) => !this.safe(gi));
    for (let round = 0; round < ROUNDS && open.length > 0; round++) {
      const before = open.length;
      for (const sense of ["max", "min"] as const) {
        const push = sense === "max" ? open : open.filter((gi) => !this.zeroSeen.has(gi));
        if (push.length === 0) continue;
        const weights = new Map<number, number>();
        for (const gi of push) {
          const w = 1 + random();
          for (const c of this.lp.localCells(gi)) weights.set(c, (weights.get(c) ?? 0) + w);
        }
        this.record(this.lp.push(weights, sense, this.cap));
        open = open.filter((gi) => !this.safe(gi));
        if (open.length === 0) return;
      }
      if (open.length === before) break;
    }
  }
}

/** Shown counts whose hiding may widen the range: those of the rows the LP's bounds rest on, else those linked to the count by a row, cheapest first. */
function candidatesFor(gi: number, r: Range, g: Groups, lp: ComponentLp): number[] {
  const found = new Set<number>();
  const addRow = (ri: number): void => {
    const owner = lp.rowOwner[ri];
    // A count shown because its value is fixed anyway is not hidden again: that would widen nothing a whole-number outsider knows.
    const open = (gi: number): boolean => !g.groups[gi].hidden && !g.groups[gi].derivable;
    if (lp.rowKind[ri] === "group") {
      if (open(owner)) found.add(owner);
    } else if (lp.rowKind[ri] === "derived") {
      for (const dg of g.derivedGroups[owner]) if (open(dg)) found.add(dg);
    } else if (owner >= 0 && open(owner)) found.add(owner); // a known relation simplified by a shown count
  };
  for (const ri of [...r.min.binding, ...r.max.binding]) addRow(ri);
  if (found.size === 0) {
    const near = new Set<number>();
    for (const c of lp.localCells(gi)) for (const ri of lp.rowsOfCell[c]) for (const c2 of lp.rowCells[ri]) near.add(c2);
    for (const c of near) for (const ri of lp.rowsOfCell[c]) addRow(ri);
  }
  return [...found].sort(byCost(g));
}

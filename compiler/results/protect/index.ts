// Protection of small counts over everything a report publishes, jointly:
// primary suppression (every count in 1..minCell−1), a fast pass over the
// lines the tables make, then the exact audit: for every hidden count, the
// smallest and largest whole-number value consistent with everything shown
// (all counts, the relations of shown shares and means, the known relations
// between questions), by linear programming in each independent component.
// More counts are hidden until no hidden count is pinned to one value and no
// primary count's range leaves out both 0 and minCell. docs/protection.md
// says what this guarantees and what it does not.
import type { CellRange, ProtectionOutcome, ProtectionProblem, Suppression } from "./problem.js";
import { buildGroups, derivedShown, type Groups } from "./groups.js";
import { findLines, protectLines, byCost } from "./lines.js";
import { components, knownInUse, type Component } from "./components.js";
import { ComponentLp, highsRuntime, sumOf, type Bound } from "./lp.js";

export interface ProtectProgress {
  phase: "audit";
  /** Hidden counts whose range is settled. */
  done: number;
  /** Hidden counts so far (grows as the audit hides more). */
  total: number;
}

export interface ProtectOptions {
  onProgress?: (p: ProtectProgress) => void;
  /** Seconds one solve may take (default 10); an integer solve stopped there gives its best solution and the LP bound, which the audit treats as not yet safe. */
  solveSeconds?: number;
  /** The largest component (in unknowns, after reduction) whose whole-number solutions are searched with the integer program (default 3000). */
  integerColumns?: number;
}

/** How many candidates are tried, cheapest first, for one that widens the failing count's range before the cheapest is simply taken. */
const TRIALS = 6;

export async function protect(problem: ProtectionProblem, opts: ProtectOptions = {}): Promise<ProtectionOutcome> {
  const g = buildGroups(problem);
  const reason = new Map<number, Suppression>();
  g.groups.forEach((grp, gi) => {
    if (grp.hidden) reason.set(gi, "primary");
  });
  if (reason.size > 0) for (const gi of protectLines(findLines(problem, g), g)) reason.set(gi, "secondary");

  const ranges = new Map<number, { low: number; high: number }>();
  // Components are formed with the known relations as shown counts simplify them; when the audit hides a count such a
  // simplification rests on, the components are formed again and audited again (each time with one more count hidden).
  for (let again = true; again;) {
    again = false;
    ranges.clear();
    const { known, restsOn } = knownInUse(problem, g);
    const linked = components(problem, g, known).filter((c) => c.groups.some((gi) => g.groups[gi].hidden));
    if (linked.length === 0) break;
    const highs = await highsRuntime();
    const progress = { done: 0, total: reason.size };
    for (const comp of linked) {
      const lp = new ComponentLp(highs, problem, g, comp, { solveSeconds: opts.solveSeconds ?? 10, integerColumns: opts.integerColumns ?? 3000 });
      try {
        const complete = auditComponent(problem, g, comp, lp, reason, ranges, restsOn, () => {
          progress.total = reason.size;
          opts.onProgress?.({ phase: "audit", done: ++progress.done, total: progress.total });
        });
        if (!complete) again = true;
      } finally {
        lp.dispose();
      }
      if (again) break;
    }
  }

  const hidden = new Map<string, Suppression>();
  const cellRanges: CellRange[] = [];
  g.groups.forEach((grp, gi) => {
    if (!grp.hidden) return;
    const r = ranges.get(gi)!;
    for (const ci of grp.counts) {
      const id = problem.counts[ci].id;
      hidden.set(id, reason.get(gi)!);
      cellRanges.push({ id, low: r.low, high: r.high });
    }
  });
  problem.derived.forEach((d, di) => {
    if (!derivedShown(g, di)) hidden.set(d.id, "derived");
  });
  return { hidden, ranges: cellRanges };
}

interface Range {
  min: Bound;
  max: Bound;
}

function auditComponent(
  problem: ProtectionProblem,
  g: Groups,
  comp: Component,
  lp: ComponentLp,
  reason: Map<number, Suppression>,
  ranges: Map<number, { low: number; high: number }>,
  restsOn: Set<number>,
  settled: () => void,
): boolean {
  const { minCell } = problem;
  // The extremes of each hidden count over every whole-number solution seen so far (the true values first).
  const seenLow = new Map<number, number>();
  const seenHigh = new Map<number, number>();
  const note = (gi: number): void => {
    seenLow.set(gi, g.groups[gi].value);
    seenHigh.set(gi, g.groups[gi].value);
  };
  // Hidden counts with 0 in some LP solution seen: their LP minimum is 0 without solving for it.
  const zeroSeen = new Set<number>();
  const recordPoint = (x: Float64Array | undefined): void => {
    if (x) for (const hi of seenLow.keys()) if (!zeroSeen.has(hi) && sumOf(x, lp.localCells(hi)) <= 1e-9) zeroSeen.add(hi);
  };
  const recordWitness = (w: Float64Array): void => {
    for (const [hi, low] of seenLow) {
      const s = sumOf(w, lp.localCells(hi));
      if (s < low) seenLow.set(hi, s);
      if (s > seenHigh.get(hi)!) seenHigh.set(hi, s);
    }
  };
  const record = (r: Range, gi: number): void => {
    for (const w of [...r.min.witnesses, ...r.max.witnesses]) recordWitness(w);
    recordPoint(r.min.point);
    recordPoint(r.max.point);
    if (r.max.proven && r.max.value === Infinity) seenHigh.set(gi, Infinity);
  };
  // When the LP reaches further than any whole-number solution seen, look for one with the integer program.
  const reachWithIntegers = (gi: number, r: Range): void => {
    if (!lp.integerExact) return;
    if (!safe(gi) && r.min.value < seenLow.get(gi)!) {
      const w = lp.integerWitness(gi, "min");
      if (w) recordWitness(w);
    }
    if (!safe(gi) && r.max.value > seenHigh.get(gi)!) {
      const w = lp.integerWitness(gi, "max");
      if (w) recordWitness(w);
    }
  };
  const wide = (gi: number, low: number, high: number): boolean => high > low && (!g.groups[gi].primary || low <= 0 || high >= minCell);
  const safe = (gi: number): boolean => wide(gi, seenLow.get(gi)!, seenHigh.get(gi)!);
  // Whole-number witnesses decide where the integer program can look for them; elsewhere the LP's bounds do (docs/protection.md).
  const safeNow = (gi: number, r: Range): boolean => safe(gi) || (!lp.integerExact && wide(gi, r.min.value, r.max.value));
  const rangeOf = (gi: number, max?: Bound): Range => ({
    min: zeroSeen.has(gi) ? { value: 0, proven: true, witnesses: [], binding: [] } : lp.bound(gi, "min"),
    max: max ?? lp.bound(gi, "max"),
  });

  const cheapest = byCost(g);
  const queue = comp.groups.filter((gi) => g.groups[gi].hidden).sort((a, b) => Number(g.groups[b].primary) - Number(g.groups[a].primary) || cheapest(a, b));
  queue.forEach(note);
  const computed = new Map<number, { version: number; range: Range }>();
  // The counts hidden so far in one batch: every maximum, then the minima no LP solution has shown to be 0. Consecutive
  // solves in the same direction with similar objectives start close to their optimum.
  const maxima = queue.map((gi) => {
    const max = lp.bound(gi, "max");
    record({ min: max, max }, gi);
    return max;
  });
  queue.forEach((gi, k) => {
    const r = rangeOf(gi, maxima[k]);
    record(r, gi);
    computed.set(gi, { version: lp.version, range: r });
  });
  for (let qi = 0; qi < queue.length; qi++) {
    const gi = queue[qi];
    if (safe(gi)) continue;
    const batch = computed.get(gi);
    let r = batch && batch.version === lp.version ? batch.range : rangeOf(gi);
    record(r, gi);
    reachWithIntegers(gi, r);
    computed.set(gi, { version: lp.version, range: r });
    while (!safeNow(gi, r)) {
      const candidates = candidatesFor(gi, r, g, lp);
      if (candidates.length === 0) break; // nothing left to hide: the range is reported as it is
      let chosen = -1;
      // A count outside this component (one a simplified known relation rests on) is hidden at once, and the components formed anew.
      const outside = candidates.find((c) => !lp.groupRow.has(c));
      if (outside !== undefined && candidates.filter((c) => lp.groupRow.has(c)).length === 0) {
        g.groups[outside].hidden = true;
        reason.set(outside, "secondary");
        return false;
      }
      for (const c of candidates.filter((c) => lp.groupRow.has(c)).slice(0, TRIALS)) {
        lp.setHidden(c, true);
        const t = rangeOf(gi);
        if (t.min.value < r.min.value || t.max.value > r.max.value) {
          chosen = c;
          r = t;
          break;
        }
        lp.setHidden(c, false);
      }
      if (chosen < 0) {
        chosen = candidates.find((c) => g.groups[c].value > 0) ?? candidates[0];
        if (!lp.groupRow.has(chosen)) {
          g.groups[chosen].hidden = true;
          reason.set(chosen, "secondary");
          return false;
        }
        lp.setHidden(chosen, true);
        r = rangeOf(gi);
      }
      reason.set(chosen, "secondary");
      if (restsOn.has(chosen)) return false; // a relation between components holds again: form them anew
      note(chosen);
      queue.push(chosen);
      record(r, gi);
      reachWithIntegers(gi, r);
      computed.set(gi, { version: lp.version, range: r });
    }
  }
  for (const gi of queue) {
    const known = computed.get(gi);
    let r = known?.range;
    if (!r || known!.version !== lp.version) {
      r = rangeOf(gi);
      record(r, gi);
    }
    ranges.set(gi, { low: r.min.value, high: r.max.value });
    settled();
  }
  return true;
}

/** Shown counts whose hiding may widen the range: those of the rows the LP's bounds rest on, else those linked to the count by a row, cheapest first. */
function candidatesFor(gi: number, r: Range, g: Groups, lp: ComponentLp): number[] {
  const found = new Set<number>();
  const addRow = (ri: number): void => {
    const owner = lp.rowOwner[ri];
    if (lp.rowKind[ri] === "group") {
      if (!g.groups[owner].hidden) found.add(owner);
    } else if (lp.rowKind[ri] === "derived") {
      for (const dg of g.derivedGroups[owner]) if (!g.groups[dg].hidden) found.add(dg);
    } else if (owner >= 0 && !g.groups[owner].hidden) found.add(owner); // a known relation simplified by a shown count
  };
  for (const ri of [...r.min.binding, ...r.max.binding]) addRow(ri);
  if (found.size === 0) {
    const near = new Set<number>();
    for (const c of lp.localCells(gi)) for (const ri of lp.rowsOfCell[c]) for (const c2 of lp.rowCells[ri]) near.add(c2);
    for (const c of near) for (const ri of lp.rowsOfCell[c]) addRow(ri);
  }
  return [...found].sort(byCost(g));
}

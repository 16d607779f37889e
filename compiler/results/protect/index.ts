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
import { buildGroups, derivedShown } from "./groups.js";
import { findLines, protectLines } from "./lines.js";
import { components, knownInUse } from "./components.js";
import { ComponentLp, highsRuntime } from "./lp.js";
import { auditComponent, type AuditState } from "./audit.js";

export interface ProtectProgress {
  phase: "audit";
  /** Hidden counts the audit has looked at (in this pass over the components). */
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
  /** Compute every hidden count's exact range (default: only as far as needed to find the narrowest, the one the report publishes). */
  allRanges?: boolean;
}

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
    const looked = new Set<number>();
    const state: AuditState = {
      reason,
      restsOn,
      ranges,
      narrowest: Infinity,
      allRanges: opts.allRanges ?? false,
      settled: (gi) => {
        looked.add(gi);
        opts.onProgress?.({ phase: "audit", done: looked.size, total: Math.max(reason.size, looked.size) });
      },
    };
    for (const comp of linked) {
      const lp = new ComponentLp(highs, problem, g, comp, { solveSeconds: opts.solveSeconds ?? 10, integerColumns: opts.integerColumns ?? 3000 });
      try {
        if (!auditComponent(problem, g, comp, lp, state)) again = true;
      } finally {
        lp.dispose();
      }
    }
  }

  const hidden = new Map<string, Suppression>();
  const cellRanges: CellRange[] = [];
  g.groups.forEach((grp, gi) => {
    if (!grp.hidden) return;
    const r = ranges.get(gi);
    for (const ci of grp.counts) {
      const id = problem.counts[ci].id;
      hidden.set(id, reason.get(gi)!);
      if (r) cellRanges.push({ id, low: r.low, high: r.high });
    }
  });
  problem.derived.forEach((d, di) => {
    if (!derivedShown(g, di)) hidden.set(d.id, "derived");
  });
  return { hidden, ranges: cellRanges };
}

// The published counts as protection sees them: counts over the same set of
// unknowns are one figure whatever table shows them (a total's row and a
// one-group split's row), so they are hidden or shown together. Each such
// set is a group; protection decides per group.
import type { ProtectionProblem, Relation } from "./problem.js";

export interface CountGroup {
  /** The unknowns it sums, ascending, each once. */
  cells: number[];
  value: number;
  /** Indices into problem.counts. */
  counts: number[];
  primary: boolean;
  hidden: boolean;
  /** Shown because everything else shown already fixes its value (a secondary count the audit found pinned); the figures derived from it stay hidden, since a mean adds what its n does not. */
  derivable?: boolean;
  /** Indices into problem.derived of the figures that need this count. */
  derived: number[];
}

export interface Groups {
  groups: CountGroup[];
  /** problem.counts index → group index. */
  groupOfCount: number[];
  /** problem.derived index → the groups it needs. */
  derivedGroups: number[][];
}

/** Throws a message naming the item and the fix when the problem is not consistent with its own true values. */
export function buildGroups(problem: ProtectionProblem): Groups {
  const { unknowns, counts, derived, minCell } = problem;
  if (!Number.isInteger(minCell) || minCell < 1) throw new Error(`Protection: minCell must be a whole number ≥ 1, got ${minCell}.`);
  unknowns.forEach((u, i) => {
    if (!Number.isInteger(u.value) || u.value < 0) throw new Error(`Protection: unknown ${i} has the value ${u.value}; the finest-grain counts must be whole numbers ≥ 0.`);
  });
  const byKey = new Map<string, number>();
  const groups: CountGroup[] = [];
  const groupOfCount: number[] = [];
  const idIndex = new Map<string, number>();
  counts.forEach((c, ci) => {
    if (idIndex.has(c.id)) throw new Error(`Protection: the count id '${c.id}' (table ${c.table}) is used twice; every count needs its own id.`);
    idIndex.set(c.id, ci);
    const cells = [...new Set(c.cells)].sort((a, b) => a - b);
    if (cells.length !== c.cells.length) throw new Error(`Protection: count '${c.id}' (table ${c.table}) lists an unknown twice; a count sums each unknown once.`);
    let sum = 0;
    for (const cell of cells) {
      if (!Number.isInteger(cell) || cell < 0 || cell >= unknowns.length) throw new Error(`Protection: count '${c.id}' (table ${c.table}) refers to unknown ${cell}, which does not exist.`);
      sum += unknowns[cell].value;
    }
    if (sum !== c.value) throw new Error(`Protection: count '${c.id}' (table ${c.table}) has the value ${c.value} but its unknowns sum to ${sum}; the roll-up is wrong.`);
    const key = cells.join(",");
    let gi = byKey.get(key);
    if (gi === undefined) {
      gi = groups.length;
      byKey.set(key, gi);
      const primary = c.value >= 1 && c.value < minCell;
      groups.push({ cells, value: c.value, counts: [], primary, hidden: primary, derived: [] });
    }
    groups[gi].counts.push(ci);
    groupOfCount.push(gi);
  });
  const derivedGroups = derived.map((d, di) => {
    const gs = new Set<number>();
    for (const id of d.counts) {
      const ci = idIndex.get(id);
      if (ci === undefined) throw new Error(`Protection: the derived figure '${d.id}' needs the count '${id}', which the problem does not publish.`);
      gs.add(groupOfCount[ci]);
    }
    for (const r of d.relations) checkRelation(problem, r, `the derived figure '${d.id}'`);
    for (const g of gs) groups[g].derived.push(di);
    return [...gs];
  });
  problem.known.forEach((r, i) => checkRelation(problem, r, `known relation ${i}`));
  return { groups, groupOfCount, derivedGroups };
}

function checkRelation(problem: ProtectionProblem, r: Relation, what: string): void {
  let sum = 0;
  for (const t of r.terms) {
    if (!Number.isInteger(t.cell) || t.cell < 0 || t.cell >= problem.unknowns.length) throw new Error(`Protection: ${what} refers to unknown ${t.cell}, which does not exist.`);
    if (!Number.isFinite(t.coef)) throw new Error(`Protection: ${what} has a coefficient that is not a finite number.`);
    sum += t.coef * problem.unknowns[t.cell].value;
  }
  const tol = 1e-9 * Math.max(1, Math.abs(sum));
  if (sum < r.lo - tol || sum > r.hi + tol) throw new Error(`Protection: ${what} says ${r.lo} ≤ … ≤ ${r.hi}, but the true values give ${sum}; the relation does not hold for the data.`);
}

/** Whether a derived figure is shown: every count it needs is shown. */
export function derivedShown(g: Groups, di: number): boolean {
  return g.derivedGroups[di].every((gi) => !g.groups[gi].hidden && !g.groups[gi].derivable);
}

/** Terms with each unknown once (coefficients of repeated unknowns added), zeros dropped. */
export function mergedTerms(r: Relation): { cells: number[]; coefs: number[] } {
  // Most relations come merged and in order already: no map needed.
  let ordered = true;
  for (let i = 0; i < r.terms.length && ordered; i++) ordered = r.terms[i].coef !== 0 && (i === 0 || r.terms[i - 1].cell < r.terms[i].cell);
  if (ordered) return { cells: r.terms.map((t) => t.cell), coefs: r.terms.map((t) => t.coef) };
  const m = new Map<number, number>();
  for (const t of r.terms) m.set(t.cell, (m.get(t.cell) ?? 0) + t.coef);
  const cells: number[] = [];
  const coefs: number[] = [];
  for (const [cell, coef] of [...m].sort((a, b) => a[0] - b[0]))
    if (coef !== 0) {
      cells.push(cell);
      coefs.push(coef);
    }
  return { cells, coefs };
}

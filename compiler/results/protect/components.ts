// Independent parts of the problem: unknowns linked by a count, a derived
// figure (its relations and the counts it needs) or a known relation. What is
// shown in one part says nothing about the unknowns of another, so each part
// gets its own linear program.
import type { ProtectionProblem, Relation } from "./problem.js";
import { mergedTerms, type Groups } from "./groups.js";

/** A known relation, or what it says while the count `restsOn` is shown. */
export interface KnownInUse extends Relation {
  restsOn?: number;
}

export interface Component {
  /** Unknowns, ascending. */
  cells: number[];
  groups: number[];
  derived: number[];
  /** The known relations over its unknowns, as the audit uses them. */
  known: KnownInUse[];
}

/**
 * Known relations as the audit uses them while the counts they rest on are
 * shown. Σ(+1 part) − Σ(−1 part) = 0 where a part is exactly the cells of a
 * shown count (the same group counted by two questions of one population,
 * the individuals and a question's whole population): with both parts shown
 * the relation says nothing (left out); with one shown it fixes the other
 * part's sum to that count's value, a relation of the other part alone. So
 * neither links two components. `restsOn`: the counts this rests on; hiding
 * one of them restores the relation as it is.
 */
export function knownInUse(problem: ProtectionProblem, g: Groups): { known: (KnownInUse | null)[]; restsOn: Set<number> } {
  const byCells = new Map<string, number>();
  g.groups.forEach((grp, gi) => byCells.set(grp.cells.join(","), gi));
  const restsOn = new Set<number>();
  const shownGroup = (cells: number[]): number | undefined => {
    const gi = byCells.get(cells.join(","));
    return gi !== undefined && !g.groups[gi].hidden ? gi : undefined;
  };
  const known = problem.known.map((r): KnownInUse | null => {
    if (r.lo !== 0 || r.hi !== 0) return r;
    const t = mergedTerms(r);
    const plus = t.cells.filter((_, k) => t.coefs[k] === 1);
    const minus = t.cells.filter((_, k) => t.coefs[k] === -1);
    if (plus.length + minus.length !== t.cells.length || plus.length === 0 || minus.length === 0) return r;
    const a = shownGroup(plus);
    const b = shownGroup(minus);
    if (a === undefined && b === undefined) return r;
    if (a !== undefined) restsOn.add(a);
    if (b !== undefined) restsOn.add(b);
    if (a !== undefined && b !== undefined) return null;
    const [fixed, other] = a !== undefined ? [g.groups[a].value, minus] : [g.groups[b!].value, plus];
    return { terms: other.map((cell) => ({ cell, coef: 1 })), lo: fixed, hi: fixed, restsOn: a ?? b };
  });
  return { known, restsOn };
}

/** `known`: the known relations as the audit uses them (knownInUse), null where one is left out. */
export function components(problem: ProtectionProblem, g: Groups, known: (KnownInUse | null)[] = problem.known): Component[] {
  const parent = problem.unknowns.map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const join = (cells: Iterable<number>): void => {
    let first = -1;
    for (const c of cells) {
      if (first < 0) first = find(c);
      else parent[find(c)] = first;
      first = find(first);
    }
  };
  for (const grp of g.groups) join(grp.cells);
  problem.derived.forEach((d, di) => {
    const cells: number[] = [];
    for (const r of d.relations) for (const t of r.terms) cells.push(t.cell);
    for (const gi of g.derivedGroups[di]) if (g.groups[gi].cells.length > 0) cells.push(g.groups[gi].cells[0]);
    join(cells);
  });
  for (const r of known) if (r) join(r.terms.map((t) => t.cell));

  const byRoot = new Map<number, Component>();
  const of = (cell: number): Component => {
    const root = find(cell);
    let comp = byRoot.get(root);
    if (!comp) {
      comp = { cells: [], groups: [], derived: [], known: [] };
      byRoot.set(root, comp);
    }
    return comp;
  };
  problem.unknowns.forEach((_, i) => of(i).cells.push(i));
  g.groups.forEach((grp, gi) => {
    if (grp.cells.length > 0) of(grp.cells[0]).groups.push(gi);
  });
  problem.derived.forEach((d, di) => {
    const anchor = d.relations.find((r) => r.terms.length > 0)?.terms[0].cell ?? g.groups[g.derivedGroups[di][0]]?.cells[0];
    if (anchor !== undefined) of(anchor).derived.push(di);
  });
  for (const r of known) if (r && r.terms.length > 0) of(r.terms[0].cell).known.push(r);
  return [...byRoot.values()];
}

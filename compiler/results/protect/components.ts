// Independent parts of the problem: unknowns linked by a count, a derived
// figure (its relations and the counts it needs) or a known relation. What is
// shown in one part says nothing about the unknowns of another, so each part
// gets its own linear program.
import type { ProtectionProblem } from "./problem.js";
import type { Groups } from "./groups.js";

export interface Component {
  /** Unknowns, ascending. */
  cells: number[];
  groups: number[];
  derived: number[];
  known: number[];
}

export function components(problem: ProtectionProblem, g: Groups): Component[] {
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
  for (const r of problem.known) join(r.terms.map((t) => t.cell));

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
  problem.known.forEach((r, ri) => {
    if (r.terms.length > 0) of(r.terms[0].cell).known.push(ri);
  });
  return [...byRoot.values()];
}

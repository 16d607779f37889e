// Lines: a count that one table splits into parts (a group's rows and its
// bortfall make its size; a split's column adds up to the total's row). A
// line with exactly one hidden member gives that member away by subtraction,
// so the fast first pass hides a second member, cheapest first, until no
// line has a lone hidden member. The audit afterwards is exact; this pass
// only saves it most of its work.
import type { ProtectionProblem } from "./problem.js";
import type { Groups } from "./groups.js";

/** The parent group first, then its parts. */
export type Line = number[];

export function findLines(problem: ProtectionProblem, g: Groups): Line[] {
  const { groups } = g;
  const groupsOfCell: number[][] = problem.unknowns.map(() => []);
  groups.forEach((grp, gi) => grp.cells.forEach((c) => groupsOfCell[c].push(gi)));
  const tablesOf = groups.map((grp) => [...new Set(grp.counts.map((ci) => problem.counts[ci].table))]);
  const lines: Line[] = [];
  const seen = new Set<string>();
  groups.forEach((parent, pi) => {
    if (parent.cells.length < 2) return;
    const hits = new Map<number, number>();
    for (const c of parent.cells) for (const gi of groupsOfCell[c]) if (gi !== pi) hits.set(gi, (hits.get(gi) ?? 0) + 1);
    const partsByTable = new Map<string, number[]>();
    for (const [gi, h] of hits) {
      if (h !== groups[gi].cells.length) continue; // not inside the parent
      for (const t of tablesOf[gi]) {
        const list = partsByTable.get(t) ?? [];
        list.push(gi);
        partsByTable.set(t, list);
      }
    }
    for (const parts of partsByTable.values()) {
      const line = partition(parent.cells.length, parts, groups);
      if (!line) continue;
      const key = `${pi}:${line.join(",")}`;
      if (seen.has(key)) continue;
      seen.add(key);
      lines.push([pi, ...line]);
    }
  });
  return lines;
}

/** The largest parts that tile the parent exactly, or null when a table's parts overlap or leave a gap. */
function partition(parentSize: number, parts: number[], groups: Groups["groups"]): number[] | null {
  const sorted = [...parts].sort((a, b) => groups[b].cells.length - groups[a].cells.length || a - b);
  const covered = new Set<number>();
  const kept: number[] = [];
  for (const gi of sorted) {
    const cells = groups[gi].cells;
    const inside = cells.filter((c) => covered.has(c)).length;
    if (inside === cells.length) continue; // a finer part of one already kept
    if (inside > 0) return null;
    kept.push(gi);
    for (const c of cells) covered.add(c);
  }
  return kept.length >= 2 && covered.size === parentSize ? kept.sort((a, b) => a - b) : null;
}

/** Cheapest to hide first: the least information lost (the smallest count), then the finest. */
export function hidingCost(g: Groups, gi: number): [number, number, number] {
  const grp = g.groups[gi];
  return [grp.value, grp.cells.length, gi];
}

export function byCost(g: Groups): (a: number, b: number) => number {
  return (a, b) => {
    const ca = hidingCost(g, a);
    const cb = hidingCost(g, b);
    return ca[0] - cb[0] || ca[1] - cb[1] || ca[2] - cb[2];
  };
}

/** Hides a second member of every line with a lone hidden member, to a fixed point. Returns the groups it hid. */
export function protectLines(lines: Line[], g: Groups): number[] {
  const hid: number[] = [];
  const linesOf = new Map<number, number[]>();
  lines.forEach((line, li) =>
    line.forEach((gi) => {
      const list = linesOf.get(gi) ?? [];
      list.push(li);
      linesOf.set(gi, list);
    }),
  );
  const cheapest = byCost(g);
  const queue = lines.map((_, li) => li);
  const queued = new Set(queue);
  for (let head = 0; head < queue.length; head++) {
    const li = queue[head];
    queued.delete(li);
    const line = lines[li];
    const hidden = line.filter((gi) => g.groups[gi].hidden).length;
    if (hidden !== 1) continue;
    const pick = line.filter((gi) => !g.groups[gi].hidden).sort(cheapest)[0];
    if (pick === undefined) continue;
    g.groups[pick].hidden = true;
    hid.push(pick);
    for (const other of linesOf.get(pick) ?? [])
      if (!queued.has(other)) {
        queued.add(other);
        queue.push(other);
      }
  }
  return hid;
}

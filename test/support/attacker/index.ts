// The attacker: given only a published report (results.json, parsed), the
// interval each hidden count is confined to by everything the report shows.
// It shares no code with the protection it tests — only the published types.
//   recovered   the interval is one value: the hidden count is known;
//   disclosive  the interval excludes both 0 and every value ≥ minCell: an
//               outsider knows the count is small (1..minCell−1), so it is a
//               primary cell and disclosed as one.
import type { Results } from "../../../compiler/results/published.js";
import { type Alternative, type Knowledge, type KnowledgeOptions, type Relation, knowledgeOf } from "./knowledge.js";
import { type Q, max, min, toNumber } from "./rational.js";
import { type Bounds, type SolveOptions, solve } from "./solve.js";

export interface HiddenCell {
  id: string;
  table: string;
  low: number;
  /** Infinity when nothing bounds it. */
  high: number;
  recovered: boolean;
  disclosive: boolean;
}

export interface AttackReport {
  cells: HiddenCell[];
  recovered: HiddenCell[];
  disclosed: HiddenCell[];
  /** The hidden cell with the narrowest interval. */
  narrowest: HiddenCell | null;
  /** What the attacker assumed beyond what results.json states (a change's better end when it had to try both, shared populations, whole-number values). */
  assumptions: string[];
}

export type AttackOptions = KnowledgeOptions & SolveOptions;

/** The published figures contradict the relations the attacker derives: either the report is wrong or an assumption is. */
export class Contradiction extends Error {}

export function attack(results: Results, options: AttackOptions = {}): AttackReport {
  // Perturbed counts do not add up, by design: nothing is hidden and no relation holds exactly.
  if (results.protection.method === "noise")
    return { cells: [], recovered: [], disclosed: [], narrowest: null, assumptions: ["protection noise: the counts are perturbed, so the exact attack does not apply"] };
  let k = knowledgeOf(results, options);
  let bounds: Bounds;
  try {
    bounds = solveAlternatives(k, options);
  } catch (e) {
    // Equal totals were chance, not one population: the attacker drops that assumption (a contradiction without it is the report's).
    if (!(e instanceof Contradiction) || options.populations === false || !k.assumptions.some((a) => a.includes("share a population"))) throw e;
    k = knowledgeOf(results, { ...options, populations: false });
    bounds = solveAlternatives(k, options);
    k.assumptions.push(`no shared population assumed: with it the figures contradict (${e.message})`);
  }
  const cells: HiddenCell[] = [];
  k.unknowns.forEach((u, i) => {
    if (u.kind !== "count" || u.value !== null) return;
    const low = toNumber(bounds.low[i]!);
    const high = bounds.high[i] ? toNumber(bounds.high[i]!) : Infinity;
    // A count known to lie in 1..minCell−1 is a small count, whatever its label says (the labels no longer say).
    cells.push({ id: u.id, table: u.table, low, high, recovered: low === high, disclosive: low >= 1 && high <= k.minCell - 1 });
  });
  const narrowest = cells.reduce<HiddenCell | null>((best, c) => (!best || c.high - c.low < best.high - best.low ? c : best), null);
  return { cells, recovered: cells.filter((c) => c.recovered), disclosed: cells.filter((c) => c.disclosive), narrowest, assumptions: k.assumptions };
}

/**
 * A change's outcome regions depend on which end of the scale is better,
 * which results.json does not say. Directions the shown figures rule out are
 * dropped; for the rest each question's both options are solved (the others
 * left open) and each cell keeps the hull over them — the intersection over
 * questions of those hulls still contains every consistent value.
 */
function solveAlternatives(k: Knowledge, options: SolveOptions): Bounds {
  if (k.alternatives.length === 0) return solved(k, k.relations, options, "");
  const fixed: Relation[] = [];
  const open = [...k.alternatives];
  for (;;) {
    const base = [...k.relations, ...fixed];
    // Every open question's options over the same fixed relations, until one has a single consistent option.
    const feasible: { alt: Alternative; options: { relations: Relation[]; bounds: Bounds }[] }[] = [];
    for (const alt of open) {
      const options_ = alt.options.flatMap((o) => {
        const s = solve(k, [...base, ...o.relations], options);
        return s.feasible ? [{ relations: o.relations, bounds: s.bounds }] : [];
      });
      if (options_.length === 0) {
        // Figures contradicting what holds whichever end is better are reported as such.
        solved(k, base, options, "");
        throw new Contradiction(`${alt.question}: no direction of the scale is consistent with the shown figures`);
      }
      feasible.push({ alt, options: options_ });
      if (options_.length === 1) break;
    }
    const decided = feasible.find((f) => f.options.length === 1);
    if (!decided) {
      for (const alt of open) k.assumptions.push(`${alt.question}: which end of the scale is better is not published; both were tried`);
      return feasible.map((f) => f.options.map((o) => o.bounds).reduce(hullOf)).reduce(intersection);
    }
    open.splice(open.indexOf(decided.alt), 1);
    fixed.push(...decided.options[0]!.relations);
    if (open.length === 0) return decided.options[0]!.bounds;
  }
}

function solved(k: Knowledge, relations: Relation[], options: SolveOptions, context: string): Bounds {
  const s = solve(k, relations, options);
  if (!s.feasible) throw new Contradiction(`${s.why}${context}`);
  return s.bounds;
}

const lower = (a: Q | null, b: Q | null) => (a && b ? min(a, b) : null);
const higher = (a: Q | null, b: Q | null) => (a && b ? max(a, b) : null);

function hullOf(a: Bounds, b: Bounds): Bounds {
  return { low: a.low.map((x, i) => lower(x, b.low[i]!)), high: a.high.map((x, i) => higher(x, b.high[i]!)) };
}

function intersection(a: Bounds, b: Bounds): Bounds {
  const tight = (x: Q | null, y: Q | null, pick: (p: Q, r: Q) => Q) => (x && y ? pick(x, y) : (x ?? y));
  return { low: a.low.map((x, i) => tight(x, b.low[i]!, max)), high: a.high.map((x, i) => tight(x, b.high[i]!, min)) };
}

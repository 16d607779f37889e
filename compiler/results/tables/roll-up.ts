// The true tables of one question from its finest-grain counts: the whole
// population, then each `by` split (a combined split is one table over all
// its parts), every group with its size and bortfall, and the rows the
// analysis publishes. Each count keeps the finest cells it sums, so the
// protection problem is built from the same sums.
import type { QuestionGrain } from "../../model/grain.js";
import type { PlanModel } from "../../model/index.js";
import { finestCells } from "./cells.js";
import { summarize } from "./statistics.js";
import type { Coordinate, Count, CountsRow, FinestCell, GroupTable, KeyRow, Outcome, QuestionTables, RowKey, TrueTable } from "./types.js";

export const tableId = (question: string, split: string | null): string => (split === null ? `${question}__total` : `${question}__by_${split}`);

const emptyCount = (): Count => ({ value: 0, cells: [] });

function add(c: Count, cell: number, value: number): void {
  c.cells.push(cell);
  c.value += value;
}

/** The rows an analysis publishes, in order, with a function placing a finest cell in one of them (or none). */
function layout(grain: QuestionGrain): { keys: RowKey[]; place: (cell: FinestCell) => number[] } {
  const keys = grain.keys;
  const size = (i: number) => keys[i]!.members.length;
  const complete = (c: FinestCell) => c.keys.every((x) => x !== null);
  // Multiple choice is counted from the 'choices' cells; everything else from the individuals.
  const counted = (c: FinestCell) => complete(c) && c.kind === (grain.choices ? "choices" : "individuals");
  switch (grain.analysis) {
    case "count":
      return { keys: Array.from({ length: size(0) }, (_, i) => ({ category: i })), place: (c) => (counted(c) ? [c.keys[0]!] : []) };
    case "crosstab": {
      const columns = size(1);
      const out: RowKey[] = [];
      for (let r = 0; r < size(0); r++) for (let k = 0; k < columns; k++) out.push({ row: r, column: k });
      return { keys: out, place: (c) => (counted(c) ? [c.keys[0]! * columns + c.keys[1]!] : []) };
    }
    case "change": {
      const steps = size(0);
      const out: RowKey[] = [];
      for (let f = 0; f < steps; f++) for (let t = 0; t < steps; t++) out.push({ from: f, to: t });
      const outcomes: Outcome[] = ["improved", "unchanged", "worsened"];
      for (const o of outcomes) out.push({ outcome: o });
      const better = (f: number, t: number) => (grain.direction === "lower" ? t < f : t > f);
      return {
        keys: out,
        place: (c) => {
          if (!counted(c)) return [];
          const [f, t] = c.keys as number[];
          const outcome = f === t ? 1 : better(f!, t!) ? 0 : 2;
          return [f! * steps + t!, steps * steps + outcome];
        },
      };
    }
    case "attainment": {
      const reached = (target: number, goal: number) => (grain.direction === "lower" ? target <= goal : target >= goal);
      return { keys: [{ outcome: "reached" }, { outcome: "not_reached" }], place: (c) => (counted(c) ? [reached(c.keys[0]!, c.keys[1]!) ? 0 : 1] : []) };
    }
    case "summary":
      return { keys: [], place: () => [] };
  }
}

function splitGroups(grain: QuestionGrain, dims: number[]): Coordinate[][] {
  let out: Coordinate[][] = [[]];
  for (const d of dims) {
    const members: Coordinate[] = [...grain.dims[d]!.members.map((_, i) => i), null];
    out = out.flatMap((prefix) => members.map((m) => [...prefix, m]));
  }
  return out;
}

function table(grain: QuestionGrain, cells: FinestCell[], values: number[], split: { id: string; dims: number[] } | null): TrueTable {
  const dims = split?.dims ?? [];
  const { keys, place } = layout(grain);
  const groupKey = (coords: Coordinate[]) => coords.map((c) => (c === null ? "-" : c)).join(",");
  const groups: GroupTable[] = splitGroups(grain, dims).map((members) => ({
    members,
    size: emptyCount(),
    missing: emptyCount(),
    rows: keys.map((key): KeyRow => ({ key, n: emptyCount() })),
    ...(grain.analysis === "summary" ? { summary: { n: emptyCount(), cellValues: [], mean: null, median: null, q1: null, q3: null } } : {}),
  }));
  const byKey = new Map(groups.map((g) => [groupKey(g.members), g]));
  const histograms = new Map<GroupTable, Map<number, number>>();
  cells.forEach((c, i) => {
    const g = byKey.get(groupKey(dims.map((d) => c.dims[d]!)))!;
    if (c.kind === "individuals") {
      add(g.size, i, c.value);
      // Missing for any key of the analysis: in the group's bortfall.
      if (c.keys.some((x) => x === null)) add(g.missing, i, c.value);
      else if (g.summary) {
        const v = values[c.keys[0]!]!;
        add(g.summary.n, i, c.value);
        g.summary.cellValues.push(v);
        const h = histograms.get(g) ?? new Map<number, number>();
        h.set(v, (h.get(v) ?? 0) + c.value);
        histograms.set(g, h);
      }
    }
    for (const r of place(c)) add(g.rows[r]!.n, i, c.value);
  });
  for (const g of groups) if (g.summary) Object.assign(g.summary, summarize(histograms.get(g) ?? new Map()), { n: g.summary.n });
  return { id: tableId(grain.question, split?.id ?? null), split, groups };
}

/** The true (unprotected) tables of one question from its finest-grain counts rows. */
export function rollUp(model: PlanModel, grain: QuestionGrain, rows: CountsRow[]): QuestionTables {
  const question = model.questions.find((q) => q.name === grain.question);
  if (!question) throw new Error(`the plan has no question '${grain.question}'`);
  const { cells, values } = finestCells(grain, rows);
  const tables = [table(grain, cells, values, null), ...grain.splits.map((s) => table(grain, cells, values, s))];
  return { question, grain, cells, values, tables };
}

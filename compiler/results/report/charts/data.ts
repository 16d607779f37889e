// What a question's chart draws, in figures: the whole population and, when
// the question is split, the groups of its first split. Hidden figures are
// left out and counted, so the text alternative can say so. The chart (specs.ts)
// and its text alternative (summary.ts) both read this, so they cannot disagree.
import type { Figure, PublishedGroup, PublishedQuestion, PublishedTable } from "../../published.js";

export interface Bar {
  group: string;
  /** The outcome, category or column the bar (segment) stands for. */
  part: string;
  /** The outcome code, for its colour. */
  code: string | null;
  value: number;
}

export interface Point {
  group: string;
  median: number | null;
  mean: number | null;
  q1: number | null;
  q3: number | null;
}

export interface ChartData {
  kind: "stacked" | "bars" | "points";
  /** stacked and bars: shares (0..1), except a crosstab's counts. */
  scale: "share" | "count" | "value";
  groups: string[];
  /** Parts in order (outcomes, categories, columns). */
  parts: { label: string; code: string | null }[];
  bars: Bar[];
  points: Point[];
  omitted: number;
}

const groupLabel = (g: { split: { label: string }[] }, all: string) => (g.split.length === 0 ? all : g.split.map((m) => m.label).join(" · "));

/** The tables a chart draws: the total, then the first split. */
function drawn(q: PublishedQuestion): PublishedTable[] {
  const total = q.tables.find((t) => t.split === null);
  const split = q.tables.find((t) => t.split !== null);
  return [total, split].filter((t): t is PublishedTable => !!t);
}

export function chartData(q: PublishedQuestion, all: string): ChartData {
  const tables = drawn(q);
  const groups: string[] = [];
  const parts = new Map<string, { label: string; code: string | null }>();
  const bars: Bar[] = [];
  const points: Point[] = [];
  let omitted = 0;
  const shown = (f: Figure | undefined): number | null => {
    if (!f) return null;
    if (f.value === null && f.hidden) omitted++;
    return f.value;
  };

  if (q.analysis === "summary") {
    for (const t of tables)
      for (const g of t.groups) {
        const group = groupLabel(g, all);
        groups.push(group);
        const stat = (k: keyof PublishedGroup) => shown(g[k] as Figure | undefined);
        points.push({ group, median: stat("median"), mean: stat("mean"), q1: stat("q1"), q3: stat("q3") });
      }
    return { kind: "points", scale: "value", groups, parts: [], bars, points, omitted };
  }

  const crosstab = q.analysis === "crosstab";
  for (const t of crosstab ? tables.slice(0, 1) : tables)
    for (const g of t.groups) {
      const group = groupLabel(g, all);
      if (!crosstab) groups.push(group);
      for (const r of t.rows) {
        if (r.split.length !== g.split.length || !r.split.every((m, i) => m.code === g.split[i]!.code)) continue;
        const key = crosstab ? r.key.column : q.analysis === "count" ? r.key.category : r.key.outcome;
        if (!key || (q.analysis === "count" && Object.keys(r.key).length !== 1)) continue;
        const barGroup = crosstab ? r.key.row!.label : group;
        if (crosstab && !groups.includes(barGroup)) groups.push(barGroup);
        if (!parts.has(key.label)) parts.set(key.label, { label: key.label, code: key.code });
        const v = shown(crosstab ? r.n : r.share);
        if (v !== null) bars.push({ group: barGroup, part: key.label, code: key.code, value: v });
      }
    }
  const kind = q.analysis === "count" ? "bars" : "stacked";
  return { kind, scale: crosstab ? "count" : "share", groups, parts: [...parts.values()], bars, points, omitted };
}

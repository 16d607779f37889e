// A chart in words: what it draws, every figure it draws, what it leaves out
// (hidden figures) and the reference level. Shown under the chart and used
// as its text alternative, so a reader who cannot see it misses nothing.
import type { PublishedReference } from "../../published.js";
import type { Numbers } from "../numbers.js";
import type { ReportStrings } from "../strings.js";
import type { ChartData } from "./data.js";
import { referenceLevel } from "../reference.js";

export function chartSummary(d: ChartData, analysis: keyof ReportStrings["chart"] & string, ref: PublishedReference | undefined, s: ReportStrings, num: Numbers): string {
  const C = s.chart;
  const what = (C as unknown as Record<string, string>)[analysis] ?? "";
  const sentences: string[] = [what];
  const value = (v: number) => (d.scale === "share" ? num.percent(v) : d.scale === "count" ? String(v) : num.statValue(v));
  if (d.kind === "points") {
    for (const p of d.points) {
      const parts = [
        p.median !== null ? `${s.cells.median} ${value(p.median)}` : null,
        p.mean !== null ? `${s.cells.mean} ${value(p.mean)}` : null,
        p.q1 !== null && p.q3 !== null ? C.range(value(p.q1), value(p.q3)) : null,
      ].filter((x): x is string => x !== null);
      if (parts.length > 0) sentences.push(C.point(p.group, parts.join(", ")));
    }
  } else {
    for (const g of d.groups) {
      const bars = d.bars.filter((b) => b.group === g);
      if (bars.length > 0) sentences.push(C.point(g, bars.map((b) => `${b.part} ${value(b.value)}`).join(", ")));
    }
  }
  if (d.bars.length === 0 && d.points.every((p) => p.median === null && p.mean === null)) sentences.push(C.none);
  if (d.omitted > 0) sentences.push(C.omitted(d.omitted));
  if (ref) sentences.push(C.reference(referenceLevel(ref, analysis, s, num), ref.label));
  return sentences.join(" ");
}

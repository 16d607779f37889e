// The attacker over many reports: what it recovered or disclosed in each, and
// the figures the closing note gives (data sets, hidden cells by reason, the
// narrowest interval left).
import type { Results } from "../../../compiler/results/published.js";
import { type AttackOptions, type HiddenCell, attack } from "./index.js";

export interface LabelledResults {
  /** Which data set: plan, individuals and seed. */
  label: string;
  results: Results;
}

export interface Finding extends HiddenCell {
  label: string;
}

export interface AttackSummary {
  datasets: number;
  hiddenCells: number;
  /** As the reports' protection summaries count them (a hidden figure no longer says which it is). */
  hiddenPrimary: number;
  hiddenSecondary: number;
  recovered: Finding[];
  disclosed: Finding[];
  /** The narrowest interval over every hidden cell of every data set. */
  narrowest: Finding | null;
  /** Each assumption once, with the first data set it was made in. */
  assumptions: string[];
}

export async function attackReports(reports: Iterable<LabelledResults> | AsyncIterable<LabelledResults>, options: AttackOptions = {}): Promise<AttackSummary> {
  const s: AttackSummary = { datasets: 0, hiddenCells: 0, hiddenPrimary: 0, hiddenSecondary: 0, recovered: [], disclosed: [], narrowest: null, assumptions: [] };
  const seen = new Set<string>();
  for await (const { label, results } of reports) {
    let report;
    try {
      report = attack(results, options);
    } catch (e) {
      throw new Error(`${label}: ${(e as Error).message}`, { cause: e });
    }
    s.datasets++;
    s.hiddenCells += report.cells.length;
    s.hiddenPrimary += results.protection.hiddenPrimary;
    s.hiddenSecondary += results.protection.hiddenSecondary;
    s.recovered.push(...report.recovered.map((c) => ({ ...c, label })));
    s.disclosed.push(...report.disclosed.map((c) => ({ ...c, label })));
    if (report.narrowest && (!s.narrowest || width(report.narrowest) < width(s.narrowest))) s.narrowest = { ...report.narrowest, label };
    for (const a of report.assumptions) {
      const general = a.replace(/^[^:]*: /, "");
      if (!seen.has(general)) {
        seen.add(general);
        s.assumptions.push(`${label}: ${a}`);
      }
    }
  }
  return s;
}

const width = (c: HiddenCell) => c.high - c.low;

/** The closing note's figures, one line each. */
export function describeSummary(s: AttackSummary): string {
  const n = s.narrowest;
  return [
    `data sets: ${s.datasets}`,
    `hidden cells: ${s.hiddenCells} (primary ${s.hiddenPrimary}, secondary ${s.hiddenSecondary})`,
    `recovered: ${s.recovered.length}, primary cells disclosed: ${s.disclosed.length}`,
    `narrowest interval: ${n ? `${n.high - n.low} (${n.label} ${n.id} in [${n.low}, ${n.high}])` : "none (nothing hidden)"}`,
  ].join("\n");
}

// Shared meaning of time in a plan: when a variable or group is recorded, which
// time points an analysis reads, and which record a split or condition uses.
// Checks and the model builder both ask here, so they never disagree.
import type * as A from "../syntax/ast.js";
import { lookupMeasure, type Resolution, type Sym } from "./resolve.js";

export function tpOrder(r: Resolution, tp: string): number {
  return r.timepointOrder.get(tp) ?? -1;
}

/** The time points a variable (or a group's source variable) is recorded at, in plan order. */
export function recordedAt(r: Resolution, sym: Sym | undefined, seen = new Set<Sym>()): string[] {
  if (!sym || seen.has(sym)) return [];
  seen.add(sym);
  if (sym.kind === "group") {
    const g = sym.decl as A.GroupDecl;
    if (g.source.timepoint) return r.timepoints.has(g.source.timepoint.text) ? [g.source.timepoint.text] : [];
    return recordedAt(r, r.variables.get(g.source.name.text), seen);
  }
  if (sym.kind !== "variable") return [];
  const v = sym.decl as A.VariableDecl;
  if (v.timepoints.length === 0 && r.timepoints.size === 1) return [...r.timepoints.keys()];
  const names = v.timepoints.map((t) => t.text).filter((t) => r.timepoints.has(t));
  return [...new Set(names)].sort((a, b) => tpOrder(r, a) - tpOrder(r, b));
}

/**
 * The time point a target of an analysis is read at: the explicit `at`, or the
 * only time point it is recorded at. `ambiguous` when it has several and no `at`.
 */
export function targetTimepoint(r: Resolution, ref: A.VarRef): { tp?: string; ambiguous?: string[] } {
  if (ref.timepoint) return r.timepoints.has(ref.timepoint.text) ? { tp: ref.timepoint.text } : {};
  const at = recordedAt(r, lookupMeasure(r, ref.name.text));
  if (at.length === 1) return { tp: at[0]! };
  if (at.length > 1) return { ambiguous: at };
  return {};
}

/** The time points an analysis reads its main variables at, in plan order. */
export function analysisReads(r: Resolution, a: A.Analysis): string[] {
  const out: string[] = [];
  const add = (tp: string | undefined): void => {
    if (tp && !out.includes(tp)) out.push(tp);
  };
  switch (a.kind) {
    case "count":
    case "summary":
      add(targetTimepoint(r, a.target).tp);
      break;
    case "crosstab":
      add(targetTimepoint(r, a.target).tp);
      add(targetTimepoint(r, a.other).tp);
      break;
    case "change":
      if (r.timepoints.has(a.from.text)) add(a.from.text);
      if (r.timepoints.has(a.to.text)) add(a.to.text);
      break;
    case "attainment":
      add(targetTimepoint(r, a.target).tp);
      add(targetTimepoint(r, a.goal).tp);
      break;
  }
  return out.sort((x, y) => tpOrder(r, x) - tpOrder(r, y));
}

/**
 * Which record of a split or `where` variable an analysis uses: the explicit
 * `at`; else the latest record at or before the first time point read (a
 * baseline characteristic); else the latest at or before the last one read.
 * undefined when the variable is recorded only after everything the analysis reads.
 */
export function contextTimepoint(r: Resolution, ref: A.VarRef, reads: string[]): string | undefined {
  if (ref.timepoint) return r.timepoints.has(ref.timepoint.text) ? ref.timepoint.text : undefined;
  const at = recordedAt(r, lookupMeasure(r, ref.name.text));
  if (reads.length === 0) return at[0];
  const first = tpOrder(r, reads[0]!);
  const last = tpOrder(r, reads[reads.length - 1]!);
  const before = (limit: number): string | undefined => [...at].reverse().find((t) => tpOrder(r, t) <= limit);
  return before(first) ?? before(last);
}

/** Every comparison of a condition, in source order. */
export type Comparison = Extract<A.Condition, { kind: "compare" }>;

export function comparisons(c: A.Condition): Comparison[] {
  const out: Comparison[] = [];
  const walk = (x: A.Condition): void => {
    if (x.kind === "compare") out.push(x);
    else if (x.kind === "not") walk(x.operand);
    else x.parts.forEach(walk);
  };
  walk(c);
  return out;
}

/** The question's single analysis (checks report when there are none or several). */
export function mainAnalysis(q: A.QuestionDecl): A.Analysis | undefined {
  return q.analyses[0];
}

/** Whether a value set code counts as a scale value (not `missing`). */
export function isScaleValue(v: A.ValueDecl): boolean {
  return !v.missing;
}

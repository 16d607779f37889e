// ISU0605: a variable recorded at a time point where nothing reads it. Each
// time point in `at` is a form field someone fills in for every individual, so
// an unread one is data collected without purpose (GDPR art. 5.1 c).
import type * as A from "../../syntax/ast.js";
import type { Rule } from "../engine/rule.js";
import type { Resolution } from "../../semantics/resolve.js";
import { analysisReads, comparisons, contextTimepoint, mainAnalysis, recordedAt, targetTimepoint } from "../../semantics/time.js";
import { meantMeasures } from "../support/meant-names.js";
import { programHasSyntaxProblem } from "../support/syntax-guard.js";
import { removeListItem } from "../support/source-edits.js";
import { facts, usedVariables } from "../../semantics/facts.js";

/** Variable name → the time points at which a question (or a `when` condition) reads it; "*" = any. */
function timepointReads(r: Resolution, descriptions: Set<string>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const mark = (name: string, tp: string, seen = new Set<string>()): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const g = r.groups.get(name);
    // Reading a group reads its source, at the group's own time point when it fixes one.
    if (g) mark(g.decl.source.name.text, g.decl.source.timepoint?.text ?? tp, seen);
    if (!out.has(name)) out.set(name, new Set());
    out.get(name)!.add(tp);
  };
  // A target read at an unknown or undecided time point is another rule's
  // error (ISU0101, ISU0304); count every time point it might mean as read.
  const target = (ref: A.VarRef): void => {
    const t = targetTimepoint(r, ref);
    if (t.tp) mark(ref.name.text, t.tp);
    else if (t.ambiguous) t.ambiguous.forEach((tp) => mark(ref.name.text, tp));
    else mark(ref.name.text, "*");
  };
  const context = (ref: A.VarRef, reads: string[]): void => mark(ref.name.text, contextTimepoint(r, ref, reads) ?? "*");
  for (const s of r.questions.values()) {
    const q = s.decl;
    for (const a of q.analyses) {
      switch (a.kind) {
        case "count":
        case "summary":
          target(a.target);
          break;
        case "crosstab":
          target(a.target);
          target(a.other);
          break;
        case "change":
          for (const tp of [a.from, a.to]) mark(a.variable.text, r.timepoints.has(tp.text) ? tp.text : "*");
          break;
        case "attainment":
          target(a.target);
          target(a.goal);
          break;
      }
    }
    // Splits and conditions use the record the model uses: that of the main analysis.
    const a = mainAnalysis(q);
    const reads = a ? analysisReads(r, a) : [];
    for (const sp of q.splits) for (const p of sp.parts) context(p, reads);
    for (const w of q.where) for (const c of comparisons(w)) context(c.subject, reads);
  }
  // The form evaluates a `when` at each time point of its variable on the
  // condition variable's record then (model.ts conditionAt): that record is read.
  // A declared `other` description's condition only follows its variable, so it reads nothing of its own.
  for (const v of r.variables.values()) {
    if (!v.decl.condition || descriptions.has(v.name)) continue;
    for (const tp of recordedAt(r, v)) for (const c of comparisons(v.decl.condition)) context(c.subject, [tp]);
  }
  return out;
}

export const unreadTimepoint: Rule = {
  meta: {
    code: "ISU0605",
    name: "unread-timepoint",
    defaultSeverity: "warning",
    description: "A variable is recorded at a time point at which no question reads it.",
    docs: `Every time point in a variable's \`at\` list puts a field on that time point's form, filled in for every individual. When no question reads the variable at that time point — as an analysis target there, at the \`from\` or \`to\` of a \`change\`, or as a split or \`where\` variable whose record the analysis uses — nor a \`when\` condition of a field on that form, the answers are collected without a purpose (GDPR art. 5.1 c) and cost registration time. Remove the time point from the \`at\` list (the quick fix does this), or ask the question that needs the variable at that time point, such as a \`change\` or a \`summary … at\` it. Reading a comparison group reads its source variable. Exempt are variables that state a \`reason "…"\`, declared \`other\` descriptions (they are recorded wherever their variable is) and variables no question reads at all (ISU0601 reports those).`,
  },
  check(ctx) {
    const r = ctx.resolution;
    if (programHasSyntaxProblem(r)) return;
    const meant = meantMeasures(r);
    const used = usedVariables(r, meant);
    const meantVariables = new Set(meant.flatMap((n) => [n, r.groups.get(n)?.decl.source.name.text ?? n]));
    const describedBy = facts(r).otherDescriptions;
    const descriptions = new Set([...describedBy.values()].map((s) => s.name));
    const reads = timepointReads(r, descriptions);
    for (const v of facts(r).variables) {
      if (!used.has(v.name) || meantVariables.has(v.name) || descriptions.has(v.name) || v.decl.reason?.text) continue;
      const read = reads.get(v.name) ?? new Set<string>();
      const recorded = recordedAt(r, v);
      // A read where it is not recorded is an error of its own (ISU0303); which record was meant is open.
      if (read.has("*") || [...read].some((tp) => !recorded.includes(tp))) continue;
      const items = v.decl.timepoints;
      for (const tp of recorded) {
        if (read.has(tp)) continue;
        const index = items.findIndex((t) => t.text === tp);
        const item = items[index];
        if (!item) continue;
        const edit = removeListItem(
          ctx.source(v.file),
          items.map((t) => t.range),
          index,
        );
        // The declared description of its `other` answer stops being recorded there too.
        const description = describedBy.get(v)?.decl;
        const descIndex = description ? description.timepoints.findIndex((t) => t.text === tp) : -1;
        const descEdit =
          description && descIndex >= 0
            ? removeListItem(
                ctx.source(describedBy.get(v)!.file),
                description.timepoints.map((t) => t.range),
                descIndex,
              )
            : undefined;
        ctx.report({
          file: v.file,
          range: item.range,
          message: `variable '${v.name}' is recorded at '${tp}' but no question reads it there`,
          hint: `remove '${tp}' from the 'at' list of '${v.name}', or ask a question that reads it at '${tp}' (an analysis of '${v.name} at ${tp}', a change to or from '${tp}')`,
          ...(edit ? { fixes: [{ title: `Stop recording '${v.name}' at '${tp}'`, preferred: true, edits: descEdit ? [edit, descEdit] : [edit] }] } : {}),
        });
      }
    }
  },
};

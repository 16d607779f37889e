// ISU0401: a split or `where` must describe individuals with what is known when the
// analysis measures them, not with something recorded only afterwards.
import type * as A from "../../syntax/ast.js";
import { addTimepointFix, declarationsOf, importedOrderNote, quoteList, recordingVariable, refTarget } from "../support/check-support.js";
import { replace } from "../support/source-edits.js";
import type { Fix } from "../../syntax/diagnostic.js";
import { measureWord } from "../support/measure-kind.js";
import type { Rule } from "../engine/rule.js";
import { analysisReads, comparisons, contextTimepoint, mainAnalysis, recordedAt, tpOrder } from "../../semantics/time.js";

export const splitRecordedLater: Rule = {
  meta: {
    code: "ISU0401",
    name: "split-recorded-later",
    defaultSeverity: "error",
    description: "A split or `where` uses a variable recorded only after every time point the analysis reads.",
    docs: `A split (\`by\`) or condition (\`where\`) uses the latest record of its variable at or before the first time point the analysis reads (a characteristic known at the start), or else at or before the last one — so a change from assessment to follow-up may be split by something recorded at the follow-up. A variable recorded only after everything the analysis reads describes the individuals by what happened later: for those who leave before that time point it is missing, and the comparison silently becomes one of survivors. The same holds for an explicit \`at\` later than every time point read. Record the variable at (or before) a time point the analysis reads — the quick fix adds it to the \`at\` list — or split by something known then.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const { decl: q, file } of declarationsOf(r, "Question")) {
      const a = mainAnalysis(q);
      if (!a) continue;
      const reads = analysisReads(r, a);
      if (reads.length === 0) continue;
      const last = reads[reads.length - 1]!;
      const checkRef = (ref: A.VarRef, role: "split" | "condition"): void => {
        const sym = refTarget(r, file, ref.name);
        if (!sym) return;
        const at = recordedAt(r, sym);
        if (at.length === 0) return;
        // An explicit time point the variable lacks is ISU0303's to report.
        if (ref.timepoint && !at.includes(ref.timepoint.text)) return;
        const used = contextTimepoint(r, ref, reads);
        if (used && tpOrder(r, used) <= tpOrder(r, last)) return;
        const fixes: Fix[] = [];
        const earlier = at.filter((t) => tpOrder(r, t) <= tpOrder(r, last));
        let message: string;
        let hint: string;
        if (ref.timepoint) {
          const best = earlier[earlier.length - 1];
          if (best) fixes.push({ title: `Use '${sym.name}' at '${best}'`, preferred: true, edits: [replace(file, ref.timepoint.range, best)] });
          message = `question '${q.name.text}': ${role === "split" ? "split by" : "condition on"} '${sym.name}' at '${ref.timepoint.text}' uses a record taken after the analysis reads ${quoteList(reads)}`;
          hint = best ? `use '${sym.name} at ${best}', known when the analysis measures` : `record '${sym.name}' at ${quoteList(reads, "or")} and use that record`;
        } else {
          const recorder = recordingVariable(r, sym);
          const add = recorder && addTimepointFix(r, recorder, reads[0]!);
          if (add) fixes.push(add);
          message = `question '${q.name.text}': ${role} ${measureWord(sym)} '${sym.name}' is recorded only at ${quoteList(at)}, after the analysis reads ${quoteList(reads)}`;
          hint = recorder
            ? `record '${recorder.name}' at '${reads[0]}' too (add it to its 'at' list), or ${role === "split" ? "split" : "restrict"} by something known by ${quoteList(reads, "or")}`
            : `${role === "split" ? "split" : "restrict"} by something known by ${quoteList(reads, "or")}`;
        }
        hint += importedOrderNote(r, [...at, ...reads]);
        ctx.report({ file, range: ref.name.range, message, hint, fixes });
      };
      for (const s of q.splits) for (const p of s.parts) checkRef(p, "split");
      for (const w of q.where) for (const c of comparisons(w)) checkRef(c.subject, "condition");
    }
  },
};

// ISU0402: a form can only show a field conditionally on an answer it already has.
import { addTimepointFix, asSym, declarationsOf, quoteList, recordingVariable, refTarget } from "../support/check-support.js";
import { replace } from "../support/source-edits.js";
import type { Fix } from "../../syntax/diagnostic.js";
import { measureWord } from "../support/measure-kind.js";
import type { Rule } from "../engine/rule.js";
import { comparisons, contextTimepoint, recordedAt, tpOrder } from "../../semantics/time.js";

export const conditionRecordedLater: Rule = {
  meta: {
    code: "ISU0402",
    name: "condition-recorded-later",
    defaultSeverity: "error",
    description: "A variable's `when` condition reads a variable recorded only later.",
    docs: `\`when\` makes a variable conditional: the registration form asks it only when the condition holds. The condition is evaluated when the variable is first recorded, on the latest record of the condition's variable at or before that time point (a field on the same form counts). If the condition's variable is recorded only later, the form cannot know the answer yet and the field could never be filled in correctly. Record the condition's variable at (or before) the variable's first time point — the quick fix adds it to the \`at\` list — or record the conditional variable later.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const { decl: v, file } of declarationsOf(r, "Variable")) {
      if (!v.condition) continue;
      const first = recordedAt(r, asSym(r, v, file))[0];
      if (!first) continue;
      for (const c of comparisons(v.condition)) {
        const ref = c.subject;
        const sym = refTarget(r, file, ref.name);
        if (!sym) continue;
        const at = recordedAt(r, sym);
        if (at.length === 0) continue;
        // An explicit time point the variable lacks is ISU0303's to report.
        if (ref.timepoint && !at.includes(ref.timepoint.text)) continue;
        const used = contextTimepoint(r, ref, [first]);
        if (used && tpOrder(r, used) <= tpOrder(r, first)) continue;
        const earlier = at.filter((t) => tpOrder(r, t) <= tpOrder(r, first));
        const fixes: Fix[] = [];
        let message: string;
        let hint: string;
        if (ref.timepoint) {
          const best = earlier[earlier.length - 1];
          if (best) fixes.push({ title: `Use '${sym.name}' at '${best}'`, preferred: true, edits: [replace(file, ref.timepoint.range, best)] });
          message = `variable '${v.name.text}': its condition reads '${sym.name}' at '${ref.timepoint.text}', after '${v.name.text}' is first recorded at '${first}'`;
          hint = best ? `read '${sym.name} at ${best}' instead` : `record '${sym.name}' at '${first}' and read that record`;
        } else {
          const recorder = recordingVariable(r, sym);
          const add = recorder && addTimepointFix(r, recorder, first);
          if (add) fixes.push(add);
          message = `variable '${v.name.text}': its condition reads ${measureWord(sym)} '${sym.name}', recorded only at ${quoteList(at)}, after '${v.name.text}' is first recorded at '${first}'`;
          hint = `${recorder ? `record '${recorder.name}' at '${first}' too (add it to its 'at' list)` : `condition on something recorded by '${first}'`}, or record '${v.name.text}' no earlier than '${at[0]}'`;
        }
        ctx.report({ file, range: ref.name.range, message, hint, fixes });
      }
    }
  },
};

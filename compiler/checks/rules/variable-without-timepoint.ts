// ISU0312: a variable must say when it is recorded, unless the plan has only one time point.
import { declarationsOf, quoteList } from "../support/check-support.js";
import { insertAt } from "../support/source-edits.js";
import type { Rule } from "../engine/rule.js";
import { facts } from "../../semantics/facts.js";

export const variableWithoutTimepoint: Rule = {
  meta: {
    code: "ISU0312",
    name: "variable-without-timepoint",
    defaultSeverity: "error",
    description: "A variable has no `at` list and the plan does not have exactly one time point.",
    docs: `Each time point gets its own registration form and table, and a variable is asked on the forms its \`at\` list names. When the plan has a single time point, a variable without \`at\` is recorded there; with several, the compiler cannot guess which form it belongs on, and with none there is no form at all. Add \`at <time point>\` after the type (the quick fixes offer each declared time point), or declare the plan's time point.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const tps = facts(r).timepoints.map((t) => t.name);
    if (tps.length === 1) return;
    // A file of shared declarations checked on its own has neither plan nor time points yet.
    if (tps.length === 0 && r.plans.length === 0) return;
    for (const { decl: v, file } of declarationsOf(r, "Variable")) {
      if (v.timepoints.length > 0) continue;
      if (tps.length === 0) {
        ctx.report({
          file,
          range: v.name.range,
          message: `variable '${v.name.text}' is recorded at no time point: the plan declares none`,
          hint: `declare a time point (timepoint bedomning "Bedömning" { when "…" }) and add 'at bedomning' to '${v.name.text}'`,
        });
        continue;
      }
      ctx.report({
        file,
        range: v.name.range,
        message: `variable '${v.name.text}' does not say when it is recorded; the plan has the time points ${quoteList(tps)}`,
        hint: `add 'at <time point>' after its type, e.g. 'at ${tps[0]}'; list every time point it is recorded at`,
        fixes: tps.map((tp) => ({ title: `Record '${v.name.text}' at '${tp}'`, edits: [insertAt(file, v.type.range.end, ` at ${tp}`)] })),
      });
    }
  },
};

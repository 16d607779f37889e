// ISU0601: a variable no question reads. Collecting it anyway breaks data
// minimisation: personal data may only be gathered for a stated purpose.
import type { Rule } from "../engine/rule.js";
import { meantMeasures } from "../support/meant-names.js";
import { programHasSyntaxProblem } from "../support/syntax-guard.js";
import { removeLines } from "../support/source-edits.js";
import { facts, usedVariables } from "../../semantics/facts.js";

export const unusedVariable: Rule = {
  meta: {
    code: "ISU0601",
    name: "unused-variable",
    defaultSeverity: "warning",
    description: "A variable is collected but no question reads it.",
    docs: `Data minimisation (GDPR art. 5.1 c): a follow-up may collect only what its questions need. A variable is used when a question reads it as the counted, summarised, cross-tabulated, changed or attained variable, as a goal, in a split (\`by\`) or in a \`where\` condition, directly or through a comparison group formed from it. A text variable that describes the \`other\` answer of a used variable (\`when kon = annat\`) is used with it. A variable that states why it is collected (\`reason "…"\`) is exempt: free text and dates can never be read by a question, and the stated reason justifies collecting it (the handbook prints it in the codebook, and for free text in the data-protection section). Add the question the variable is meant to answer, or remove the declaration (the fix does this when nothing else refers to it). While the file has syntax errors this check waits, since a question the parser skipped may be the one that reads the variable.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    if (programHasSyntaxProblem(r)) return;
    const used = usedVariables(r, meantMeasures(r));
    for (const v of facts(r).variables) {
      if (used.has(v.name)) continue;
      // A stated reason justifies the collection; ISU0602 asks for one on free text.
      if (v.decl.reason?.text) continue;
      const referenced = r.refs.some((x) => x.target === v);
      const sf = ctx.source(v.file);
      ctx.report({
        file: v.file,
        range: v.decl.name.range,
        message: `variable '${v.name}' is collected but no question reads it`,
        hint: referenced
          ? `ask a question that reads '${v.name}', or remove it together with what refers to it`
          : `ask a question that reads '${v.name}' (count, by, where …), or remove it: collect only what the questions need (or, if it must be collected anyway, state why with 'reason "…"')`,
        ...(referenced ? {} : { fixes: [{ title: `Remove variable '${v.name}'`, edits: [removeLines(sf, v.decl.range)] }] }),
      });
    }
  },
};

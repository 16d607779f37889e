// ISU0308: mean and median exist only for numbers.
import { declarationsOf, leading, refTarget } from "../support/check-support.js";
import { replace } from "../support/source-edits.js";
import { describeMeasure, isCategorical, measureKind, isNumeric } from "../support/measure-kind.js";
import type { Rule } from "../engine/rule.js";

export const summaryOnNonNumeric: Rule = {
  meta: {
    code: "ISU0308",
    name: "summary-on-non-numeric",
    defaultSeverity: "error",
    description: "A summary (mean, median, min, max) is asked of a variable that is not a number.",
    docs: `\`summary\` computes n, mean, median, minimum and maximum, which only an \`integer\` or \`decimal\` variable has. The codes of a value set are labels, not amounts — even on an ordinal scale the distance between "mild" and "moderate" is not a number — and text and dates have no mean here. Ask for the distribution with \`count\` instead (the quick fix does), or summarise a numeric variable.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const { decl: q, file } of declarationsOf(r, "Question")) {
      for (const a of q.analyses) {
        if (a.kind !== "summary") continue;
        const sym = refTarget(r, file, a.target.name);
        if (!sym) continue;
        const kind = measureKind(sym);
        if (isNumeric(kind)) continue;
        const countable = isCategorical(kind) || kind === "multiple";
        ctx.report({
          file,
          range: a.target.name.range,
          message: `question '${q.name.text}': summary needs a number, but '${sym.name}' is ${describeMeasure(sym)}`,
          hint: countable ? `use 'count ${sym.name}' for its distribution` : `summarise an integer or decimal variable instead`,
          ...(countable ? { fixes: [{ title: `Use 'count ${sym.name}'`, preferred: true, edits: [replace(file, leading(a.range, "summary".length), "count")] }] } : {}),
        });
      }
    }
  },
};

// ISU0314: a question's reference level must be the kind of figure its analysis gives.
import type * as A from "../../syntax/ast.js";
import { declarationsOf } from "../support/check-support.js";
import { insertAt, replace } from "../support/source-edits.js";
import type { Rule } from "../engine/rule.js";

/** What a reference level means for each analysis: a share of individuals, a mean, or nothing one number can stand beside. */
const MEANS: Record<A.Analysis["kind"], "share" | "value" | undefined> = {
  attainment: "share",
  change: "share",
  summary: "value",
  count: undefined,
  crosstab: undefined,
};

const SHARE_OF: Partial<Record<A.Analysis["kind"], string>> = { attainment: "who reach the goal", change: "who improve" };

export const referenceMismatch: Rule = {
  meta: {
    code: "ISU0314",
    name: "reference-mismatch",
    defaultSeverity: "error",
    description: "A question's reference level does not fit its analysis.",
    docs: `\`reference\` states the level a question's result is related to ("önskat läge"): a figure from another municipality, the country or research, with its source. The report shows it beside the result and draws it in the chart, so it must be the same kind of figure the analysis gives. For \`attainment\` it is the share who reach the goal and for \`change\` the share who improve, written as a percentage from 0 to 100 (\`reference 60 % "Riket 2024"\`); for \`summary\` it is a mean in the variable's unit, written without \`%\` (\`reference 12.5 "Riket 2024"\`). A \`count\` or \`crosstab\` gives a share for each category, so one number has nothing to stand beside: say the level in a \`note\` instead. A question states one level; its label and source are translated with \`reference en "…" source "…"\`.`,
  },
  check(ctx) {
    for (const { decl: q, file } of declarationsOf(ctx.resolution, "Question")) {
      const lines = q.referenceLines.filter((l) => l.value);
      const ref = q.reference;
      if (!ref) {
        for (const l of q.referenceLines)
          ctx.report({
            file,
            range: l.range,
            message: `question '${q.name.text}': 'reference ${l.lang?.text ?? ""}' translates a reference level the question does not state`,
            hint: `state the level first, e.g. 'reference 60 % "Riket 2024"'`,
          });
        continue;
      }
      for (const l of lines.slice(1))
        ctx.report({
          file,
          range: l.range,
          message: `question '${q.name.text}' states its reference level more than once`,
          hint: `keep one 'reference' line with a number; translate its texts with 'reference en "…"'`,
        });
      const a = q.analyses[0];
      if (!a) continue;
      const means = MEANS[a.kind];
      const written = ref.value.raw;
      if (!means) {
        ctx.report({
          file,
          range: ref.range,
          message: `question '${q.name.text}': a '${a.kind}' has no single figure to relate a reference level to`,
          hint: `a reference level fits attainment and change (a share) or summary (a mean); say the level in a 'note' instead`,
        });
      } else if (means === "share" && !ref.percent) {
        ctx.report({
          file,
          range: ref.value.range,
          message: `question '${q.name.text}': the reference level of '${a.kind}' is the share ${SHARE_OF[a.kind]!}, a percentage, but '${written}' has no '%'`,
          hint: `write '${written} %'`,
          fixes: [{ title: `Write '${written} %'`, preferred: true, edits: [insertAt(file, ref.value.range.end, " %")] }],
        });
      } else if (means === "value" && ref.percent) {
        ctx.report({
          file,
          range: ref.percent,
          message: `question '${q.name.text}': the reference level of 'summary' is a mean in the variable's unit, not a percentage`,
          hint: `write the mean without '%'`,
          fixes: [{ title: `Remove '%'`, preferred: true, edits: [replace(file, { start: ref.value.range.end, end: ref.percent.end }, "")] }],
        });
      } else if (means === "share" && (ref.value.value < 0 || ref.value.value > 100)) {
        ctx.report({
          file,
          range: ref.value.range,
          message: `question '${q.name.text}': a reference share is from 0 to 100 %, not ${written} %`,
          hint: `write the share as a percentage of the individuals, from 0 to 100`,
        });
      }
    }
  },
};

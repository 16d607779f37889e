// ISU0313: a split that tells nothing new — the same part twice in a combined
// split, the same split listed twice, or a split by the variable being counted.
import type * as A from "../../syntax/ast.js";
import { declarationsOf } from "../support/check-support.js";
import type { Rule } from "../engine/rule.js";

/** The names a count or crosstab already tabulates: splitting by them repeats the table. */
function tabulated(a: A.Analysis | undefined): string[] {
  if (!a) return [];
  if (a.kind === "count") return [a.target.name.text];
  if (a.kind === "crosstab") return [a.target.name.text, a.other.name.text];
  return [];
}

const key = (p: A.VarRef) => `${p.name.text}@${p.timepoint?.text ?? ""}`;

export const redundantSplit: Rule = {
  meta: {
    code: "ISU0313",
    name: "redundant-split",
    defaultSeverity: "warning",
    description: "A split repeats a part, repeats another split, or splits by the variable it counts.",
    docs: `Each split becomes a query and a table, and every extra dimension makes the cells smaller, so more of them fall below \`min_cell\` and are hidden. \`by kon * kon\` is the same as \`by kon\`; \`by kon, kon\` computes one table twice; and \`count insats by insats\` only puts the counts on the diagonal of a table. Remove the repeated part or split.`,
  },
  check(ctx) {
    for (const { decl: q, file } of declarationsOf(ctx.resolution, "Question")) {
      const counted = new Set(tabulated(q.analyses[0]));
      const seenSplits = new Set<string>();
      for (const s of q.splits) {
        const parts = new Set<string>();
        for (const p of s.parts) {
          if (parts.has(key(p))) {
            ctx.report({
              file,
              range: p.range,
              message: `question '${q.name.text}': '${p.name.text}' appears twice in one combined split`,
              hint: `write it once: a combined split by the same part twice is the split by it alone`,
            });
          } else if (counted.has(p.name.text) && !p.timepoint) {
            ctx.report({
              file,
              range: p.range,
              message: `question '${q.name.text}' splits by '${p.name.text}', which it already counts`,
              hint: `remove '${p.name.text}' from 'by', or split by another variable or group`,
            });
          }
          parts.add(key(p));
        }
        const splitKey = [...parts].sort().join("*");
        if (seenSplits.has(splitKey)) ctx.report({ file, range: s.range, message: `question '${q.name.text}' lists the same split twice`, hint: `remove the repeated split` });
        seenSplits.add(splitKey);
      }
    }
  },
};

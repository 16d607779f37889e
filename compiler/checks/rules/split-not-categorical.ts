// ISU0310: a comparison group must divide individuals into a few known categories.
import { declarationsOf, quoteList, refTarget } from "../support/check-support.js";
import { replace } from "../support/source-edits.js";
import { describeMeasure, groupsFrom, isCategorical, measureKind, isNumeric } from "../support/measure-kind.js";
import type { Rule } from "../engine/rule.js";

export const splitNotCategorical: Rule = {
  meta: {
    code: "ISU0310",
    name: "split-not-categorical",
    defaultSeverity: "error",
    description: "A question is split by free text, an ungrouped number, a date or a multiple-choice variable.",
    docs: `A split (\`by\`) compares the answer across comparison groups, so each individual must fall into exactly one of a few known categories: a variable on a value set, a yes/no variable, or a \`group\`. An ungrouped number gives a column per distinct value, free text and dates have no categories, and a multiple-choice variable puts one individual in several columns. Split by a group formed from the number (grouping a numeric source is exactly what groups are for), or by a single-choice variable.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const { decl: q, file } of declarationsOf(r, "Question")) {
      for (const s of q.splits) {
        for (const p of s.parts) {
          const sym = refTarget(r, file, p.name);
          if (!sym) continue;
          const kind = measureKind(sym);
          if (isCategorical(kind)) continue;
          const groups = isNumeric(kind) ? groupsFrom(r, sym.name) : [];
          let hint: string;
          if (groups.length)
            hint = `split by its group ${quoteList(
              groups.map((g) => g.name),
              "or",
            )}`;
          else if (isNumeric(kind)) hint = `declare a group from '${sym.name}' with bands (e.g. '"65–79 år" = 65..79') and split by it`;
          else if (kind === "multiple") hint = `split by a single-choice variable, or ask 'crosstab ${sym.name} by …' to compare its choices`;
          else hint = `split by a variable on a value set or by a group`;
          ctx.report({
            file,
            range: p.name.range,
            message: `question '${q.name.text}': cannot split by '${sym.name}', which is ${describeMeasure(sym)}`,
            hint,
            fixes: groups.map((g) => ({ title: `Split by group '${g.name}'`, preferred: groups.length === 1, edits: [replace(file, p.name.range, g.name)] })),
          });
        }
      }
    }
  },
};

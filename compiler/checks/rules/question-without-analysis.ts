// ISU0301: a question that states no analysis cannot be answered by any table.
import { declarationsOf } from "../support/check-support.js";
import type { Rule } from "../engine/rule.js";

export const questionWithoutAnalysis: Rule = {
  meta: {
    code: "ISU0301",
    name: "question-without-analysis",
    defaultSeverity: "error",
    description: "A question states no analysis (count, summary, crosstab, change or attainment).",
    docs: `Every question must say how it is answered: \`count\` (a distribution), \`summary\` (n, mean, median, min, max of a number), \`crosstab a by b\`, \`change v from t1 to t2\` or \`attainment v against goal\`. A question without one produces no query and no table in the handbook, so nobody can tell whether the plan can answer it. Add the analysis that answers the question, or remove the question.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const { decl: q, file } of declarationsOf(r, "Question")) {
      if (q.analyses.length > 0) continue;
      // An analysis the parser could not read is already a syntax error.
      const broken = ctx.source(file).syntax.some((s) => s.range.start.offset >= q.range.start.offset && s.range.start.offset <= q.range.end.offset);
      if (broken) continue;
      ctx.report({
        file,
        range: q.name.range,
        message: `question '${q.name.text}' has no analysis`,
        hint: "add one line that answers it: count <variable>, summary <number>, crosstab <a> by <b>, change <variable> from <time point> to <time point> or attainment <variable> against <goal>",
      });
    }
  },
};

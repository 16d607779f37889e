// ISU0304: an analysis reads a variable recorded at several time points without saying which.
import type * as A from "../../syntax/ast.js";
import { declarationsOf, quoteList, refTarget } from "../support/check-support.js";
import { insertAt } from "../support/source-edits.js";
import { measureWord } from "../support/measure-kind.js";
import type { Rule } from "../engine/rule.js";
import { recordedAt } from "../../semantics/time.js";

export const ambiguousTimepoint: Rule = {
  meta: {
    code: "ISU0304",
    name: "ambiguous-timepoint",
    defaultSeverity: "error",
    description: "An analysis reads a variable recorded at several time points without saying at which.",
    docs: `A variable recorded at several time points holds one value per time point, and an analysis must say which one it reads: \`count forflyttning at bedomning\`. (A \`change\` names its two time points itself, and a split or \`where\` uses the latest record at or before what the analysis reads, so only the analysed variables need an \`at\`.) Add \`at <time point>\` after the name; the quick fixes offer each time point it is recorded at.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const { decl: q, file } of declarationsOf(r, "Question")) {
      const checkRef = (ref: A.VarRef, latestFirst = false): void => {
        if (ref.timepoint) return;
        const sym = refTarget(r, file, ref.name);
        if (!sym) return;
        const at = recordedAt(r, sym);
        if (at.length < 2) return;
        const order = latestFirst ? [...at].reverse() : at;
        ctx.report({
          file,
          range: ref.name.range,
          message: `question '${q.name.text}': ${measureWord(sym)} '${sym.name}' is recorded at ${quoteList(at)}; the analysis does not say at which`,
          hint: `write '${sym.name} at ${order[0]}'${order.length > 1 ? ` (or at ${quoteList(order.slice(1), "or")})` : ""}`,
          fixes: order.map((tp) => ({ title: `Read '${sym.name}' at '${tp}'`, edits: [insertAt(file, ref.name.range.end, ` at ${tp}`)] })),
        });
      };
      for (const a of q.analyses) {
        switch (a.kind) {
          case "count":
          case "summary":
            checkRef(a.target);
            break;
          case "crosstab":
            checkRef(a.target);
            checkRef(a.other);
            break;
          case "attainment":
            // A goal is set before it is measured: the measurement's likeliest time point is its latest.
            checkRef(a.target, true);
            checkRef(a.goal);
            break;
          case "change":
            break;
        }
      }
    }
  },
};

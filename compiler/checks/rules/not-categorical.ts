// ISU0309: a distribution or cross-table needs categories; numbers need a group first.
import type * as A from "../../syntax/ast.js";
import { declarationsOf, leading, quoteList, refTarget } from "../support/check-support.js";
import { replace } from "../support/source-edits.js";
import type { Fix } from "../../syntax/diagnostic.js";
import { describeMeasure, groupsFrom, measureKind, isNumeric } from "../support/measure-kind.js";
import type { Rule } from "../engine/rule.js";

export const notCategorical: Rule = {
  meta: {
    code: "ISU0309",
    name: "not-categorical",
    defaultSeverity: "error",
    description: "A count or crosstab is asked of an ungrouped number, free text or a date.",
    docs: `\`count\` and \`crosstab\` give one row or column per category, so they need a variable on a value set, a yes/no variable or a group. An ungrouped number would give a row per distinct value (and small, identifying cells); free text and dates have no categories at all. Count a \`group\` formed from the number (\`group aldersgrupp "Åldersgrupp" from alder { … }\`), or use \`summary\` for the number itself; for text, collect the information on a value set instead.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const { decl: q, file } of declarationsOf(r, "Question")) {
      const checkRef = (a: A.Analysis, ref: A.VarRef): void => {
        const sym = refTarget(r, file, ref.name);
        if (!sym) return;
        const kind = measureKind(sym);
        if (!isNumeric(kind) && kind !== "text" && kind !== "date") return;
        const groups = isNumeric(kind) ? groupsFrom(r, sym.name) : [];
        const fixes: Fix[] = groups.map((g) => ({ title: `Use group '${g.name}'`, preferred: groups.length === 1, edits: [replace(file, ref.name.range, g.name)] }));
        if (isNumeric(kind) && a.kind === "count") fixes.push({ title: `Use 'summary ${sym.name}'`, edits: [replace(file, leading(a.range, "count".length), "summary")] });
        let hint: string;
        if (groups.length)
          hint = `use its group ${quoteList(
            groups.map((g) => g.name),
            "or",
          )} instead`;
        else if (isNumeric(kind)) hint = `declare a group from '${sym.name}' with bands (e.g. '"65–79 år" = 65..79') and use it${a.kind === "count" ? `, or use 'summary ${sym.name}'` : ""}`;
        else hint = `collect it on a value set to count it`;
        ctx.report({ file, range: ref.name.range, message: `question '${q.name.text}': ${a.kind} needs categories, but '${sym.name}' is ${describeMeasure(sym)}`, hint, fixes });
      };
      for (const a of q.analyses) {
        if (a.kind === "count") checkRef(a, a.target);
        else if (a.kind === "crosstab") {
          checkRef(a, a.target);
          checkRef(a, a.other);
        }
      }
    }
  },
};

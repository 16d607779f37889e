// ISU0306: improvement and goal attainment need an ordered scale.
import type * as A from "../../syntax/ast.js";
import { scaleAnalyses } from "../support/check-support.js";
import { describeMeasure } from "../support/measure-kind.js";
import type { Rule } from "../engine/rule.js";

export const changeOnNominal: Rule = {
  meta: {
    code: "ISU0306",
    name: "change-on-nominal",
    defaultSeverity: "error",
    description: "A change or attainment is asked of a variable that is not on an ordinal value set.",
    docs: `A \`change\` counts who improved, stayed the same or worsened, and an \`attainment\` whether the measured value reached the intended one. Both need values in a meaningful order, which only an \`ordinal\` value set gives (\`valueset svarighet "…" ordinal better lower\`). A nominal set (kön, boendeform), multiple choice, free text, a date or a number has no such order here. If the values are ordered, declare the value set \`ordinal\` with its direction; otherwise ask with \`count\` at each time point or a \`crosstab\` of the two. A number cannot be counted (ISU0309): ask with \`summary\` at each time point, or form a group of bands from it and count the group at each time point.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const { q, file, a, name, sym } of scaleAnalyses(r)) {
      const t = sym.decl.type;
      let why: string;
      if (t.kind === "valueset" && !t.multiple) {
        const vs = r.valuesets.get(t.valueset.text);
        if (!vs || vs.decl.scale?.value === "ordinal") continue;
        why = `on the nominal value set '${vs.name}'`;
      } else why = `${describeMeasure(sym)}, not on an ordinal value set`;
      const ordinalHint = t.kind === "valueset" && !t.multiple ? `if the values of '${t.valueset.text}' are ordered, declare it 'ordinal better higher' or 'ordinal better lower'; otherwise ` : "";
      ctx.report({
        file,
        range: name.range,
        message: `question '${q.name.text}': ${a.kind} needs an ordered scale, but '${sym.name}' is ${why}`,
        hint: `${ordinalHint}${alternative(sym.name, t)}`,
      });
    }
  },
};

/** What to ask instead, by type: only categorical answers can be counted (ISU0309). */
function alternative(name: string, t: A.TypeRef): string {
  switch (t.kind) {
    case "integer":
    case "decimal":
      return `ask with 'summary ${name} at <time point>' at each time point, or form a group of '${name}' (bands) and count it at each time point`;
    case "text":
    case "date":
      return `a ${t.kind === "text" ? "free-text" : "date"} variable cannot be compared over time; ask about a categorical or numeric variable instead`;
    default:
      return `ask with 'count ${name} at <time point>' or a crosstab instead`;
  }
}

// ISU0307: "improved" means nothing until the scale says which end is better.
import { scaleAnalyses } from "../support/check-support.js";
import { insertAt } from "../support/source-edits.js";
import type { Rule } from "../engine/rule.js";

export const ordinalWithoutDirection: Rule = {
  meta: {
    code: "ISU0307",
    name: "ordinal-without-direction",
    defaultSeverity: "error",
    description: "A change or attainment uses an ordinal value set that does not say which end is better.",
    docs: `A \`change\` sorts individuals into improved, unchanged and worsened, and an \`attainment\` asks whether the measured value is at least as good as the goal. On an ordinal scale that depends on the direction: on ICF's severity scale 0 (no difficulty) is best, so lower is better; on a satisfaction scale higher is better. Say it on the value set: \`ordinal better lower\` or \`ordinal better higher\`. The quick fixes insert either; choose the one that fits the scale.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const { q, file, a, name, sym } of scaleAnalyses(r)) {
      const t = sym.decl.type;
      if (t.kind !== "valueset" || t.multiple) continue;
      const vs = r.valuesets.get(t.valueset.text);
      const scale = vs?.decl.scale;
      if (!vs || scale?.value !== "ordinal" || vs.decl.direction) continue;
      ctx.report({
        file,
        range: name.range,
        message: `question '${q.name.text}': ${a.kind} of '${sym.name}' needs to know which end of value set '${vs.name}' is better`,
        hint: `write 'ordinal better higher' or 'ordinal better lower' in the declaration of value set '${vs.name}'`,
        fixes: (["higher", "lower"] as const).map((dir) => ({ title: `Declare '${vs.name}' ordinal better ${dir}`, edits: [insertAt(vs.file, scale.range.end, ` better ${dir}`)] })),
      });
    }
  },
};

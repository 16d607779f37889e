// ISU0706: a KVÅ code ending in 000, a heading code that KVÅ does not use
// for statistics.
import { classificationBindings, systemOf } from "../support/classification-bindings.js";
import type { Rule } from "../engine/rule.js";

export const kvaSummaryCode: Rule = {
  meta: {
    code: "ISU0706",
    name: "kva-summary-code",
    defaultSeverity: "warning",
    description: "A KVÅ code ending in 000 (a summary code) is used.",
    docs: `KVÅ (Klassifikation av vårdåtgärder) codes that end in 000 head a group of interventions and are not used for registration or statistics; the most detailed code that fits is. Bind the variable or value to the specific intervention's code instead.`,
  },
  check(ctx) {
    for (const b of classificationBindings(ctx.resolution)) {
      const c = b.classification;
      if (systemOf(c) !== "kva" || !/000$/.test(c.code.value.trim())) continue;
      ctx.report({
        file: b.file,
        range: c.code.range,
        message: `KVÅ code '${c.code.value}' on ${b.owner} is a summary code`,
        hint: `KVÅ codes ending in 000 are not used for statistics; use the most detailed code that fits`,
      });
    }
  },
};

// ISU0704: a KSI binding without the KSI version; KSI's codes changed between
// versions, so a code alone does not say what was meant.
import { classificationBindings, systemOf } from "../support/classification-bindings.js";
import type { Rule } from "../engine/rule.js";

export const classificationWithoutVersion: Rule = {
  meta: {
    code: "ISU0704",
    name: "classification-without-version",
    defaultSeverity: "warning",
    description: "A KSI classification code is given without the KSI version.",
    docs: `KSI (Klassifikation av socialtjänstens insatser) comes in versions (2017, 2022) whose codes on the target, action and means axes differ, so a binding must name the version it follows: \`code ksi 2022 "…"\`. Without it, figures cannot be compared with other plans or with national statistics that use the same code. ICF and KVÅ bindings need no version here.`,
  },
  check(ctx) {
    for (const b of classificationBindings(ctx.resolution)) {
      const c = b.classification;
      if (systemOf(c) !== "ksi" || c.version) continue;
      ctx.report({
        file: b.file,
        range: c.range,
        message: `KSI code '${c.code.value}' on ${b.owner} has no version`,
        hint: `name the KSI version the code follows: \`code ksi 2022 "${c.code.value}"\``,
      });
    }
  },
};

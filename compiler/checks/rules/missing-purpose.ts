// ISU0707: a plan without a purpose. Every question and every variable is
// justified by the purpose; without one, nothing can be judged necessary.
import type { Rule } from "../engine/rule.js";
import { hasSyntaxProblem } from "../support/syntax-guard.js";

export const missingPurpose: Rule = {
  meta: {
    code: "ISU0707",
    name: "missing-purpose",
    defaultSeverity: "warning",
    description: "The plan states no purpose.",
    docs: `An individual-based systematic follow-up starts from a purpose (syfte): what the service wants to know and why. The purpose decides which questions are asked and therefore which personal data may be collected at all, and the handbook opens with it. Write it in the plan block: \`purpose """…"""\`.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const plan = r.plan;
    if (!plan) return;
    const purpose = plan.decl.settings.find((s) => s.key === "purpose" && !s.lang);
    if (purpose && purpose.key === "purpose" && purpose.text.value.trim() !== "") return;
    if (!purpose && hasSyntaxProblem(r, plan.file, plan.decl.range)) return;
    ctx.report({
      file: plan.file,
      range: purpose ? purpose.range : plan.decl.name.range,
      message: purpose ? `plan '${plan.name}' has an empty purpose` : `plan '${plan.name}' states no purpose`,
      hint: `add \`purpose """…"""\` to the plan block: what the service wants to know, and why`,
    });
  },
};

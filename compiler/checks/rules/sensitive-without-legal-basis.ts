// ISU0603: sensitive personal data collected while the plan names no legal
// basis for processing it.
import type { Rule } from "../engine/rule.js";
import { facts } from "../../semantics/facts.js";

export const sensitiveWithoutLegalBasis: Rule = {
  meta: {
    code: "ISU0603",
    name: "sensitive-without-legal-basis",
    defaultSeverity: "warning",
    description: "A variable holds sensitive personal data but the plan states no `legal_basis`.",
    docs: `Sensitive personal data (GDPR art. 9: health, ethnic origin, religion, political opinions, trade-union membership, genetic and biometric data, sex life and sexual orientation; art. 10: criminal offences) may be processed only with a legal basis, and the handbook tells staff which one. When a variable is marked \`sensitive …\`, state the basis in the plan block, e.g. \`legal_basis "SoL 26 kap., SoLPuL, GDPR art. 9.2 h"\`, or reconsider whether the variable is needed.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const plan = r.plan;
    if (!plan || plan.decl.legalBases.length > 0) return;
    for (const v of facts(r).variables) {
      const cats = v.decl.sensitive;
      if (cats.length === 0) continue;
      ctx.report({
        file: v.file,
        range: cats[0]!.range,
        message: `variable '${v.name}' holds sensitive data (${cats.map((c) => c.text).join(", ")}) but plan '${plan.name}' states no legal basis`,
        hint: `add \`legal_basis "…"\` to the plan block, naming the law that allows processing it`,
      });
    }
  },
};

// ISU0602: a free-text variable without a stated reason. Free text easily
// collects names, diagnoses and other personal data nobody asked for.
import type { Rule } from "../engine/rule.js";
import { hasSyntaxProblem } from "../support/syntax-guard.js";
import { facts } from "../../semantics/facts.js";

export const freeTextWithoutReason: Rule = {
  meta: {
    code: "ISU0602",
    name: "free-text-without-reason",
    defaultSeverity: "warning",
    description: "A free-text variable has no `reason` saying why free text is needed.",
    docs: `Free text cannot be counted or compared, and staff tend to write names, diagnoses and other personal (often sensitive) details into it. Data minimisation asks that it be collected only when a coded answer cannot do the job, and the plan should say why: \`reason "…"\` inside the variable's braces. The description of an \`other\` answer (a text variable asked \`when kon = annat\`) needs no reason; its purpose is plain. Prefer a value set with an \`other\` value where the answers can be foreseen.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const descriptions = new Set([...facts(r).otherDescriptions.values()]);
    for (const v of facts(r).variables) {
      const d = v.decl;
      if (d.type.kind !== "text" || d.reason?.text || descriptions.has(v)) continue;
      if (hasSyntaxProblem(r, v.file, d.range)) continue;
      ctx.report({
        file: v.file,
        range: d.name.range,
        message: `free-text variable '${v.name}' has no stated reason`,
        hint: `add \`reason "…"\` saying why a coded answer will not do, or give '${v.name}' a value set`,
      });
    }
  },
};

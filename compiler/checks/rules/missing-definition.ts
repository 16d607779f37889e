// ISU0702: a variable that staff are likely to interpret differently (an
// assessment on an ordinal scale, or a classified concept) has no definition.
import type { Rule } from "../engine/rule.js";
import { hasSyntaxProblem } from "../support/syntax-guard.js";
import { facts } from "../../semantics/facts.js";

export const missingDefinition: Rule = {
  meta: {
    code: "ISU0702",
    name: "missing-definition",
    defaultSeverity: "warning",
    description: "A variable on an ordinal scale or with a classification code has no definition.",
    docs: `Assessments on an ordinal scale ("Förflyttning: 0–4") and concepts bound to a classification (ICF, KSI, KVÅ) are where staff most often interpret a variable differently, and then the figures compare different things. The handbook and the form show the variable's definition as help text; write one that says exactly what is assessed: \`definition "Förmåga att ändra kroppsställning, gå och förflytta sig."\` inside the variable's braces.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const v of facts(r).variables) {
      const d = v.decl;
      if (d.definition) continue;
      const vs = d.type.kind === "valueset" ? r.valuesets.get(d.type.valueset.text) : undefined;
      const ordinal = vs?.decl.scale?.value === "ordinal";
      const classified = d.classifications.length > 0;
      if (!ordinal && !classified) continue;
      if (hasSyntaxProblem(r, v.file, d.range)) continue;
      const why = ordinal ? `is assessed on the ordinal scale '${vs!.name}'` : `is bound to ${d.classifications.map((c) => `${c.system.text.toUpperCase()} '${c.code.value}'`).join(", ")}`;
      ctx.report({
        file: v.file,
        range: d.name.range,
        message: `variable '${v.name}' ${why} but has no definition`,
        hint: `add \`definition "…"\` saying exactly what is assessed, so staff register it the same way`,
      });
    }
  },
};

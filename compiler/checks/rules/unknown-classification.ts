// ISU0705: a classification system the compiler does not know.
import { KNOWN_SYSTEMS } from "../../vocabulary/classifications.js";
import { classificationBindings, systemOf } from "../support/classification-bindings.js";
import type { Rule } from "../engine/rule.js";
import { closest } from "../support/suggest.js";

export const unknownClassification: Rule = {
  meta: {
    code: "ISU0705",
    name: "unknown-classification",
    defaultSeverity: "error",
    description: "A classification code names a system other than icf, ksi or kva.",
    docs: `Classification bindings tie a variable or a value to a national classification so figures can be compared across plans: \`icf\` (ICF, functioning, disability and health), \`ksi\` (KSI, social services' interventions) and \`kva\` (KVÅ, health-care interventions). The handbook's codebook names the system, so an unknown one cannot be explained. Use one of the three (the hint suggests the closest, e.g. \`kvå\` → \`kva\`), or describe the concept with a \`definition\` instead.`,
  },
  check(ctx) {
    for (const b of classificationBindings(ctx.resolution)) {
      const sys = b.classification.system;
      if (KNOWN_SYSTEMS.includes(systemOf(b.classification))) continue;
      const guess = closest(sys.text, KNOWN_SYSTEMS);
      ctx.report({
        file: b.file,
        range: sys.range,
        message: `unknown classification system '${sys.text}' on ${b.owner}`,
        hint: guess ? `did you mean '${guess}'? (known: ${KNOWN_SYSTEMS.join(", ")})` : `use one of ${KNOWN_SYSTEMS.join(", ")}`,
        ...(guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ file: b.file, range: sys.range, newText: guess }] }] } : {}),
      });
    }
  },
};

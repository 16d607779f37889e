// ISU0604: a `sensitive` category the compiler does not know, so the
// handbook's data-protection section could not name it.
import type { Rule } from "../engine/rule.js";
import { closest } from "../support/suggest.js";
import { isSensitiveCategory, SENSITIVE_CATEGORIES } from "../../vocabulary/sensitive.js";
import { facts } from "../../semantics/facts.js";

export const unknownSensitiveCategory: Rule = {
  meta: {
    code: "ISU0604",
    name: "unknown-sensitive-category",
    defaultSeverity: "error",
    description: "A `sensitive` marking names an unknown category.",
    docs: `\`sensitive\` marks a variable as a special category of personal data, which the handbook lists in its data-protection section and the legal-basis check (ISU0603) asks about. The categories are those of GDPR art. 9 and 10: \`health\`, \`ethnicity\`, \`religion\`, \`political\`, \`union\`, \`genetic\`, \`biometric\`, \`sexual_life\`, \`sexual_orientation\` and \`criminal\`. Use one of them (the hint suggests the closest); personal data that is not in a special category needs no marking.`,
  },
  check(ctx) {
    for (const v of facts(ctx.resolution).variables) {
      for (const cat of v.decl.sensitive) {
        if (isSensitiveCategory(cat.text)) continue;
        const guess = closest(cat.text, SENSITIVE_CATEGORIES);
        ctx.report({
          file: v.file,
          range: cat.range,
          message: `unknown sensitive-data category '${cat.text}' on variable '${v.name}'`,
          hint: guess ? `did you mean '${guess}'? (known: ${SENSITIVE_CATEGORIES.join(", ")})` : `use one of ${SENSITIVE_CATEGORIES.join(", ")}`,
          ...(guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ file: v.file, range: cat.range, newText: guess }] }] } : {}),
        });
      }
    }
  },
};

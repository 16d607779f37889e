// ISU0708: a classification code that cannot be a code of its system — most
// often a typo or a code from another system — so the figures it labels
// could not be matched with national statistics.
import { classificationBindings, systemOf } from "../support/classification-bindings.js";
import type { Rule } from "../engine/rule.js";
import { quoteList } from "../support/check-support.js";

/** Code shapes: ICF component letter and 1–5 digits; KVÅ two letters and three digits (DU007) or, for surgical codes, three letters and two digits (NFB49). */
const FORMATS: Record<string, { pattern: RegExp; shape: string }> = {
  icf: { pattern: /^[bdes][0-9]{1,5}$/, shape: "a component letter b, d, e or s followed by 1–5 digits, such as 'd4', 'd450' or 'b1'" },
  kva: { pattern: /^(?:[A-Z]{2}[0-9]{3}|[A-Z]{3}[0-9]{2})$/, shape: "two capital letters and three digits, such as 'DU007' (surgical codes: three letters and two digits, such as 'NFB49')" },
};

/** The KSI versions the compiler knows. */
export const KSI_VERSIONS = ["2017", "2022"];

export const classificationCodeFormat: Rule = {
  meta: {
    code: "ISU0708",
    name: "classification-code-format",
    defaultSeverity: "warning",
    description: "A classification code does not look like a code of its system, or names an unknown KSI version.",
    docs: `A classification binding is only useful if the code exists in the system it names: the handbook prints it and others compare figures by it. ICF codes are a component letter (\`b\` body functions, \`d\` activities and participation, \`e\` environmental factors, \`s\` body structures) and 1–5 digits: \`d4\`, \`d450\`, \`d4500\`, \`e310\`. KVÅ codes are two capital letters and three digits (\`DU007\`); surgical codes three letters and two digits. KSI comes in the versions ${KSI_VERSIONS.join(" and ")}. A code of another shape is usually a typo, a lower/upper-case slip or a code from another system: correct it, or bind the code under the system it belongs to.`,
  },
  check(ctx) {
    for (const b of classificationBindings(ctx.resolution)) {
      const c = b.classification;
      const system = systemOf(c);
      if (system === "ksi") {
        if (!c.version || KSI_VERSIONS.includes(c.version.value)) continue;
        ctx.report({
          file: b.file,
          range: c.version.range,
          message: `KSI version '${c.version.value}' on ${b.owner} is not a known KSI version (known: ${quoteList(KSI_VERSIONS)})`,
          hint: `name the KSI version the code follows: ${quoteList(KSI_VERSIONS, "or")}`,
        });
        continue;
      }
      const format = FORMATS[system];
      // An unknown system is ISU0705's to report.
      if (!format || format.pattern.test(c.code.value)) continue;
      ctx.report({
        file: b.file,
        range: c.code.range,
        message: `${system === "icf" ? "ICF" : "KVÅ"} code '${c.code.value}' on ${b.owner} does not look like a${system === "icf" ? "n ICF" : " KVÅ"} code`,
        hint: `${system === "icf" ? "ICF" : "KVÅ"} codes are ${format.shape}`,
      });
    }
  },
};

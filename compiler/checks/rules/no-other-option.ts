// ISU0701: a nominal value set where every answer must fit a listed
// category; the seeds advise an "annat" (other – describe) option.
import type { Fix } from "../../syntax/diagnostic.js";
import type { Rule } from "../engine/rule.js";
import { hasSyntaxProblem } from "../support/syntax-guard.js";
import { DEFAULT_LANGUAGE, inLanguage } from "../../vocabulary/languages.js";
import { insertAt, insertBeforeClosingBrace } from "../support/source-edits.js";
import { facts } from "../../semantics/facts.js";
import { saysOther } from "../../vocabulary/other-answer.js";

/** The `other` value the fix adds, in the plan's language (`other` itself is a keyword, so not a code). */
function otherValue(language: string): { code: string; label: string } {
  return inLanguage({ sv: { code: "annat", label: "Annat" }, en: { code: "other_option", label: "Other" } }, language, "sv");
}

export const noOtherOption: Rule = {
  meta: {
    code: "ISU0701",
    name: "no-other-option",
    defaultSeverity: "warning",
    description: "A nominal value set has neither an `other` nor a `missing` value.",
    docs: `When the listed categories do not fit an individual, staff must either force the answer into a wrong category or leave it empty, and both make the figures unreliable. Socialstyrelsen's ISU guidance advises an "annat" (other – describe) option where categories are uncertain: mark it \`other\` and the form asks for a description. A value marked \`missing\` ("vet ej", "vill ej svara") also gives the answer a place. Ordinal scales are exempt: their values are steps of one scale. The fix adds \`annat "Annat" other\` (\`other_option "Other" other\` in a plan whose language is \`en\`), or marks an existing value labelled "Annat"/"Other" as \`other\`.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const lang = r.plan?.decl.settings.find((s) => s.key === "language")?.lang.text ?? DEFAULT_LANGUAGE;
    for (const vs of facts(r).valuesets) {
      const d = vs.decl;
      if (d.scale?.value === "ordinal" || d.values.length === 0) continue;
      if (d.values.some((v) => v.other || v.missing)) continue;
      if (hasSyntaxProblem(r, vs.file, d.range)) continue;
      const sf = ctx.source(vs.file);
      const fixes: Fix[] = [];
      let suggestion = "";
      const labelled = d.values.find((v) => saysOther(v.label.text.value));
      if (labelled) {
        fixes.push({ title: `Mark '${labelled.code.value}' as other`, preferred: true, edits: [insertAt(sf.path, labelled.label.text.range.end, " other")] });
      } else {
        const { code: base, label } = otherValue(lang);
        let code = base;
        for (let i = 2; d.values.some((v) => v.code.value === code); i++) code = `${base}_${i}`;
        suggestion = `${code} "${label}" other`;
        const edit = insertBeforeClosingBrace(sf, d.range, suggestion, d.values[d.values.length - 1]!.range);
        if (edit) fixes.push({ title: `Add '${suggestion}'`, preferred: true, edits: [edit] });
      }
      ctx.report({
        file: vs.file,
        range: d.name.range,
        message: `value set '${vs.name}' has no 'other' value for answers that fit no category`,
        hint: labelled
          ? `mark '${labelled.code.value}' as \`other\` so the form asks for a description`
          : `add \`${suggestion}\` to value set '${vs.name}', or a \`missing\` value such as \`vet_ej "Vet ej" missing\``,
        fixes,
      });
    }
  },
};

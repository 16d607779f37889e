// ISU0901: a `rule X severity` setting the compiler ignores: an unknown rule,
// an unknown severity, or a change to a rule that cannot be changed. Mirrors
// severityOverrides in compile.ts, which skips exactly these settings.
// This rule reads the catalogue it belongs to, so the two import each other;
// that is safe as long as the catalogue (checks/index.js or compile.js) is
// loaded first, as every entry point does, and the catalogue is read only in check().
import { findRule, SEVERITIES } from "../compile.js";
import { allRules } from "./index.js";
import type { Rule } from "../rule.js";
import { closest } from "../suggest.js";
import { removeLines } from "../source-edits.js";

export const invalidRuleSetting: Rule = {
  meta: {
    code: "ISU0901",
    name: "invalid-rule-setting",
    defaultSeverity: "error",
    description: "A `rule` setting names an unknown rule or severity, or changes a rule that cannot be changed.",
    configurable: false,
    docs: `\`rule <code or name> <severity>\` in the plan block raises, lowers or turns off one check: \`rule ISU0601 off\`, \`rule missing-translation error\`. The severity is one of \`error\`, \`warning\`, \`info\` and \`off\`. Rules marked *fixed* in the table above (syntax errors, broken imports, undefined names and the plan-setting checks) cannot be changed, because the plan cannot be read or built without them. A setting the compiler cannot apply would otherwise be silently ignored, so it is an error; correct the code, the name or the severity (the hint suggests the closest), or remove the setting.`,
  },
  check(ctx) {
    const plan = ctx.resolution.plan;
    if (!plan) return;
    for (const s of plan.decl.settings) {
      if (s.key !== "rule") continue;
      const rule = findRule(s.rule.text);
      if (!rule) {
        const guess = closest(s.rule.text, [...allRules.map((x) => x.meta.name), ...allRules.map((x) => x.meta.code)]);
        ctx.report({
          file: plan.file,
          range: s.rule.range,
          message: `unknown rule '${s.rule.text}'`,
          hint: guess ? `did you mean '${guess}'? (docs/diagnostics.md lists every rule)` : `name a rule by its code (ISU0601) or its name (unused-variable); docs/diagnostics.md lists them`,
          ...(guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ file: plan.file, range: s.rule.range, newText: guess }] }] } : {}),
        });
        continue;
      }
      if (!SEVERITIES.includes(s.severity.text as (typeof SEVERITIES)[number])) {
        const guess = closest(s.severity.text, SEVERITIES);
        ctx.report({
          file: plan.file,
          range: s.severity.range,
          message: `unknown severity '${s.severity.text}' for rule ${rule.meta.code} (${rule.meta.name})`,
          hint: guess ? `did you mean '${guess}'? (severities: ${SEVERITIES.join(", ")})` : `use one of ${SEVERITIES.join(", ")}`,
          ...(guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ file: plan.file, range: s.severity.range, newText: guess }] }] } : {}),
        });
        continue;
      }
      if (rule.meta.configurable === false) {
        ctx.report({
          file: plan.file,
          range: s.range,
          message: `rule ${rule.meta.code} (${rule.meta.name}) cannot be changed`,
          hint: `remove this setting: ${rule.meta.code} always has severity ${rule.meta.defaultSeverity}`,
          fixes: [{ title: "Remove the setting", preferred: true, edits: [removeLines(ctx.source(plan.file), s.range)] }],
        });
      }
    }
  },
};

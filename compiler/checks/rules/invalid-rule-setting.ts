// ISU0901: a `rule X severity` setting the compiler ignores: an unknown rule,
// an unknown severity, or a change to a rule that cannot be changed. The
// engine reads the settings once (engine/settings.ts); this rule reports the
// ones it could not apply, so what is reported is exactly what is ignored.
import { SEVERITIES } from "../engine/settings.js";
import type { Rule } from "../engine/rule.js";
import { closest } from "../support/suggest.js";
import { removeLines } from "../support/source-edits.js";

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
    const names = [...ctx.catalogue.map((x) => x.meta.name), ...ctx.catalogue.map((x) => x.meta.code)];
    for (const p of ctx.settings.problems) {
      const s = p.setting;
      if (p.kind === "unknown-rule") {
        const guess = closest(s.rule.text, names);
        ctx.report({
          file: plan.file,
          range: s.rule.range,
          message: `unknown rule '${s.rule.text}'`,
          hint: guess ? `did you mean '${guess}'? (docs/diagnostics.md lists every rule)` : `name a rule by its code (ISU0601) or its name (unused-variable); docs/diagnostics.md lists them`,
          ...(guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ file: plan.file, range: s.rule.range, newText: guess }] }] } : {}),
        });
      } else if (p.kind === "unknown-severity") {
        const guess = closest(s.severity.text, [...SEVERITIES]);
        ctx.report({
          file: plan.file,
          range: s.severity.range,
          message: `unknown severity '${s.severity.text}' for rule ${p.rule.meta.code} (${p.rule.meta.name})`,
          hint: guess ? `did you mean '${guess}'? (severities: ${SEVERITIES.join(", ")})` : `use one of ${SEVERITIES.join(", ")}`,
          ...(guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ file: plan.file, range: s.severity.range, newText: guess }] }] } : {}),
        });
      } else {
        ctx.report({
          file: plan.file,
          range: s.range,
          message: `rule ${p.rule.meta.code} (${p.rule.meta.name}) cannot be changed`,
          hint: `remove this setting: ${p.rule.meta.code} always has severity ${p.rule.meta.defaultSeverity}`,
          fixes: [{ title: "Remove the setting", preferred: true, edits: [removeLines(ctx.source(plan.file), s.range)] }],
        });
      }
    }
  },
};

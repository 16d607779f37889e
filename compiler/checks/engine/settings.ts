// The plan's `rule <code or name> <severity>` settings, read once: which
// apply (code → severity) and which cannot, and why. The runner applies the
// first; ISU0901 reports the second, so the two can never disagree.
import type * as A from "../../syntax/ast.js";
import type { SeveritySetting } from "../../syntax/diagnostic.js";
import type { Rule } from "./rule.js";

export const SEVERITIES: readonly SeveritySetting[] = ["error", "warning", "info", "off"];

type RuleSettingDecl = A.PlanSetting & { key: "rule" };

export type RuleSettingProblem =
  { kind: "unknown-rule"; setting: RuleSettingDecl } | { kind: "unknown-severity"; setting: RuleSettingDecl; rule: Rule } | { kind: "fixed-rule"; setting: RuleSettingDecl; rule: Rule };

export interface RuleSettings {
  /** The settings that apply, rule code → severity. */
  overrides: Map<string, SeveritySetting>;
  /** The settings the compiler cannot apply, in plan order. */
  problems: RuleSettingProblem[];
}

/** The rule a setting names, by code or by name, in a catalogue. */
export function findRule(id: string, catalogue: readonly Rule[]): Rule | undefined {
  const code = id.toUpperCase();
  return catalogue.find((r) => r.meta.code === code) ?? catalogue.find((r) => r.meta.name === id);
}

export function readRuleSettings(plan: A.PlanDecl | undefined, catalogue: readonly Rule[]): RuleSettings {
  const out: RuleSettings = { overrides: new Map(), problems: [] };
  for (const s of plan?.settings ?? []) {
    if (s.key !== "rule") continue;
    const rule = findRule(s.rule.text, catalogue);
    const sev = s.severity.text as SeveritySetting;
    if (!rule) out.problems.push({ kind: "unknown-rule", setting: s });
    else if (!SEVERITIES.includes(sev)) out.problems.push({ kind: "unknown-severity", setting: s, rule });
    else if (rule.meta.configurable === false) out.problems.push({ kind: "fixed-rule", setting: s, rule });
    else out.overrides.set(rule.meta.code, sev);
  }
  return out;
}

import { describe, expect, it } from "vitest";
import { allRules } from "../../compiler/checks/engine/registry.js";
import { findRule, readRuleSettings } from "../../compiler/checks/engine/settings.js";
import { planC } from "./plans.js";
import { applyFix, ruleTester, runPlan } from "../support/rule-tester.js";

const t = ruleTester("ISU0901", { defaultSeverity: "error", fixed: true });

const settings = ["rule ISU0601 off", "rule unused-variabel warning", "rule ISU0702 loud", "rule ISU0001 off", "rule missing-translation error", "rule ISU9999 off"];
const mixed = planC(settings.map((s) => `  ${s}\n`).join(""), "");
const close = planC("  rule unused-variabel error\n  rule ISU0001 off\n  rule ISU0601 of\n", "");

t.valid([{ name: "settings by code and by name", plan: planC("  rule ISU0601 off\n  rule missing-translation error\n", ""), clean: true }]);

t.invalid([
  {
    name: "refuses exactly the settings the engine does not apply",
    plan: mixed,
    diagnostics: ["unknown rule 'unused-variabel'", "unknown severity 'loud' for rule ISU0702 (missing-definition)", "rule ISU0001 (syntax-error) cannot be changed", "unknown rule 'ISU9999'"].map(
      (message) => ({ message }),
    ),
    others: [],
  },
  {
    name: "suggests the closest rule",
    plan: close,
    diagnostics: [{ message: /./, hint: /did you mean 'unused-variable'\?/, text: "unused-variabel" }, { message: /./ }, { message: "unknown severity 'of' for rule ISU0601 (unused-variable)" }],
    fix: { index: 0 },
    outputContains: ["rule unused-variable error"],
  },
  {
    name: "removes a setting on a fixed rule",
    plan: close,
    diagnostics: [{ message: /./ }, { message: /./ }, { message: /./ }],
    fix: { diagnostic: 1, index: 0 },
    output: close.replace("  rule ISU0001 off\n", ""),
  },
  {
    name: "suggests the closest severity",
    plan: close,
    diagnostics: [{ message: /./ }, { message: /./ }, { message: /./ }],
    fix: { diagnostic: 2, index: 0 },
    outputContains: ["rule ISU0601 off"],
  },
]);

describe("ISU0901 invalid-rule-setting and the engine agree", () => {
  it("a setting is reported exactly when the engine does not apply it", () => {
    const c = runPlan(mixed);
    const reportedLines = new Set(c.diagnostics.map((d) => d.range.start.line));
    const { overrides } = readRuleSettings(c.resolution.plan!.decl, allRules);
    for (const s of c.resolution.plan!.decl.settings) {
      if (s.key !== "rule") continue;
      const rule = findRule(s.rule.text, allRules);
      const applied = !!rule && overrides.get(rule.meta.code) === s.severity.text;
      expect(reportedLines.has(s.range.start.line), s.rule.text).toBe(!applied);
    }
    expect([...overrides.entries()]).toEqual([
      ["ISU0601", "off"],
      ["ISU0703", "error"],
    ]);
  });
  it("removing the setting on a fixed rule leaves the others as they were", () => {
    const fixed = applyFix(close, runPlan(close).diagnostics[1]!, 0);
    expect(fixed).not.toContain("ISU0001");
    expect(fixed).toContain(`  rule unused-variabel error\n  rule ISU0601 of\n`);
  });
});

// Renders docs/diagnostics.md from the rule catalogue and the example files,
// so the reference can never drift from the checks (a test compares them).
import * as fs from "node:fs";
import * as path from "node:path";
import { allRules } from "../checks/engine/registry.js";
import type { Rule } from "../checks/engine/rule.js";
import { escapeForTerminal } from "../syntax/hidden-chars.js";

export function ruleFileBase(rule: Rule): string {
  return `${rule.meta.code}-${rule.meta.name}`;
}

export function failingExamplePath(root: string, rule: Rule): string {
  return path.join(root, "examples", "broken", `${ruleFileBase(rule)}.isu`);
}

export function passingExamplePath(root: string, rule: Rule): string {
  return path.join(root, "test", "fixtures", "rules", `${ruleFileBase(rule)}.pass.isu`);
}

/**
 * A failing example ends with the diagnostics it must give, one comment line
 * each, under this header; test/rules/broken-examples.test.ts checks them.
 */
export const EXPECTATIONS_HEADER = "// Expected diagnostics";

/** The example without its trailing block of expected diagnostics. */
export function withoutExpectations(text: string): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.startsWith(EXPECTATIONS_HEADER));
  return i < 0 ? text : lines.slice(0, i).join("\n").trimEnd() + "\n";
}

function readOr(p: string): string | undefined {
  // ISU0005/ISU0006's examples hold invisible characters: the page shows them as \u escapes.
  // The page shows the plan; its expected diagnostics are for the tests.
  return fs.existsSync(p)
    ? escapeForTerminal(withoutExpectations(fs.readFileSync(p, "utf8")).trimEnd())
        .replace(/\\u000a/g, "\n")
        .replace(/\\u0009/g, "\t")
    : undefined;
}

export function renderDiagnosticsDoc(root: string): string {
  const out: string[] = [
    "# Diagnostics reference",
    "",
    "Every diagnostic `isu check` reports has a stable code. This page is generated from the checks",
    "themselves (`npm run docs`); each entry shows a plan that fails and the same plan fixed.",
    "",
    "A plan may change a rule's severity in its `plan` block, by code or by name:",
    "",
    "```isu",
    "rule ISU0601 off          // unused-variable: we collect it for the national register",
    "rule missing-translation error",
    "```",
    "",
    "Severities: `error` (the plan cannot be built), `warning`, `info`, `off`. Rules marked *fixed* cannot be changed.",
    "",
    "| code | name | default | summary |",
    "|---|---|---|---|",
    ...allRules.map(
      (r) =>
        `| [${r.meta.code}](#${r.meta.code.toLowerCase()}--${r.meta.name}) | ${r.meta.name} | ${r.meta.defaultSeverity}${r.meta.configurable === false ? " (fixed)" : ""} | ${r.meta.description} |`,
    ),
    "",
  ];
  for (const r of allRules) {
    out.push(
      `## ${r.meta.code} — ${r.meta.name}`,
      "",
      `Default severity: **${r.meta.defaultSeverity}**${r.meta.configurable === false ? " (cannot be changed)" : ""}.`,
      "",
      r.meta.description,
      "",
      r.meta.docs.trim(),
      "",
    );
    const failing = readOr(failingExamplePath(root, r));
    const passing = readOr(passingExamplePath(root, r));
    if (failing) out.push(`Failing (\`examples/broken/${ruleFileBase(r)}.isu\`):`, "", "```isu", failing, "```", "");
    if (passing) out.push("Passing:", "", "```isu", passing, "```", "");
  }
  return out.join("\n");
}

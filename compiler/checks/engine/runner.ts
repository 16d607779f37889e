// Runs rules over a resolved program: each with its severity (the plan's
// setting, else the rule's default), reports deduplicated, and a rule that
// throws becomes one ISU0000 diagnostic instead of taking the compiler down.
import type * as A from "../../syntax/ast.js";
import { compareDiagnostics, type Diagnostic, type Severity, type SeveritySetting } from "../../syntax/diagnostic.js";
import type { Program } from "../../semantics/program.js";
import type { Resolution } from "../../semantics/resolve.js";
import { allRules } from "./registry.js";
import type { Report, Rule } from "./rule.js";
import { readRuleSettings } from "./settings.js";

export function runRules(program: Program, resolution: Resolution, rules: readonly Rule[] = allRules): Diagnostic[] {
  // Settings are read against the whole catalogue: a setting for a rule not run now is still valid.
  const settings = readRuleSettings(resolution.plan?.decl, allRules);
  const { overrides } = settings;
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const sev = overrides.get(rule.meta.code) ?? rule.meta.defaultSeverity;
    if (sev === "off") continue;
    const ctx = {
      resolution,
      catalogue: allRules,
      settings,
      source: (p: string) => program.byPath.get(p)!,
      report: (rep: Report & { range: A.Range }) => {
        const key = `${rep.file}:${rep.range.start.offset}:${rep.range.end.offset}:${rule.meta.code}:${rep.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        // A report may be graver than the rule's default (ISU0802 with sensitive data); the plan's own setting still wins.
        const own: SeveritySetting = overrides.has(rule.meta.code) ? sev : (rep.severity ?? sev);
        if (own === "off") return;
        const d: Diagnostic = { file: rep.file, range: rep.range, code: rule.meta.code, rule: rule.meta.name, severity: own as Severity, message: rep.message };
        if (rep.hint) d.hint = rep.hint;
        if (rep.fixes?.length) d.fixes = rep.fixes;
        diagnostics.push(d);
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      diagnostics.push({
        file: program.root,
        range: { start: { offset: 0, line: 1, column: 1 }, end: { offset: 0, line: 1, column: 1 } },
        code: "ISU0000",
        rule: "internal-error",
        severity: "error",
        message: `internal error in check ${rule.meta.code} (${rule.meta.name}): ${(e as Error).message}`,
        hint: "please report this with the plan that caused it",
      });
    }
  }
  return diagnostics.sort(compareDiagnostics);
}

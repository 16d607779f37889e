// The front end in one call: load → parse → resolve → check → model.
import type * as A from "./ast.js";
import { allRules, rulesByCode, rulesByName } from "./checks/index.js";
import { compareDiagnostics, type Diagnostic, type Severity, type SeveritySetting } from "./diagnostic.js";
import { buildModel, type PlanModel } from "./model.js";
import { loadProgram, ParseCache, type Host, diskHost, type Program } from "./program.js";
import { resolve, type Resolution } from "./resolve.js";
import type { Rule } from "./rule.js";

export interface CompileOptions {
  host?: Host;
  cache?: ParseCache;
  /** The root file's text, when it comes from an editor buffer. */
  rootText?: string;
  /** Checks to run; all by default. */
  rules?: Rule[];
}

export interface Compilation {
  program: Program;
  resolution: Resolution;
  diagnostics: Diagnostic[];
  /** The resolved plan; present only when there are no errors and the file declares a plan. */
  model?: PlanModel;
  errors: number;
  warnings: number;
}

export const SEVERITIES: SeveritySetting[] = ["error", "warning", "info", "off"];

/** The rule a `rule X severity` setting names, by code or by name. */
export function findRule(id: string): Rule | undefined {
  return rulesByCode.get(id.toUpperCase()) ?? rulesByName.get(id);
}

/** The plan's valid `rule` settings, code → severity. Invalid ones are reported by ISU0901. */
export function severityOverrides(plan: A.PlanDecl | undefined): Map<string, SeveritySetting> {
  const out = new Map<string, SeveritySetting>();
  for (const s of plan?.settings ?? []) {
    if (s.key !== "rule") continue;
    const rule = findRule(s.rule.text);
    const sev = s.severity.text as SeveritySetting;
    if (!rule || !SEVERITIES.includes(sev) || rule.meta.configurable === false) continue;
    out.set(rule.meta.code, sev);
  }
  return out;
}

export function compile(path: string, opts: CompileOptions = {}): Compilation {
  const program = loadProgram(path, opts.host ?? diskHost, opts.cache ?? new ParseCache(), opts.rootText);
  return check(program, opts.rules ?? allRules);
}

export interface CheckOptions {
  /** Build the generators' model too (default). The editor only needs diagnostics. */
  model?: boolean;
  /** A resolution of this program made earlier (the editor resolves first for completion). */
  resolution?: Resolution;
}

export function check(program: Program, rules: Rule[] = allRules, opts: CheckOptions = {}): Compilation {
  const resolution = opts.resolution ?? resolve(program);
  const overrides = severityOverrides(resolution.plan?.decl);
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const sev = overrides.get(rule.meta.code) ?? rule.meta.defaultSeverity;
    if (sev === "off") continue;
    const ctx = {
      resolution,
      source: (p: string) => program.byPath.get(p)!,
      report: (rep: { file: string; range: A.Range; message: string; hint?: string; fixes?: Diagnostic["fixes"]; severity?: SeveritySetting }) => {
        const key = `${rep.file}:${rep.range.start.offset}:${rep.range.end.offset}:${rule.meta.code}:${rep.message}`;
        if (seen.has(key)) return;
        seen.add(key);
        // A report may be graver than the rule's default (ISU0802 with sensitive data); the plan's own setting still wins.
        const own = overrides.has(rule.meta.code) ? sev : (rep.severity ?? sev);
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
      // A check must never take the whole compiler down with it.
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
  diagnostics.sort(compareDiagnostics);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const out: Compilation = { program, resolution, diagnostics, errors, warnings };
  if (errors === 0 && resolution.plan && opts.model !== false) out.model = buildModel(resolution, diagnostics);
  return out;
}

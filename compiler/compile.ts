// The front end in one call: load → parse → resolve → check → model.
import { allRules } from "./checks/engine/registry.js";
import { runRules } from "./checks/engine/runner.js";
import type { Diagnostic } from "./syntax/diagnostic.js";
import { buildModel } from "./model/build.js";
import type { PlanModel } from "./model/index.js";
import { loadProgram, ParseCache, type Host, diskHost, type Program } from "./semantics/program.js";
import { resolve, type Resolution } from "./semantics/resolve.js";
import type { Rule } from "./checks/engine/rule.js";

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
  const diagnostics = runRules(program, resolution, rules);
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const out: Compilation = { program, resolution, diagnostics, errors, warnings };
  if (errors === 0 && resolution.plan && opts.model !== false) out.model = buildModel(resolution, diagnostics);
  return out;
}

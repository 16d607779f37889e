// The shape of a check: one rule a file under compiler/checks/, each with a
// stable code, a readable name, a default severity and a one-line description
// (docs/diagnostics.md holds the long form with a failing and a passing example).
import type { Range } from "../../syntax/ast.js";
import type { Fix, SeveritySetting } from "../../syntax/diagnostic.js";
import type { Resolution } from "../../semantics/resolve.js";
import type { SourceFile } from "../../syntax/source.js";
import type { RuleSettings } from "./settings.js";

export interface RuleMeta {
  /** Stable code, ISUxxxx. Never reused for another meaning. */
  code: string;
  /** Readable name, usable in `rule <name> <severity>`. */
  name: string;
  defaultSeverity: SeveritySetting;
  description: string;
  /** false for rules a plan may not lower (syntax errors, broken imports). */
  configurable?: boolean;
  /**
   * The long explanation for docs/diagnostics.md (Markdown): why it matters
   * and how to fix it. The failing example is examples/broken/<code>-<name>.isu,
   * the passing one test/fixtures/rules/<code>-<name>.pass.isu.
   */
  docs: string;
}

export interface Report {
  file: string;
  range: Range;
  message: string;
  hint?: string;
  fixes?: Fix[];
  /** This report's severity when the plan does not set the rule's own (`rule <name> <severity>`); else the rule's default. */
  severity?: SeveritySetting;
}

export interface RuleContext {
  resolution: Resolution;
  /** Every rule there is (not only those run now): what a rule about rules reads, instead of importing the catalogue. */
  catalogue: readonly Rule[];
  /** The plan's `rule` settings as the runner applied them, and those it could not. */
  settings: RuleSettings;
  /** The parsed file at a path (every file of the program). */
  source(path: string): SourceFile;
  report(r: Report): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

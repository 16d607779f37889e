// Diagnostics: what every check reports, and how the CLI and LSP receive it.
import type { Range } from "./ast.js";

export type Severity = "error" | "warning" | "info";
export type SeveritySetting = Severity | "off";

export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

/** A suggested repair; the language server offers it as a code action. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants (e.g. the single did-you-mean). */
  preferred?: boolean;
}

export interface Diagnostic {
  file: string;
  range: Range;
  code: string;
  /** The rule's readable name, e.g. "undefined-name". */
  rule: string;
  severity: Severity;
  message: string;
  hint?: string;
  fixes?: Fix[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.offset - b.range.start.offset || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}

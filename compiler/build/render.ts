// Diagnostics for people (file:line:col, the source line, a caret, the hint)
// and for machines (JSON). Colour only when writing to a terminal.
import * as nodePath from "node:path";
import type { Diagnostic } from "../syntax/diagnostic.js";
import { escapeForTerminal } from "../syntax/hidden-chars.js";
import type { SourceFile } from "../syntax/source.js";

export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const plain: Palette = { red: (s) => s, yellow: (s) => s, cyan: (s) => s, bold: (s) => s, dim: (s) => s };
const ansi = (code: number) => (s: string) => `\u001b[${code}m${s}\u001b[0m`;
const coloured: Palette = { red: ansi(31), yellow: ansi(33), cyan: ansi(36), bold: ansi(1), dim: ansi(2) };

/** Colour when the stream is a terminal, unless NO_COLOR; FORCE_COLOR forces it. */
export function paletteFor(stream: NodeJS.WriteStream): Palette {
  if (process.env["NO_COLOR"]) return plain;
  if (process.env["FORCE_COLOR"] && process.env["FORCE_COLOR"] !== "0") return coloured;
  return stream.isTTY ? coloured : plain;
}

/** The path as written in JSON: relative to the working folder when inside it. */
export function relativePath(file: string): string {
  const rel = nodePath.relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !nodePath.isAbsolute(rel) ? rel : file;
}

/** The path as shown to a person; a control character in a file name is escaped like plan text. */
export function displayPath(file: string): string {
  return escapeForTerminal(relativePath(file));
}

/** Characters of a source line shown at most, and how many of them before the caret. */
const SHOWN_LINE = 160;
const SHOWN_BEFORE = 60;

export function renderDiagnostic(d: Diagnostic, source: SourceFile | undefined, p: Palette = plain): string {
  const sev = d.severity === "error" ? p.red(p.bold("error")) : d.severity === "warning" ? p.yellow(p.bold("warning")) : p.cyan(p.bold("info"));
  // Plan text (messages quote labels, the source line) is escaped: a plan must not drive the terminal.
  const lines = [`${p.bold(`${displayPath(d.file)}:${d.range.start.line}:${d.range.start.column}`)}: ${sev} ${p.dim(d.code)} ${escapeForTerminal(d.message)}`];
  if (source) {
    const lineNo = d.range.start.line;
    const start = source.lineStarts[lineNo - 1] ?? 0;
    const next = source.lineStarts[lineNo] ?? source.text.length;
    const whole = source.text
      .slice(start, next)
      .replace(/\r?\n$|\r$/, "")
      .replace(/\t/g, " ");
    // A very long line (minified, or one huge text) is shown as a window around the caret.
    const wholeCol = Math.min(d.range.start.column - 1, whole.length);
    const from = whole.length > SHOWN_LINE ? Math.max(0, Math.min(wholeCol - SHOWN_BEFORE, whole.length - SHOWN_LINE)) : 0;
    const to = Math.min(whole.length, from + SHOWN_LINE);
    const raw = whole.slice(from, to);
    const [lead, tail] = [from > 0 ? "…" : "", to < whole.length ? "…" : ""];
    const text = lead + escapeForTerminal(raw) + tail;
    const gutter = String(lineNo).length;
    // The caret stays under the character: columns are measured on the escaped line.
    const rawCol = wholeCol - from;
    const rawEnd = d.range.end.line === lineNo ? Math.max(rawCol, Math.min(d.range.end.column - 1 - from, raw.length)) : raw.length;
    const col = lead.length + escapeForTerminal(raw.slice(0, rawCol)).length;
    const width = Math.max(1, escapeForTerminal(raw.slice(rawCol, rawEnd)).length);
    lines.push(`${p.dim(`${lineNo} |`)} ${text}`);
    lines.push(`${" ".repeat(gutter)} ${p.dim("|")} ${" ".repeat(Math.max(0, col))}${(d.severity === "error" ? p.red : d.severity === "warning" ? p.yellow : p.cyan)("^".repeat(width))}`);
  }
  if (d.hint) lines.push(`${p.cyan("  hint:")} ${escapeForTerminal(d.hint)}`);
  return lines.join("\n");
}

export function summaryLine(diags: Diagnostic[], files: number): string {
  const n = (k: string) => diags.filter((d) => d.severity === k).length;
  const plural = (c: number, w: string) => `${c} ${w}${c === 1 ? "" : "s"}`;
  return `${plural(n("error"), "error")}, ${plural(n("warning"), "warning")}, ${plural(n("info"), "info")} in ${plural(files, "file")}`;
}

export interface JsonDiagnostic {
  file: string;
  range: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } };
  code: string;
  rule: string;
  severity: string;
  message: string;
  hint?: string;
}

export function toJson(d: Diagnostic): JsonDiagnostic {
  const out: JsonDiagnostic = {
    file: relativePath(d.file),
    range: { start: { ...d.range.start }, end: { ...d.range.end } },
    code: d.code,
    rule: d.rule,
    severity: d.severity,
    message: d.message,
  };
  if (d.hint) out.hint = d.hint;
  return out;
}

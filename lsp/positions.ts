// The one place where the compiler's positions meet the protocol's. Compiler
// ranges are 1-based line and column (UTF-16 code units, like LSP); LSP ranges
// are 0-based line and character. File paths become URIs here and back.
import * as nodePath from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { IToken } from "chevrotain";
import type { Position as LspPosition, Range as LspRange } from "vscode-languageserver/node.js";
import type * as A from "../compiler/syntax/ast.js";

export function toLspPosition(p: A.Position): LspPosition {
  return { line: Math.max(0, p.line - 1), character: Math.max(0, p.column - 1) };
}

export function toLspRange(r: A.Range): LspRange {
  return { start: toLspPosition(r.start), end: toLspPosition(r.end) };
}

/** Where a lexer token starts (tokens, like the AST, count lines and columns from 1). */
export function tokenStart(t: IToken): LspPosition {
  return { line: Math.max(0, (t.startLine ?? 1) - 1), character: Math.max(0, (t.startColumn ?? 1) - 1) };
}

/** The 0-based line a lexer token ends on. */
export function tokenEndLine(t: IToken): number {
  return Math.max(0, (t.endLine ?? t.startLine ?? 1) - 1);
}

/** True when a compiler range and an LSP range share at least one position. */
export function overlaps(r: A.Range, lsp: LspRange): boolean {
  const a = toLspRange(r);
  const before = (x: LspPosition, y: LspPosition) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, lsp.start) && !before(lsp.end, a.start);
}

/**
 * The path the compiler uses for a document. `file:` URIs map to their file;
 * any other scheme (an unsaved `untitled:` buffer) keeps its URI text, made
 * absolute the way the compiler makes every root absolute.
 */
export function uriToPath(uri: string): string {
  if (uri.startsWith("file:")) {
    try {
      return nodePath.resolve(fileURLToPath(uri));
    } catch {
      // A malformed file URI: fall through and treat it as an opaque name.
    }
  }
  return nodePath.resolve(uri);
}

export function pathToUri(path: string): string {
  return pathToFileURL(path).href;
}

// One parsed source file: text, AST, comments and raw syntax errors.
import { parseText } from "../../grammar/parser.js";
import { buildAst, tokenRange } from "./build-ast.js";
import type { Comment, FileAst, Position, Range } from "./ast.js";
import { describeChar, isBidiChar, isControlChar } from "./hidden-chars.js";

export interface SyntaxProblem {
  /**
   * "nesting": a condition nested beyond the limit (ISU0007), its deep part left unread.
   * "control": a control character between tokens, which the lexer skipped; ISU0005 reports it.
   */
  kind: "lex" | "parse" | "nesting" | "control";
  message: string;
  range: Range;
}

export interface SourceFile {
  path: string;
  text: string;
  ast: FileAst;
  comments: Comment[];
  syntax: SyntaxProblem[];
  lineStarts: number[];
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

export function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { offset, line: lo + 1, column: offset - starts[lo]! + 1 };
}

export function rangeAt(starts: number[], start: number, end: number): Range {
  return { start: positionAt(starts, start), end: positionAt(starts, end) };
}

function lexMessage(text: string, offset: number): { message: string; length: number } {
  const rest = text.slice(offset);
  if (rest.startsWith('"""')) return { message: 'unterminated text: \'"""\' opens a text that is never closed with \'"""\'', length: 3 };
  if (rest.startsWith('"')) {
    const eol = rest.search(/[\r\n]|$/);
    return { message: "unterminated text: a '\"' opens a text that does not end on the same line", length: Math.max(1, eol) };
  }
  if (rest.startsWith("/*")) return { message: "unterminated comment: '/*' is never closed with '*/'", length: 2 };
  const ch = String.fromCodePoint(rest.codePointAt(0)!);
  // An invisible character is named by its code point: quoting it would show nothing.
  if (isBidiChar(ch)) return { message: `unexpected character ${describeChar(ch)} (a bidirectional control) between tokens`, length: ch.length };
  return { message: `unexpected character '${ch}'`, length: ch.length };
}

export function parseSource(path: string, text: string): SourceFile {
  const out = parseText(text);
  const starts = lineStarts(text);
  const syntax: SyntaxProblem[] = [];
  for (const e of out.lexErrors) {
    // The lexer skips a run of characters it cannot read as one error. Control
    // characters in it are ISU0005's (one each); the first other one is ISU0001's.
    let offset = e.offset;
    const end = e.offset + Math.max(1, e.length);
    while (offset < end && isControlChar(text.charAt(offset))) {
      syntax.push({ kind: "control", message: `control character ${describeChar(text.charAt(offset))} between tokens`, range: rangeAt(starts, offset, offset + 1) });
      offset++;
    }
    if (offset >= end) continue;
    const { message, length } = lexMessage(text, offset);
    syntax.push({ kind: "lex", message, range: rangeAt(starts, offset, Math.min(text.length, offset + length)) });
  }
  for (const t of out.tokens) {
    if (t.tokenType.name === "UnterminatedTriple" || t.tokenType.name === "UnterminatedString") {
      const { message, length } = lexMessage(text, t.startOffset);
      syntax.push({ kind: "lex", message, range: rangeAt(starts, t.startOffset, Math.min(text.length, t.startOffset + length)) });
    }
  }
  for (const e of out.parseErrors) {
    const t = e.token;
    const range = Number.isFinite(t.startOffset) ? tokenRange(t) : rangeAt(starts, text.length, text.length);
    syntax.push({ kind: "parse", message: e.message, range });
  }
  for (const d of out.tooDeep) syntax.push({ kind: "nesting", message: d.message, range: tokenRange(d.token) });
  syntax.sort((a, b) => a.range.start.offset - b.range.start.offset);
  const comments: Comment[] = out.comments.map((c) => ({ text: c.image, block: c.image.startsWith("/*"), range: tokenRange(c) }));
  const ast = buildAst(out.cst, text.length, positionAt(starts, text.length));
  return { path, text, ast, comments, syntax, lineStarts: starts };
}

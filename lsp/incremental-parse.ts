// A ParseCache that re-parses only the declarations an edit touched.
//
// In text that parses without errors every declaration keyword (plan, import,
// timepoint, valueset, variable, group, question) begins a top-level
// declaration: none of them may stand inside a block. The text is cut before
// each such keyword that begins a line, and each piece goes through the
// compiler's own parseSource; a piece seen before (same text) is not parsed
// again, only moved to its new place. The pieces' declarations, in order, are
// the file's AST. When any piece has a syntax problem — or the lexer finds one
// — the whole text is parsed at once, so syntax errors and their recovery are
// exactly the compiler's. test/lsp.test.ts holds the two ways equal.
import type { IToken } from "chevrotain";
import type * as A from "../compiler/ast.js";
import { tokenRange } from "../compiler/build-ast.js";
import { ParseCache } from "../compiler/program.js";
import { lineStarts, parseSource, positionAt, type SourceFile } from "../compiler/source.js";
import * as T from "../grammar/tokens.js";

const DECLARATIONS = new Set([T.Import, T.Plan, T.Timepoint, T.Valueset, T.Variable, T.Group, T.Question]);

/** Below this size a whole parse is as quick as cutting the text up. */
const MIN_LENGTH = 4_000;

interface Piece {
  text: string;
  /** The piece parsed on its own (positions from its own start). */
  parsed: SourceFile;
  /** Its declarations moved to where the piece last stood. */
  placed?: { offset: number; line: number; declarations: A.Declaration[] };
}

export class IncrementalParseCache extends ParseCache {
  private files = new Map<string, SourceFile>();
  private pieces = new Map<string, Map<string, Piece>>();

  override get(path: string, text: string): SourceFile {
    const hit = this.files.get(path);
    if (hit && hit.text === text) return hit;
    const sf = (text.length >= MIN_LENGTH ? this.piecewise(path, text) : undefined) ?? this.whole(path, text);
    this.files.set(path, sf);
    return sf;
  }

  override delete(path: string): void {
    this.files.delete(path);
    this.pieces.delete(path);
  }

  private whole(path: string, text: string): SourceFile {
    return parseSource(path, text);
  }

  /** The file from its pieces, or undefined when it must be parsed whole. */
  private piecewise(path: string, text: string): SourceFile | undefined {
    const lexed = T.isuLexer.tokenize(text);
    if (lexed.errors.length) return undefined;
    const tokens = lexed.tokens;
    if (tokens.some((t) => t.tokenType === T.UnterminatedString || t.tokenType === T.UnterminatedTriple)) return undefined;
    const starts = lineStarts(text);
    const cuts = [0];
    tokens.forEach((t, i) => {
      if (!DECLARATIONS.has(t.tokenType) || i === 0) return;
      const prev = tokens[i - 1]!;
      // Only a keyword that begins its line: then every piece starts at column 1.
      if ((prev.endLine ?? prev.startLine ?? 0) >= (t.startLine ?? 0)) return;
      const lineStart = starts[(t.startLine ?? 1) - 1]!;
      if (lineStart > cuts[cuts.length - 1]!) cuts.push(lineStart);
    });
    cuts.push(text.length);

    const before = this.pieces.get(path) ?? new Map<string, Piece>();
    const now = new Map<string, Piece>();
    const declarations: A.Declaration[] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const start = cuts[i]!;
      const pieceText = text.slice(start, cuts[i + 1]);
      let piece = now.get(pieceText) ?? before.get(pieceText);
      if (!piece) piece = { text: pieceText, parsed: parseSource(path, pieceText) };
      now.set(pieceText, piece);
      if (piece.parsed.syntax.length) {
        // Keep the pieces (broken ones too): once the text is mended, they are parsed already.
        for (const [k, v] of now) before.set(k, v);
        // Typing in a broken text adds a piece per keystroke: keep the newest.
        for (const k of before.keys()) {
          if (before.size <= 2 * cuts.length + 64) break;
          before.delete(k);
        }
        this.pieces.set(path, before);
        return undefined;
      }
      const at = positionAt(starts, start);
      if (!piece.placed || piece.placed.offset !== start || piece.placed.line !== at.line) {
        piece.placed = { offset: start, line: at.line, declarations: start === 0 ? piece.parsed.ast.declarations : moved(piece.parsed.ast.declarations, start, at.line - 1) };
      }
      declarations.push(...piece.placed.declarations);
    }
    this.pieces.set(path, now);
    const comments: A.Comment[] = ((lexed.groups["comments"] as IToken[] | undefined) ?? []).map((c) => ({ text: c.image, block: c.image.startsWith("/*"), range: tokenRange(c) }));
    const end = positionAt(starts, text.length);
    return {
      path,
      text,
      ast: { kind: "File", declarations, range: { start: { offset: 0, line: 1, column: 1 }, end: { ...end, offset: text.length } } },
      comments,
      syntax: [],
      lineStarts: starts,
    };
  }
}

/** A deep copy with every position moved by `offset` characters and `lines` lines (pieces start at column 1). */
function moved<T>(value: T, offset: number, lines: number): T {
  if (Array.isArray(value)) return value.map((v) => moved(v, offset, lines)) as T;
  if (value === null || typeof value !== "object") return value;
  const o = value as Record<string, unknown>;
  if (typeof o["offset"] === "number" && typeof o["line"] === "number" && typeof o["column"] === "number") {
    return { offset: (o["offset"] as number) + offset, line: (o["line"] as number) + lines, column: o["column"] } as T;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o)) out[k] = moved(o[k], offset, lines);
  return out as T;
}

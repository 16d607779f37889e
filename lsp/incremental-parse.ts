// A ParseCache that re-parses only the declarations an edit touched.
//
// In text that parses without errors every declaration keyword (plan, import,
// timepoint, … : grammar/keywords.ts) begins a top-level
// declaration: none of them may stand inside a block. The text is cut before
// each such keyword that begins a line, and each piece goes through the
// compiler's own parseSource; a piece seen before (same text) is not parsed
// again, only moved to its new place. The pieces' declarations, in order, are
// the file's AST. When any piece has a syntax problem — or the lexer finds one
// — the whole text is parsed at once, so syntax errors and their recovery are
// exactly the compiler's. test/lsp.test.ts holds the two ways equal.
//
// Only open documents are cut into pieces and kept for good; files that are
// not open (imports read from disk) are parsed whole and kept in a small LRU
// bounded by count and source size (lsp/limits.ts).
import type { IToken } from "chevrotain";
import type * as A from "../compiler/syntax/ast.js";
import { tokenRange } from "../compiler/syntax/build-ast.js";
import { ParseCache } from "../compiler/semantics/program.js";
import { lineStarts, parseSource, positionAt, type SourceFile } from "../compiler/syntax/source.js";
import * as T from "../grammar/tokens.js";
import { DECLARATION_KEYWORDS } from "../grammar/keywords.js";
import { MAX_CACHED_CHARS, MAX_CACHED_FILES } from "./limits.js";

const DECLARATIONS = new Set(T.keywordTokensOf(DECLARATION_KEYWORDS));

/** Below this size a whole parse is as quick as cutting the text up. */
const MIN_LENGTH = 4_000;

interface Piece {
  text: string;
  /** The piece has a syntax problem on its own: the whole text must be parsed. */
  broken: boolean;
  /**
   * Its declarations where the piece last stood (offset, 1-based line). Only
   * these are kept, not the piece's own parse: a move copies them by the
   * difference, so a file holds one AST, not two.
   */
  placed: { offset: number; line: number; declarations: A.Declaration[] };
}

export interface IncrementalParseOptions {
  /**
   * Whether a file is open in the editor: open files keep their pieces and are
   * never evicted. Without it every file counts as open (the owner clears them).
   */
  isOpen?: (path: string) => boolean;
  /** Files that are not open are kept, least recently used out first, up to this many… */
  maxFiles?: number;
  /** …and this much source in all (UTF-16 code units). */
  maxChars?: number;
}

export class IncrementalParseCache extends ParseCache {
  /** Every cached file, least recently used first (a hit moves it to the end). */
  private files = new Map<string, SourceFile>();
  /** Open files only: the pieces their last texts were cut into. */
  private pieces = new Map<string, Map<string, Piece>>();
  private readonly isOpen: (path: string) => boolean;
  private readonly maxFiles: number;
  private readonly maxChars: number;

  constructor(options: IncrementalParseOptions = {}) {
    super();
    this.isOpen = options.isOpen ?? (() => true);
    this.maxFiles = options.maxFiles ?? MAX_CACHED_FILES;
    this.maxChars = options.maxChars ?? MAX_CACHED_CHARS;
  }

  override get(path: string, text: string): SourceFile {
    const hit = this.files.get(path);
    this.files.delete(path);
    if (hit && hit.text === text) {
      this.files.set(path, hit);
      return hit;
    }
    // A file that is not open is parsed whole: its pieces would only double its AST.
    const open = this.isOpen(path);
    const cut = open && text.length >= MIN_LENGTH;
    const sf = (cut ? this.piecewise(path, text) : undefined) ?? this.whole(path, text);
    // Pieces are kept only for a text that was cut (a broken one too: see piecewise).
    if (!cut) this.pieces.delete(path);
    this.files.set(path, sf);
    if (!open) this.evict();
    return sf;
  }

  override delete(path: string): void {
    this.files.delete(path);
    this.pieces.delete(path);
  }

  /** A file was closed: its pieces go, and its parse stays only as one of the bounded closed files. */
  release(path: string): void {
    this.pieces.delete(path);
    this.evict();
  }

  /** Drops every file that is neither open nor in `keep`. */
  retain(keep: ReadonlySet<string>): void {
    for (const path of [...this.files.keys()]) if (!keep.has(path) && !this.isOpen(path)) this.delete(path);
  }

  /** The paths cached now, least recently used first (for tests). */
  cachedPaths(): string[] {
    return [...this.files.keys()];
  }

  /** The source size of everything cached now (for tests). */
  cachedChars(): number {
    let n = 0;
    for (const sf of this.files.values()) n += sf.text.length;
    return n;
  }

  /** Drops the least recently used files that are not open until the rest are within the limits. */
  private evict(): void {
    const closed: [string, number][] = [];
    let chars = 0;
    for (const [path, sf] of this.files) {
      if (this.isOpen(path)) continue;
      closed.push([path, sf.text.length]);
      chars += sf.text.length;
    }
    let count = closed.length;
    for (const [path, size] of closed) {
      if (count <= this.maxFiles && chars <= this.maxChars) break;
      this.delete(path);
      count--;
      chars -= size;
    }
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
      const at = positionAt(starts, start);
      if (!piece) {
        const parsed = parseSource(path, pieceText);
        const broken = parsed.syntax.length > 0;
        const declarations = broken ? [] : start === 0 ? parsed.ast.declarations : moved(parsed.ast.declarations, start, at.line - 1);
        piece = { text: pieceText, broken, placed: { offset: start, line: at.line, declarations } };
      }
      now.set(pieceText, piece);
      if (piece.broken) {
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
      const p = piece.placed;
      if (p.offset !== start || p.line !== at.line) {
        piece.placed = { offset: start, line: at.line, declarations: moved(p.declarations, start - p.offset, at.line - p.line) };
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

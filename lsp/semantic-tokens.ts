// Semantic tokens (full document). Keywords, texts, numbers, comments and
// operators come from the lexer; names are coloured by what they denote, as
// resolved (an undefined name gets no colour: its diagnostic marks it).
//
// Mapping (standard LSP token types, so every theme colours them):
//   keyword      every keyword (plan, variable, count, at, other, integer …)
//   class        the plan's name
//   namespace    a time point
//   type         a value set
//   variable     a variable; a group is `variable` with the `readonly`
//                modifier (derived from its source, never recorded itself)
//   function     a question
//   enumMember   a value code (in its value set, a group mapping or a
//                condition) and a group entry's name
//   string       a text ("…" or """…""")
//   number       a number that is not a value code (ranges, settings)
//   comment      line and block comments
//   operator     = != < <= > >= * ..
// Modifier `declaration` marks the declaring occurrence of a name or code.
import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from "vscode-languageserver/node.js";
import { tokenMatcher, type IToken } from "chevrotain";
import * as T from "../grammar/tokens.js";
import type { SymbolKind } from "../compiler/semantics/resolve.js";
import { occurrences, type Occurrence } from "./occurrences.js";
import { tokenStart } from "./positions.js";
import type { Workspace } from "./workspace.js";

export const TOKEN_TYPES = ["keyword", "class", "namespace", "type", "variable", "function", "enumMember", "string", "number", "comment", "operator"] as const;
export const TOKEN_MODIFIERS = ["declaration", "readonly"] as const;

export const legend: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

type TokenType = (typeof TOKEN_TYPES)[number];

const TYPE_INDEX = new Map<string, number>(TOKEN_TYPES.map((t, i) => [t, i]));
const DECLARATION = 1 << 0;
const READONLY = 1 << 1;

const SYMBOL_TYPE: Record<SymbolKind, TokenType> = {
  plan: "class",
  timepoint: "namespace",
  valueset: "type",
  variable: "variable",
  group: "variable",
  question: "function",
};

const KEYWORDS = new Set(T.keywordTokens);
const OPERATORS = new Set([T.Equals, T.NotEquals, T.Less, T.LessEq, T.Greater, T.GreaterEq, T.Star, T.DotDot]);

function classify(o: Occurrence): { type: TokenType; mods: number } | undefined {
  const decl = o.declaration ? DECLARATION : 0;
  switch (o.target.kind) {
    case "symbol":
      return { type: SYMBOL_TYPE[o.target.sym.kind], mods: decl | (o.target.sym.kind === "group" ? READONLY : 0) };
    case "value":
    case "entry":
      return { type: "enumMember", mods: decl };
    default:
      return undefined;
  }
}

export function semanticTokens(ws: Workspace, path: string): SemanticTokens {
  const { tokens, comments } = ws.lex(path);
  const byOffset = new Map<number, Occurrence>();
  for (const o of occurrences(ws.resolution(path)).inFile(path)) byOffset.set(o.range.start.offset, o);
  const all = [...tokens, ...comments].sort((a, b) => a.startOffset - b.startOffset);
  const builder = new SemanticTokensBuilder();
  for (const t of all) {
    const kind = kindOf(t, byOffset.get(t.startOffset));
    if (!kind) continue;
    pushToken(builder, t, TYPE_INDEX.get(kind.type)!, kind.mods);
  }
  return builder.build();
}

function kindOf(t: IToken, o: Occurrence | undefined): { type: TokenType; mods: number } | undefined {
  if (KEYWORDS.has(t.tokenType)) return { type: "keyword", mods: 0 };
  if (tokenMatcher(t, T.Identifier)) return o ? classify(o) : undefined;
  if (t.tokenType === T.NumberLiteral) return (o && classify(o)) ?? { type: "number", mods: 0 };
  if (tokenMatcher(t, T.StringLiteral) || t.tokenType === T.TripleString) return { type: "string", mods: 0 };
  if (t.tokenType === T.LineComment || t.tokenType === T.BlockComment) return { type: "comment", mods: 0 };
  if (OPERATORS.has(t.tokenType)) return { type: "operator", mods: 0 };
  return undefined;
}

/** One token per line: editors do not take tokens that span lines. */
function pushToken(b: SemanticTokensBuilder, t: IToken, type: number, mods: number): void {
  const lines = t.image.split(/\r\n|\r|\n/);
  let { line, character: char } = tokenStart(t);
  for (const part of lines) {
    if (part.length) b.push(line, char, part.length, type, mods);
    line++;
    char = 0;
  }
}

// The nesting limit of conditions (ISU0007). Conditions are the one recursive
// construct of the grammar: `not` and `( … )` nest without bound, and the
// parser, the AST builder, the formatter and every walk over a condition
// recurse once a level. Thousands of levels overflow the stack, so the depth
// is measured on the tokens, before anything recurses, and the too-deep part
// of a condition is kept from the parser.
import { tokenMatcher, type IToken, type TokenType } from "chevrotain";
import * as T from "./tokens.js";

/**
 * The deepest a condition may nest: each `not` and each `(` is a level.
 * Real plans use two or three; the stack survives far more than this
 * (the parser alone takes thousands of levels to overflow).
 */
export const MAX_CONDITION_NESTING = 64;

/** Tokens that may stand inside a condition; any other token ends the condition. */
const CONDITION_TOKENS: TokenType[] = [
  T.Not,
  T.LParen,
  T.RParen,
  T.And,
  T.Or,
  T.Identifier,
  T.At,
  T.Equals,
  T.NotEquals,
  T.Less,
  T.LessEq,
  T.Greater,
  T.GreaterEq,
  T.In,
  T.NumberLiteral,
  T.True,
  T.False,
  T.Comma,
  T.DotDot,
];

const inCondition = (t: IToken): boolean => CONDITION_TOKENS.some((tt) => tokenMatcher(t, tt));

export interface TooDeep {
  /** The first token beyond the limit. */
  token: IToken;
  message: string;
  /** Offsets [from, to] of the text kept from the parser (the rest of that condition). */
  from: number;
  to: number;
}

export interface NestingScan {
  /** The tokens to parse: every too-deep condition cut off at its limit. */
  tokens: IToken[];
  tooDeep: TooDeep[];
}

/**
 * Measures the nesting of every condition. A `not` adds a level for its
 * operand; a `(` adds one for what it encloses, and its `)` returns to the
 * level before it (the `not`s in front of it are then done too). Where a
 * token would go beyond the limit, it and the rest of its condition (up to
 * the next token that cannot stand in a condition, such as `}` or a keyword)
 * are left out of the parser's input; the parse errors that leaves behind
 * belong to the same problem and are dropped by the caller (see `from`/`to`).
 */
export function scanNesting(tokens: IToken[]): NestingScan {
  const tooDeep: TooDeep[] = [];
  let kept: IToken[] | undefined;
  let base = 0; // levels of the `( … )` groups around this point (and the `not`s before them)
  let nots = 0; // `not`s right before the operand being read
  const stack: number[] = [];
  let cut: TooDeep | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!inCondition(t)) {
      base = 0;
      nots = 0;
      stack.length = 0;
      if (cut) {
        cut.to = t.startOffset;
        cut = undefined;
      }
      kept?.push(t);
      continue;
    }
    if (cut) {
      cut.to = t.endOffset ?? t.startOffset;
      continue;
    }
    let level = 0;
    if (tokenMatcher(t, T.Not)) level = base + ++nots;
    else if (tokenMatcher(t, T.LParen)) {
      stack.push(base);
      base += nots + 1;
      nots = 0;
      level = base;
    } else if (tokenMatcher(t, T.RParen)) {
      base = stack.pop() ?? 0;
      nots = 0;
    } else nots = 0;
    if (level > MAX_CONDITION_NESTING) {
      kept ??= tokens.slice(0, i);
      cut = {
        token: t,
        message: `this condition nests deeper than ${MAX_CONDITION_NESTING} levels of 'not' and parentheses; the rest of it is not read`,
        from: t.startOffset,
        to: t.endOffset ?? t.startOffset,
      };
      tooDeep.push(cut);
      continue;
    }
    kept?.push(t);
  }
  if (cut) cut.to = Number.POSITIVE_INFINITY;
  return { tokens: kept ?? tokens, tooDeep };
}

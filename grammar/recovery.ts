// After the parser has recovered from an error: drop the errors that only
// follow from it, and put a "missing X" at the end of the line it belongs to.
import type { IRecognitionException, IToken } from "chevrotain";
import * as T from "./tokens.js";

/**
 * Drops follow-on errors. After recovery the next tokens may be misread too
 * (`2 b` is read as a value without a label, then `b` as a new value whose
 * label is missing): an error within two tokens of the previous error, or of
 * an unterminated text, says nothing new. One broken line then gives one message.
 */
export function withoutCascades(errors: IRecognitionException[], tokens: IToken[]): IRecognitionException[] {
  const index = new Map<IToken, number>();
  tokens.forEach((t, i) => index.set(t, i));
  const at = (t: IToken): number => index.get(t) ?? tokens.length;
  const troubled = new Set<number>();
  tokens.forEach((t, i) => {
    if (t.tokenType === T.UnterminatedString || t.tokenType === T.UnterminatedTriple) troubled.add(i);
  });
  const sorted = [...errors].sort((a, b) => at(a.token) - at(b.token));
  const out: IRecognitionException[] = [];
  for (const e of sorted) {
    const i = at(e.token);
    const cascade = troubled.has(i) || troubled.has(i - 1) || troubled.has(i - 2);
    troubled.add(i);
    if (!cascade) out.push(atEndOfLine(e, tokens[i - 1]));
  }
  return out;
}

/**
 * "expected X but found Y" where Y starts a later line than the last token
 * read: the missing X belongs at the end of that token's line, so the error
 * points there (zero width), not at the next line's first word.
 */
function atEndOfLine(e: IRecognitionException, previous: IToken | undefined): IRecognitionException {
  const t = e.token;
  if (e.message.startsWith("unexpected ") || !previous || previous.endLine === undefined || previous.endColumn === undefined || previous.endOffset === undefined) return e;
  if (Number.isFinite(t.startOffset) && t.startLine !== undefined && t.startLine <= previous.endLine) return e;
  const at: IToken = {
    ...previous,
    image: "",
    startOffset: previous.endOffset + 1,
    endOffset: previous.endOffset,
    startLine: previous.endLine,
    endLine: previous.endLine,
    startColumn: previous.endColumn + 1,
    endColumn: previous.endColumn,
  };
  return Object.assign(Object.create(Object.getPrototypeOf(e) as object) as IRecognitionException, e, { token: at, message: e.message });
}

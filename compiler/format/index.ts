// `formatIsu`: the one canonical layout of an .isu file (docs/language.md,
// "Formatting"), through the prettier plugin in prettier-plugin.ts.
import * as prettier from "prettier";
import { parseSource } from "../syntax/source.js";
import { FormatError } from "./format-error.js";
import plugin from "./prettier-plugin.js";

export { FormatError } from "./format-error.js";
export { default as isuPrettierPlugin } from "./prettier-plugin.js";

export interface FormatOptions {
  /** Line endings of the result: "lf" (the default), "crlf", or "auto" (those of the input's first line). */
  endOfLine?: "lf" | "crlf" | "auto";
}

/**
 * Prettier turns every line end into "\n" before parsing. Inside a block
 * comment a lone "\r" (an old Mac line end) is part of the comment, which the
 * formatter keeps as written, so that would change it: refuse instead. (Between
 * tokens, and in a triple-quoted text, a lone "\r" is a line end like any other.)
 */
function refuseLoneCarriageReturnInComment(text: string): void {
  if (!/\r(?!\n)/.test(text)) return;
  for (const c of parseSource("", text).comments) {
    if (c.block && /\r(?!\n)/.test(c.text)) {
      const { line, column } = c.range.start;
      throw new FormatError(
        "this comment has a carriage return without a line feed (an old Mac line end) inside it; formatting would change it, so replace it with a line break first",
        line,
        column,
        "unsafe",
      );
    }
  }
}

/** The formatted text; throws a FormatError (line, column, reason) when the text has a syntax error. */
export async function formatIsu(text: string, opts: FormatOptions = {}): Promise<string> {
  refuseLoneCarriageReturnInComment(text);
  try {
    return await prettier.format(text, { parser: "isu", plugins: [plugin], endOfLine: opts.endOfLine ?? "lf" });
  } catch (e) {
    // Prettier appends a code frame to the message; callers get the plain one.
    if (e instanceof FormatError) throw new FormatError(e.reason, e.line, e.column, e.kind);
    throw e;
  }
}

// `formatIsu`: the one canonical layout of an .isu file (docs/language.md,
// "Formatting"), through the prettier plugin in prettier-plugin.ts.
import * as prettier from "prettier";
import { FormatError } from "./format-error.js";
import plugin from "./prettier-plugin.js";

export { FormatError } from "./format-error.js";
export { default as isuPrettierPlugin } from "./prettier-plugin.js";

export interface FormatOptions {
  /** Line endings of the result: "lf" (the default), "crlf", or "auto" (those of the input's first line). */
  endOfLine?: "lf" | "crlf" | "auto";
}

/** The formatted text; throws a FormatError (line, column, reason) when the text has a syntax error. */
export async function formatIsu(text: string, opts: FormatOptions = {}): Promise<string> {
  try {
    return await prettier.format(text, { parser: "isu", plugins: [plugin], endOfLine: opts.endOfLine ?? "lf" });
  } catch (e) {
    // Prettier appends a code frame to the message; callers get the plain one.
    if (e instanceof FormatError) throw new FormatError(e.reason, e.line, e.column);
    throw e;
  }
}

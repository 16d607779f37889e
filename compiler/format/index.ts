// `formatIsu`: the one canonical layout of an .isu file (docs/language.md,
// "Formatting"), through the prettier plugin in prettier-plugin.ts.
import * as prettier from "prettier";
import type { TextLit } from "../ast.js";
import { parseSource } from "../source.js";
import { FormatError } from "./format-error.js";
import plugin from "./prettier-plugin.js";

export { FormatError } from "./format-error.js";
export { default as isuPrettierPlugin } from "./prettier-plugin.js";

export interface FormatOptions {
  /** Line endings of the result: "lf" (the default), "crlf", or "auto" (those of the input's first line). */
  endOfLine?: "lf" | "crlf" | "auto";
}

/**
 * Prettier turns every line end into "\n" before parsing. Inside a
 * triple-quoted text a lone "\r" (an old Mac line end) is part of the value,
 * and inside a block comment part of the comment, so that would change them:
 * refuse instead. (Between tokens a lone "\r" is a line break like any other.)
 */
function refuseLoneCarriageReturnInText(text: string): void {
  if (!/\r(?!\n)/.test(text)) return;
  const source = parseSource("", text);
  const check = (t: TextLit | undefined): void => {
    if (t?.triple && /\r(?!\n)/.test(text.slice(t.range.start.offset, t.range.end.offset))) {
      const { line, column } = t.range.start;
      throw new FormatError("this text has a carriage return without a line feed (an old Mac line end) inside it; formatting would change the text, so replace it with a line break first", line, column, "unsafe");
    }
  };
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (typeof o["triple"] === "boolean") check(o as unknown as TextLit);
      else for (const x of Object.values(o)) visit(x);
    }
  };
  visit(source.ast);
  for (const c of source.comments) {
    if (c.block && /\r(?!\n)/.test(c.text)) {
      const { line, column } = c.range.start;
      throw new FormatError("this comment has a carriage return without a line feed (an old Mac line end) inside it; formatting would change it, so replace it with a line break first", line, column, "unsafe");
    }
  }
}

/** The formatted text; throws a FormatError (line, column, reason) when the text has a syntax error. */
export async function formatIsu(text: string, opts: FormatOptions = {}): Promise<string> {
  refuseLoneCarriageReturnInText(text);
  try {
    return await prettier.format(text, { parser: "isu", plugins: [plugin], endOfLine: opts.endOfLine ?? "lf" });
  } catch (e) {
    // Prettier appends a code frame to the message; callers get the plain one.
    if (e instanceof FormatError) throw new FormatError(e.reason, e.line, e.column, e.kind);
    throw e;
  }
}

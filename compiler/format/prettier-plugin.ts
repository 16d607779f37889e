// A prettier plugin for .isu files: `prettier --plugin <this> plan.isu` or
// prettier.format(text, { parser: "isu", plugins: [plugin] }). The parser is
// the compiler's own (grammar/parser.ts); text with syntax errors is refused
// with a FormatError naming line and column.
import type { Parser, Plugin, SupportLanguage } from "prettier";
import { parseText, type ParseOutput } from "../../grammar/parser.js";
import { parseSource } from "../syntax/source.js";
import { FormatError } from "./format-error.js";
import { isuPrinter } from "./printer.js";
import { buildFormatTree, type FormatNode } from "./tree.js";

export const languages: SupportLanguage[] = [
  {
    name: "ISU",
    parsers: ["isu"],
    extensions: [".isu"],
    vscodeLanguageIds: ["isu"],
    linguistLanguageId: undefined as unknown as number,
  },
];

function hasSyntaxProblem(out: ParseOutput): boolean {
  return (
    out.lexErrors.length > 0 || out.parseErrors.length > 0 || out.tooDeep.length > 0 || out.tokens.some((t) => t.tokenType.name === "UnterminatedString" || t.tokenType.name === "UnterminatedTriple")
  );
}

const isuParser: Parser<FormatNode> = {
  astFormat: "isu-ast",
  parse(text) {
    const out = parseText(text);
    if (hasSyntaxProblem(out)) {
      // The checker's wording of the first problem (parseSource words lexer errors too).
      const first = parseSource("", text).syntax[0];
      if (first) throw new FormatError(first.message, first.range.start.line, first.range.start.column);
      throw new FormatError("the text does not parse", 1, 1);
    }
    return buildFormatTree(out.cst, out.comments, text);
  },
  locStart: (node) => node.start,
  locEnd: (node) => node.end,
};

export const parsers = { isu: isuParser };

export const printers = { "isu-ast": isuPrinter };

/** The canonical layout uses two spaces; a project's prettier settings may not change that. */
export const defaultOptions = { tabWidth: 2, useTabs: false };

const plugin: Plugin<FormatNode> = { languages, parsers, printers, defaultOptions };
export default plugin;

// What the parser says when a plan does not parse: each expected thing in
// words (a declaration, a value, a condition), what was found instead, and the
// hints for the usual slips (a keyword used as a name, when/where mixed up).
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import * as T from "./tokens.js";
import { BLOCK_ITEM_KEYWORDS, DECLARATION_KEYWORDS, KEYWORDS, listed } from "./keywords.js";

function describe(tt: TokenType): string {
  if (tt === EOF) return "the end of the file";
  const d = T.tokenDescriptions[tt.name];
  if (d) return d;
  const src = (tt.PATTERN as RegExp).source;
  return `'${src}'`;
}

export function shown(tok: IToken): string {
  if (tok.tokenType === EOF) return "the end of the file";
  const img = tok.image.length > 30 ? tok.image.slice(0, 27) + "…" : tok.image;
  return `'${img.replace(/\n/g, "\\n")}'`;
}

/** Each rule as the messages name what it expects. */
export const RULE_NAMES: Record<string, string> = {
  file: `a declaration (${listed(DECLARATION_KEYWORDS)})`,
  planItem: "a plan setting (organisation, version, language, min_cell, purpose, note, legal_basis, rule …)",
  timepointItem: `a time point setting (${BLOCK_ITEM_KEYWORDS.timepoint.join(", ")})`,
  valuesetItem: "a value (a code and its label in quotes)",
  valueItem: `a value setting (${BLOCK_ITEM_KEYWORDS.value.join(", ")})`,
  variableType: `a type (a value set's name, ${listed(KEYWORDS.type)})`,
  variableItem: `a variable setting (${BLOCK_ITEM_KEYWORDS.variable.join(", ")})`,
  groupItem: 'a group entry (name "label" = values or a range)',
  questionItem: `an analysis (${KEYWORDS.analysis.join(", ")}) or ${BLOCK_ITEM_KEYWORDS.question.filter((w) => !(KEYWORDS.analysis as readonly string[]).includes(w)).join(", ")}`,
  comparison: "a comparison (=, !=, <, <=, >, >=, in)",
  value: "a value (a code, a number, true or false)",
  text: 'a text in quotes ("…" or """…""")',
  range: "a range (e.g. 18..120, 80.. or ..64)",
  importDecl: 'an import path in quotes (import "./gemensamt.isu")',
  planDecl: 'a plan (plan <name> "<title>" { … })',
  timepointDecl: 'a time point (timepoint <name> "<label>")',
  valuesetDecl: 'a value set (valueset <name> "<label>" { … })',
  valueDecl: "a value (a code and its label in quotes)",
  variableDecl: 'a variable (variable <name> "<label>" : <type>)',
  groupDecl: 'a group (group <name> "<label>" from <variable> { … })',
  groupEntry: 'a group entry (name "label" = values or a range)',
  questionDecl: 'a question (question <name> "<label>" { … })',
  translation: 'a translation (label en "…")',
  definition: 'a definition (definition "…" or definition en "…")',
  classification: 'a classification code (code icf "d450", code ksi 2022 "…", code kva "…")',
  countAnalysis: "a variable or group to count",
  summaryAnalysis: "a numeric variable to summarise",
  crosstabAnalysis: "crosstab <variable> by <variable>",
  changeAnalysis: "change <variable> from <time point> to <time point>",
  attainmentAnalysis: "attainment <variable> against <goal variable>",
  splitClause: "a variable or group after 'by'",
  split: "a variable or group after 'by'",
  varRef: "a variable or group name",
  condition: "a condition (e.g. kon = kvinna, alder >= 65)",
  conjunction: "a condition (e.g. kon = kvinna, alder >= 65)",
  unary: "a condition (e.g. kon = kvinna, alder >= 65)",
};

const keywordNames = new Set(T.keywordTokens.map((t) => t.name));

/** A reserved word where a name belongs: say so, since it looks like a name. */
function keywordAsName(expected: TokenType, actual: IToken): string {
  if (expected !== T.Identifier || !keywordNames.has(actual.tokenType.name)) return "";
  return ` ('${actual.image}' is a keyword of the language and cannot be a name; use e.g. '${actual.image}_1' or a Swedish word)`;
}

/** `when` and `where` mixed up between variables and questions. */
export function misplacedWord(ruleName: string, actual: IToken): string {
  if (ruleName === "questionItem" && actual.image === "when") return " (a question restricts its population with 'where'; 'when' belongs in a variable)";
  if (ruleName === "variableItem" && actual.image === "where") return " (a variable is asked conditionally with 'when'; 'where' belongs in a question)";
  return "";
}

export const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${describe(expected)} but found ${shown(actual)}${keywordAsName(expected, actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${shown(firstRedundant)}: expected ${RULE_NAMES["file"]}`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    return `expected ${RULE_NAMES[ruleName] ?? ruleName} but found ${shown(actual[0]!)}${misplacedWord(ruleName, actual[0]!)}`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    return `expected ${RULE_NAMES[ruleName] ?? ruleName} but found ${shown(actual[0]!)}`;
  },
};

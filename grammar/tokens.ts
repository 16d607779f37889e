// Tokens of the .isu language. Keywords (the words of keywords.ts) are
// reserved words that take precedence over identifiers; a name such as
// `countries` still lexes as one identifier thanks to `longer_alt`.
import { createToken, Lexer, type TokenType } from "chevrotain";
import { ALL_KEYWORDS, type Keyword } from "./keywords.js";

// Non-ASCII letters are lexed so the checker can say "use `kon` for `kön`"
// instead of a bare lexer error. (What a valid name is: compiler/vocabulary/identifiers.ts.)
const FIRST_CHARS = "A-Za-z_\\u00C0-\\u024F";
/** The characters a name is lexed from, as the body of a regular-expression class. */
export const NAME_CHARS = "A-Za-z0-9_\\u00C0-\\u024F";

export const Identifier = createToken({
  name: "Identifier",
  pattern: new RegExp(`[${FIRST_CHARS}][${NAME_CHARS}]*`),
});

/** Every keyword token, part by part as keywords.ts lists them; used by completion and highlighting. */
export const keywordTokens: TokenType[] = [];
const byWord = new Map<string, TokenType>();
for (const word of ALL_KEYWORDS) {
  const name = word.charAt(0).toUpperCase() + word.slice(1).replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const t = createToken({ name, pattern: new RegExp(word), longer_alt: Identifier });
  keywordTokens.push(t);
  byWord.set(word, t);
}

/** The token of a keyword. */
export function keywordToken(word: Keyword): TokenType {
  return byWord.get(word)!;
}

/** The tokens of a list of keywords. */
export const keywordTokensOf = (words: readonly Keyword[]): TokenType[] => words.map(keywordToken);

export const Plan = keywordToken("plan");
export const Organisation = keywordToken("organisation");
export const Version = keywordToken("version");
export const Language = keywordToken("language");
export const Translations = keywordToken("translations");
export const Timepoints = keywordToken("timepoints");
export const MinCell = keywordToken("min_cell");
export const Expected = keywordToken("expected");
export const Purpose = keywordToken("purpose");
export const Note = keywordToken("note");
export const LegalBasis = keywordToken("legal_basis");
export const Rule = keywordToken("rule");
export const Import = keywordToken("import");
export const Timepoint = keywordToken("timepoint");
export const When = keywordToken("when");
export const Valueset = keywordToken("valueset");
export const Nominal = keywordToken("nominal");
export const Ordinal = keywordToken("ordinal");
export const Better = keywordToken("better");
export const Higher = keywordToken("higher");
export const Lower = keywordToken("lower");
export const Other = keywordToken("other");
export const Missing = keywordToken("missing");
export const Variable = keywordToken("variable");
export const At = keywordToken("at");
export const Multiple = keywordToken("multiple");
export const IntegerKw = keywordToken("integer");
export const DecimalKw = keywordToken("decimal");
export const BooleanKw = keywordToken("boolean");
export const DateKw = keywordToken("date");
export const TextKw = keywordToken("text");
export const Unit = keywordToken("unit");
export const Code = keywordToken("code");
export const Definition = keywordToken("definition");
export const Required = keywordToken("required");
export const Optional = keywordToken("optional");
export const Sensitive = keywordToken("sensitive");
export const Reason = keywordToken("reason");
export const Label = keywordToken("label");
export const Group = keywordToken("group");
export const From = keywordToken("from");
export const Question = keywordToken("question");
export const Count = keywordToken("count");
export const Summary = keywordToken("summary");
export const Crosstab = keywordToken("crosstab");
export const Change = keywordToken("change");
export const To = keywordToken("to");
export const Attainment = keywordToken("attainment");
export const Against = keywordToken("against");
export const By = keywordToken("by");
export const Where = keywordToken("where");
export const Reference = keywordToken("reference");
export const Source = keywordToken("source");
export const And = keywordToken("and");
export const Or = keywordToken("or");
export const Not = keywordToken("not");
export const In = keywordToken("in");
export const True = keywordToken("true");
export const False = keywordToken("false");

export const WhiteSpace = createToken({ name: "WhiteSpace", pattern: /[ \t\r\n\uFEFF]+/, group: Lexer.SKIPPED, line_breaks: true });
export const LineComment = createToken({ name: "LineComment", pattern: /\/\/[^\n\r]*/, group: "comments" });
export const BlockComment = createToken({ name: "BlockComment", pattern: /\/\*[\s\S]*?\*\//, group: "comments", line_breaks: true });
export const TripleString = createToken({ name: "TripleString", pattern: /"""[\s\S]*?"""/, line_breaks: true });
// A backslash escapes any character but a line end (`.` would stop at U+2028 and split the text there).
export const StringLiteral = createToken({ name: "StringLiteral", pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*"/ });
// Unterminated texts still count as texts, so the parser goes on and the one
// error is the lexical one (reported from the token list, not by the parser).
export const UnterminatedTriple = createToken({ name: "UnterminatedTriple", pattern: /"""[\s\S]*/, categories: [StringLiteral], line_breaks: true });
export const UnterminatedString = createToken({ name: "UnterminatedString", pattern: /"(?:[^"\\\n\r]|\\[^\n\r])*/, categories: [StringLiteral] });
export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: /-?\d+(?:\.\d+)?/ });
export const DotDot = createToken({ name: "DotDot", pattern: /\.\./ });
export const LBrace = createToken({ name: "LBrace", pattern: /\{/ });
export const RBrace = createToken({ name: "RBrace", pattern: /\}/ });
export const LParen = createToken({ name: "LParen", pattern: /\(/ });
export const RParen = createToken({ name: "RParen", pattern: /\)/ });
export const Comma = createToken({ name: "Comma", pattern: /,/ });
export const Colon = createToken({ name: "Colon", pattern: /:/ });
export const NotEquals = createToken({ name: "NotEquals", pattern: /!=/ });
export const LessEq = createToken({ name: "LessEq", pattern: /<=/ });
export const GreaterEq = createToken({ name: "GreaterEq", pattern: />=/ });
export const Less = createToken({ name: "Less", pattern: /</ });
export const Greater = createToken({ name: "Greater", pattern: />/ });
export const Equals = createToken({ name: "Equals", pattern: /=/ });
export const Star = createToken({ name: "Star", pattern: /\*/ });
export const Percent = createToken({ name: "Percent", pattern: /%/ });
// A hyphenated name (`unused-variable`) names a rule in `rule <name> <severity>`.
// It counts as an identifier wherever one may stand, so a hyphen in a
// declared name is reported by the identifier check rather than the lexer.
export const HyphenatedName = createToken({
  name: "HyphenatedName",
  pattern: new RegExp(`[${FIRST_CHARS}][${NAME_CHARS}]*(?:-[${NAME_CHARS}]+)+`),
  categories: [Identifier],
});

export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  TripleString,
  // Before StringLiteral, or an unclosed `"""` would lex as `""` plus an unclosed `"`.
  UnterminatedTriple,
  StringLiteral,
  UnterminatedString,
  NumberLiteral,
  DotDot,
  LBrace,
  RBrace,
  LParen,
  RParen,
  Comma,
  Colon,
  NotEquals,
  LessEq,
  GreaterEq,
  Less,
  Greater,
  Equals,
  Star,
  Percent,
  HyphenatedName,
  ...[...keywordTokens].sort((a, b) => (b.PATTERN as RegExp).source.length - (a.PATTERN as RegExp).source.length),
  Identifier,
];

/** Human names for tokens, used in parse error messages. */
export const tokenDescriptions: Record<string, string> = {
  Identifier: "a name",
  StringLiteral: 'a text in quotes ("…")',
  TripleString: 'a text in quotes ("…" or """…""")',
  NumberLiteral: "a number",
  DotDot: "'..'",
  LBrace: "'{'",
  RBrace: "'}'",
  LParen: "'('",
  RParen: "')'",
  Comma: "','",
  Colon: "':'",
  NotEquals: "'!='",
  LessEq: "'<='",
  GreaterEq: "'>='",
  Less: "'<'",
  Greater: "'>'",
  Equals: "'='",
  Star: "'*'",
  Percent: "'%'",
  EOF: "the end of the file",
};

export const isuLexer = new Lexer(allTokens, { ensureOptimizations: false, positionTracking: "full" });

// Tokens of the .isu language. Keywords are reserved words that take
// precedence over identifiers; a name such as `countries` still lexes as one
// identifier thanks to `longer_alt`.
import { createToken, Lexer, type TokenType } from "chevrotain";

export const Identifier = createToken({
  name: "Identifier",
  // Non-ASCII letters are lexed so the checker can say "use `kon` for `kön`"
  // instead of a bare lexer error.
  pattern: /[A-Za-z_\u00C0-\u024F][A-Za-z0-9_\u00C0-\u024F]*/,
});

/** Every keyword token, in declaration order; used by completion and highlighting. */
export const keywordTokens: TokenType[] = [];

function keyword(word: string): TokenType {
  const name = word.charAt(0).toUpperCase() + word.slice(1).replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const t = createToken({ name, pattern: new RegExp(word), longer_alt: Identifier });
  keywordTokens.push(t);
  return t;
}

export const Plan = keyword("plan");
export const Organisation = keyword("organisation");
export const Version = keyword("version");
export const Language = keyword("language");
export const Translations = keyword("translations");
export const Timepoints = keyword("timepoints");
export const MinCell = keyword("min_cell");
export const Expected = keyword("expected");
export const Purpose = keyword("purpose");
export const Note = keyword("note");
export const LegalBasis = keyword("legal_basis");
export const Rule = keyword("rule");
export const Import = keyword("import");
export const Timepoint = keyword("timepoint");
export const When = keyword("when");
export const Valueset = keyword("valueset");
export const Nominal = keyword("nominal");
export const Ordinal = keyword("ordinal");
export const Better = keyword("better");
export const Higher = keyword("higher");
export const Lower = keyword("lower");
export const Other = keyword("other");
export const Missing = keyword("missing");
export const Variable = keyword("variable");
export const At = keyword("at");
export const Multiple = keyword("multiple");
export const IntegerKw = keyword("integer");
export const DecimalKw = keyword("decimal");
export const BooleanKw = keyword("boolean");
export const DateKw = keyword("date");
export const TextKw = keyword("text");
export const Unit = keyword("unit");
export const Code = keyword("code");
export const Definition = keyword("definition");
export const Required = keyword("required");
export const Optional = keyword("optional");
export const Sensitive = keyword("sensitive");
export const Reason = keyword("reason");
export const Label = keyword("label");
export const Group = keyword("group");
export const From = keyword("from");
export const Question = keyword("question");
export const Count = keyword("count");
export const Summary = keyword("summary");
export const Crosstab = keyword("crosstab");
export const Change = keyword("change");
export const To = keyword("to");
export const Attainment = keyword("attainment");
export const Against = keyword("against");
export const By = keyword("by");
export const Where = keyword("where");
export const And = keyword("and");
export const Or = keyword("or");
export const Not = keyword("not");
export const In = keyword("in");
export const True = keyword("true");
export const False = keyword("false");

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
// A hyphenated name (`unused-variable`) names a rule in `rule <name> <severity>`.
// It counts as an identifier wherever one may stand, so a hyphen in a
// declared name is reported by the identifier check rather than the lexer.
export const HyphenatedName = createToken({
  name: "HyphenatedName",
  pattern: /[A-Za-z_\u00C0-\u024F][A-Za-z0-9_\u00C0-\u024F]*(?:-[A-Za-z0-9_\u00C0-\u024F]+)+/,
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
  EOF: "the end of the file",
};

export const isuLexer = new Lexer(allTokens, { ensureOptimizations: false, positionTracking: "full" });

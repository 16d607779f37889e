// The .isu parser: one CstParser instance, reused for every parse (Chevrotain's
// grammar recording is costly; the instance is cheap to re-feed).
import { CstParser, type CstNode, type IRecognitionException, type ILexingError, type IToken, type TokenType, type IParserErrorMessageProvider, EOF } from "chevrotain";
import * as T from "./tokens.js";

function describe(tt: TokenType): string {
  if (tt === EOF) return "the end of the file";
  const d = T.tokenDescriptions[tt.name];
  if (d) return d;
  const src = (tt.PATTERN as RegExp).source;
  return `'${src}'`;
}

function shown(tok: IToken): string {
  if (tok.tokenType === EOF) return "the end of the file";
  const img = tok.image.length > 30 ? tok.image.slice(0, 27) + "…" : tok.image;
  return `'${img.replace(/\n/g, "\\n")}'`;
}

const RULE_NAMES: Record<string, string> = {
  file: "a declaration (plan, import, timepoint, valueset, variable, group or question)",
  planItem: "a plan setting (organisation, version, language, min_cell, purpose, note, legal_basis, rule …)",
  timepointItem: "a time point setting (when, label, definition)",
  valuesetItem: "a value (a code and its label in quotes)",
  valueItem: "a value setting (label, definition, code)",
  variableType: "a type (a value set's name, multiple, integer, decimal, boolean, date or text)",
  variableItem: "a variable setting (definition, label, code, required, optional, sensitive, when, reason, unit)",
  groupItem: "a group entry (name \"label\" = values or a range)",
  questionItem: "an analysis (count, summary, crosstab, change, attainment) or by, where, label, note",
  comparison: "a comparison (=, !=, <, <=, >, >=, in)",
  value: "a value (a code, a number, true or false)",
  text: 'a text in quotes ("…" or """…""")',
  range: "a range (e.g. 18..120, 80.. or ..64)",
};

const messages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return `expected ${describe(expected)} but found ${shown(actual)}`;
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return `unexpected ${shown(firstRedundant)}: expected a declaration (plan, import, timepoint, valueset, variable, group or question)`;
  },
  buildNoViableAltMessage({ actual, ruleName }) {
    return `expected ${RULE_NAMES[ruleName] ?? ruleName} but found ${shown(actual[0]!)}`;
  },
  buildEarlyExitMessage({ actual, ruleName }) {
    return `expected ${RULE_NAMES[ruleName] ?? ruleName} but found ${shown(actual[0]!)}`;
  },
};

export class IsuParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messages, nodeLocationTracking: "full" });
    this.performSelfAnalysis();
  }

  public file = this.RULE("file", () => {
    this.MANY(() =>
      this.OR([
        { ALT: () => this.SUBRULE(this.importDecl) },
        { ALT: () => this.SUBRULE(this.planDecl) },
        { ALT: () => this.SUBRULE(this.timepointDecl) },
        { ALT: () => this.SUBRULE(this.valuesetDecl) },
        { ALT: () => this.SUBRULE(this.variableDecl) },
        { ALT: () => this.SUBRULE(this.groupDecl) },
        { ALT: () => this.SUBRULE(this.questionDecl) },
      ]),
    );
  });

  private text = this.RULE("text", () => {
    this.OR([{ ALT: () => this.CONSUME(T.StringLiteral) }, { ALT: () => this.CONSUME(T.TripleString) }]);
  });

  private importDecl = this.RULE("importDecl", () => {
    this.CONSUME(T.Import);
    this.CONSUME(T.StringLiteral, { LABEL: "path" });
  });

  private planDecl = this.RULE("planDecl", () => {
    this.CONSUME(T.Plan);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => this.SUBRULE(this.text, { LABEL: "label" }));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.planItem));
    this.CONSUME(T.RBrace);
  });

  private planItem = this.RULE("planItem", () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Organisation, { LABEL: "key" }); this.SUBRULE(this.text); } },
      { ALT: () => { this.CONSUME(T.Version, { LABEL: "key" }); this.SUBRULE1(this.text); } },
      { ALT: () => { this.CONSUME(T.Language, { LABEL: "key" }); this.CONSUME(T.Identifier, { LABEL: "lang" }); } },
      {
        ALT: () => {
          this.CONSUME(T.Translations, { LABEL: "key" });
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME1(T.Identifier, { LABEL: "lang" }) });
        },
      },
      { ALT: () => { this.CONSUME(T.MinCell, { LABEL: "key" }); this.CONSUME(T.NumberLiteral, { LABEL: "number" }); } },
      { ALT: () => { this.CONSUME(T.Expected, { LABEL: "key" }); this.CONSUME1(T.NumberLiteral, { LABEL: "number" }); } },
      { ALT: () => { this.CONSUME(T.Purpose, { LABEL: "key" }); this.SUBRULE2(this.text); } },
      { ALT: () => { this.CONSUME(T.Note, { LABEL: "key" }); this.SUBRULE3(this.text); } },
      { ALT: () => { this.CONSUME(T.LegalBasis, { LABEL: "key" }); this.SUBRULE4(this.text); } },
      {
        ALT: () => {
          this.CONSUME(T.Rule, { LABEL: "key" });
          this.CONSUME2(T.Identifier, { LABEL: "rule" });
          this.CONSUME3(T.Identifier, { LABEL: "severity" });
        },
      },
      { ALT: () => this.SUBRULE(this.translation) },
    ]);
  });

  /** `label en "…"`: a translation of the enclosing declaration's label. */
  private translation = this.RULE("translation", () => {
    this.CONSUME(T.Label);
    this.CONSUME(T.Identifier, { LABEL: "lang" });
    this.SUBRULE(this.text);
  });

  /** `definition "…"` or `definition en "…"`. */
  private definition = this.RULE("definition", () => {
    this.CONSUME(T.Definition);
    this.OPTION(() => this.CONSUME(T.Identifier, { LABEL: "lang" }));
    this.SUBRULE(this.text);
  });

  private timepointDecl = this.RULE("timepointDecl", () => {
    this.CONSUME(T.Timepoint);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => this.SUBRULE(this.text, { LABEL: "label" }));
    this.OPTION1(() => {
      this.CONSUME(T.LBrace);
      this.MANY(() => this.SUBRULE(this.timepointItem));
      this.CONSUME(T.RBrace);
    });
  });

  private timepointItem = this.RULE("timepointItem", () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.When); this.SUBRULE(this.text); } },
      { ALT: () => this.SUBRULE(this.translation) },
      { ALT: () => this.SUBRULE(this.definition) },
    ]);
  });

  private valuesetDecl = this.RULE("valuesetDecl", () => {
    this.CONSUME(T.Valueset);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => this.SUBRULE(this.text, { LABEL: "label" }));
    this.OPTION1(() =>
      this.OR([
        { ALT: () => this.CONSUME(T.Nominal, { LABEL: "scale" }) },
        {
          ALT: () => {
            this.CONSUME(T.Ordinal, { LABEL: "scale" });
            this.OPTION2(() => {
              this.CONSUME(T.Better);
              this.OR1([{ ALT: () => this.CONSUME(T.Higher, { LABEL: "direction" }) }, { ALT: () => this.CONSUME(T.Lower, { LABEL: "direction" }) }]);
            });
          },
        },
      ]),
    );
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.valuesetItem));
    this.CONSUME(T.RBrace);
  });

  private valuesetItem = this.RULE("valuesetItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.valueDecl) },
      { ALT: () => this.SUBRULE(this.translation) },
      { ALT: () => this.SUBRULE(this.definition) },
    ]);
  });

  private valueDecl = this.RULE("valueDecl", () => {
    this.OR([{ ALT: () => this.CONSUME(T.NumberLiteral, { LABEL: "code" }) }, { ALT: () => this.CONSUME(T.Identifier, { LABEL: "code" }) }]);
    this.SUBRULE(this.text, { LABEL: "label" });
    this.MANY(() => this.OR1([{ ALT: () => this.CONSUME(T.Other, { LABEL: "marker" }) }, { ALT: () => this.CONSUME(T.Missing, { LABEL: "marker" }) }]));
    this.OPTION(() => {
      this.CONSUME(T.LBrace);
      this.MANY1(() => this.SUBRULE(this.valueItem));
      this.CONSUME(T.RBrace);
    });
  });

  private valueItem = this.RULE("valueItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.translation) },
      { ALT: () => this.SUBRULE(this.definition) },
      { ALT: () => this.SUBRULE(this.classification) },
    ]);
  });

  /** `code icf "d450"`, `code ksi 2022 "…"`, `code kva "…"`. */
  private classification = this.RULE("classification", () => {
    this.CONSUME(T.Code);
    this.CONSUME(T.Identifier, { LABEL: "system" });
    this.OPTION(() => this.CONSUME(T.NumberLiteral, { LABEL: "version" }));
    this.CONSUME(T.StringLiteral, { LABEL: "code" });
  });

  private variableDecl = this.RULE("variableDecl", () => {
    this.CONSUME(T.Variable);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => this.SUBRULE(this.text, { LABEL: "label" }));
    this.CONSUME(T.Colon);
    this.SUBRULE(this.variableType);
    this.OPTION1(() => {
      this.CONSUME(T.At);
      this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME1(T.Identifier, { LABEL: "timepoint" }) });
    });
    this.OPTION2(() => {
      this.CONSUME(T.LBrace);
      this.MANY(() => this.SUBRULE(this.variableItem));
      this.CONSUME(T.RBrace);
    });
  });

  private variableType = this.RULE("variableType", () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Multiple, { LABEL: "kind" }); this.CONSUME(T.Identifier, { LABEL: "valueset" }); } },
      { ALT: () => this.CONSUME1(T.Identifier, { LABEL: "valueset" }) },
      { ALT: () => { this.CONSUME(T.IntegerKw, { LABEL: "kind" }); this.OPTION(() => this.SUBRULE(this.range)); } },
      { ALT: () => { this.CONSUME(T.DecimalKw, { LABEL: "kind" }); this.OPTION1(() => this.SUBRULE1(this.range)); } },
      { ALT: () => this.CONSUME(T.BooleanKw, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.DateKw, { LABEL: "kind" }) },
      { ALT: () => this.CONSUME(T.TextKw, { LABEL: "kind" }) },
    ]);
    this.OPTION2(() => {
      this.CONSUME(T.Unit);
      this.SUBRULE(this.text, { LABEL: "unit" });
    });
  });

  /** `18..120`, `80..`, `..64`. */
  private range = this.RULE("range", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.NumberLiteral, { LABEL: "low" });
          this.CONSUME(T.DotDot);
          this.OPTION(() => this.CONSUME1(T.NumberLiteral, { LABEL: "high" }));
        },
      },
      {
        ALT: () => {
          this.CONSUME1(T.DotDot);
          this.CONSUME2(T.NumberLiteral, { LABEL: "high" });
        },
      },
    ]);
  });

  private variableItem = this.RULE("variableItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.definition) },
      { ALT: () => this.SUBRULE(this.translation) },
      { ALT: () => this.SUBRULE(this.classification) },
      { ALT: () => this.CONSUME(T.Required, { LABEL: "flag" }) },
      { ALT: () => this.CONSUME(T.Optional, { LABEL: "flag" }) },
      { ALT: () => { this.CONSUME(T.Sensitive); this.CONSUME(T.Identifier, { LABEL: "category" }); } },
      { ALT: () => { this.CONSUME(T.When); this.SUBRULE(this.condition); } },
      { ALT: () => { this.CONSUME(T.Reason); this.SUBRULE(this.text, { LABEL: "reason" }); } },
      { ALT: () => { this.CONSUME(T.Unit); this.SUBRULE1(this.text, { LABEL: "unit" }); } },
    ]);
  });

  private groupDecl = this.RULE("groupDecl", () => {
    this.CONSUME(T.Group);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => this.SUBRULE(this.text, { LABEL: "label" }));
    this.CONSUME(T.From);
    this.SUBRULE(this.varRef, { LABEL: "source" });
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.groupItem));
    this.CONSUME(T.RBrace);
  });

  private groupItem = this.RULE("groupItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.translation) },
      { ALT: () => this.SUBRULE(this.groupEntry) },
    ]);
  });

  /** `[name] "label" = 65..79` or `[name] "label" = a, b`. */
  private groupEntry = this.RULE("groupEntry", () => {
    this.OPTION(() => this.CONSUME(T.Identifier, { LABEL: "name" }));
    this.SUBRULE(this.text, { LABEL: "label" });
    this.CONSUME(T.Equals);
    this.OR([
      { ALT: () => this.SUBRULE(this.range) },
      { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.value) }) },
    ]);
    this.OPTION1(() => {
      this.CONSUME(T.LBrace);
      this.MANY(() => this.SUBRULE(this.translation));
      this.CONSUME(T.RBrace);
    });
  });

  private questionDecl = this.RULE("questionDecl", () => {
    this.CONSUME(T.Question);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => this.SUBRULE(this.text, { LABEL: "label" }));
    this.CONSUME(T.LBrace);
    this.MANY(() => this.SUBRULE(this.questionItem));
    this.CONSUME(T.RBrace);
  });

  private questionItem = this.RULE("questionItem", () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.countAnalysis) },
      { ALT: () => this.SUBRULE(this.summaryAnalysis) },
      { ALT: () => this.SUBRULE(this.crosstabAnalysis) },
      { ALT: () => this.SUBRULE(this.changeAnalysis) },
      { ALT: () => this.SUBRULE(this.attainmentAnalysis) },
      { ALT: () => this.SUBRULE(this.splitClause) },
      { ALT: () => { this.CONSUME(T.Where); this.SUBRULE(this.condition); } },
      { ALT: () => this.SUBRULE(this.translation) },
      { ALT: () => { this.CONSUME(T.Note); this.SUBRULE(this.text, { LABEL: "note" }); } },
    ]);
  });

  private countAnalysis = this.RULE("countAnalysis", () => {
    this.CONSUME(T.Count);
    this.SUBRULE(this.varRef, { LABEL: "target" });
  });

  private summaryAnalysis = this.RULE("summaryAnalysis", () => {
    this.CONSUME(T.Summary);
    this.SUBRULE(this.varRef, { LABEL: "target" });
  });

  private crosstabAnalysis = this.RULE("crosstabAnalysis", () => {
    this.CONSUME(T.Crosstab);
    this.SUBRULE(this.varRef, { LABEL: "target" });
    this.CONSUME(T.By);
    this.SUBRULE1(this.varRef, { LABEL: "other" });
  });

  private changeAnalysis = this.RULE("changeAnalysis", () => {
    this.CONSUME(T.Change);
    this.CONSUME(T.Identifier, { LABEL: "variable" });
    this.CONSUME(T.From);
    this.CONSUME1(T.Identifier, { LABEL: "from" });
    this.CONSUME(T.To);
    this.CONSUME2(T.Identifier, { LABEL: "to" });
  });

  private attainmentAnalysis = this.RULE("attainmentAnalysis", () => {
    this.CONSUME(T.Attainment);
    this.SUBRULE(this.varRef, { LABEL: "target" });
    this.CONSUME(T.Against);
    this.SUBRULE1(this.varRef, { LABEL: "goal" });
  });

  /** `by kon, aldersgrupp` (two splits) or `by kon * aldersgrupp` (one combined split). */
  private splitClause = this.RULE("splitClause", () => {
    this.CONSUME(T.By);
    this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.split) });
  });

  private split = this.RULE("split", () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Star, DEF: () => this.SUBRULE(this.varRef, { LABEL: "part" }) });
  });

  /** A variable or group, optionally at a time point: `forflyttning at bedomning`. */
  private varRef = this.RULE("varRef", () => {
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => {
      this.CONSUME(T.At);
      this.CONSUME1(T.Identifier, { LABEL: "timepoint" });
    });
  });

  private condition = this.RULE("condition", () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.Or, DEF: () => this.SUBRULE(this.conjunction, { LABEL: "part" }) });
  });

  private conjunction = this.RULE("conjunction", () => {
    this.AT_LEAST_ONE_SEP({ SEP: T.And, DEF: () => this.SUBRULE(this.unary, { LABEL: "part" }) });
  });

  private unary = this.RULE("unary", () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.Not); this.SUBRULE(this.unary, { LABEL: "negated" }); } },
      { ALT: () => { this.CONSUME(T.LParen); this.SUBRULE(this.condition, { LABEL: "inner" }); this.CONSUME(T.RParen); } },
      { ALT: () => this.SUBRULE(this.comparison) },
    ]);
  });

  private comparison = this.RULE("comparison", () => {
    this.SUBRULE(this.varRef, { LABEL: "subject" });
    this.OR([
      {
        ALT: () => {
          this.OR1([{ ALT: () => this.CONSUME(T.Equals, { LABEL: "op" }) }, { ALT: () => this.CONSUME(T.NotEquals, { LABEL: "op" }) }]);
          this.SUBRULE(this.value);
        },
      },
      {
        ALT: () => {
          this.OR2([
            { ALT: () => this.CONSUME(T.Less, { LABEL: "op" }) },
            { ALT: () => this.CONSUME(T.LessEq, { LABEL: "op" }) },
            { ALT: () => this.CONSUME(T.Greater, { LABEL: "op" }) },
            { ALT: () => this.CONSUME(T.GreaterEq, { LABEL: "op" }) },
          ]);
          this.CONSUME(T.NumberLiteral, { LABEL: "number" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.In, { LABEL: "op" });
          this.OR3([
            {
              ALT: () => {
                this.CONSUME(T.LParen);
                this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE1(this.value) });
                this.CONSUME(T.RParen);
              },
            },
            { ALT: () => this.SUBRULE(this.range) },
          ]);
        },
      },
    ]);
  });

  private value = this.RULE("value", () => {
    this.OR([
      { ALT: () => this.CONSUME(T.NumberLiteral, { LABEL: "v" }) },
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "v" }) },
      { ALT: () => this.CONSUME(T.True, { LABEL: "v" }) },
      { ALT: () => this.CONSUME(T.False, { LABEL: "v" }) },
    ]);
  });
}

/** The one parser instance. */
export const parser = new IsuParser();

export interface ParseOutput {
  cst: CstNode;
  tokens: IToken[];
  comments: IToken[];
  lexErrors: ILexingError[];
  parseErrors: IRecognitionException[];
}

export function parseText(text: string): ParseOutput {
  const lexed = T.isuLexer.tokenize(text);
  parser.input = lexed.tokens;
  const cst = parser.file();
  return {
    cst,
    tokens: lexed.tokens,
    comments: (lexed.groups["comments"] as IToken[] | undefined) ?? [],
    lexErrors: lexed.errors,
    parseErrors: parser.errors.slice(),
  };
}

// The .isu parser: one CstParser instance, reused for every parse (Chevrotain's
// grammar recording is costly; the instance is cheap to re-feed).
import { CstParser, type CstNode, type IRecognitionException, type ILexingError, type IToken, type TokenType, EOF, MismatchedTokenException, tokenMatcher } from "chevrotain";
import * as T from "./tokens.js";
import { BLOCK_ITEM_KEYWORDS, DECLARATION_KEYWORDS } from "./keywords.js";
import { scanNesting, type TooDeep } from "./nesting.js";
import { messages, misplacedWord, RULE_NAMES, shown } from "./messages.js";
import { withoutCascades } from "./recovery.js";

/** Tokens that begin a declaration; a block missing its `}` ends at one of them. */
export const DECLARATION_STARTS: TokenType[] = T.keywordTokensOf(DECLARATION_KEYWORDS);

/**
 * Tokens that begin an item of each kind of block (the first tokens of the
 * item rules below): the block's item keywords, and the code or name that
 * begins a value or a group entry. test/parser.test.ts holds them to the rules.
 */
export const ITEM_STARTS = {
  plan: T.keywordTokensOf(BLOCK_ITEM_KEYWORDS.plan),
  timepoint: T.keywordTokensOf(BLOCK_ITEM_KEYWORDS.timepoint),
  valueset: [T.NumberLiteral, T.Identifier, ...T.keywordTokensOf(BLOCK_ITEM_KEYWORDS.valueset)],
  value: T.keywordTokensOf(BLOCK_ITEM_KEYWORDS.value),
  variable: T.keywordTokensOf(BLOCK_ITEM_KEYWORDS.variable),
  group: [...T.keywordTokensOf(BLOCK_ITEM_KEYWORDS.group), T.Identifier, T.StringLiteral, T.TripleString],
  groupEntry: T.keywordTokensOf(BLOCK_ITEM_KEYWORDS.groupEntry),
  question: T.keywordTokensOf(BLOCK_ITEM_KEYWORDS.question),
} satisfies Record<string, TokenType[]>;

const BLOCK_ITEM: Record<keyof typeof ITEM_STARTS, string> = {
  plan: RULE_NAMES["planItem"]!,
  timepoint: RULE_NAMES["timepointItem"]!,
  valueset: RULE_NAMES["valuesetItem"]!,
  value: RULE_NAMES["valueItem"]!,
  variable: RULE_NAMES["variableItem"]!,
  group: RULE_NAMES["groupItem"]!,
  groupEntry: RULE_NAMES["translation"]!,
  question: RULE_NAMES["questionItem"]!,
};

/** The items of blocks: a failure inside one is recovered within its block. */
const ITEM_RULES = new Set(["planItem", "timepointItem", "valuesetItem", "valueDecl", "valueItem", "variableItem", "groupItem", "groupEntry", "questionItem", "translation"]);

const real = (t: IToken): boolean => !t.isInsertedInRecovery && Number.isFinite(t.startOffset);

const matchesAny = (t: IToken, types: TokenType[]): boolean => types.some((tt) => tokenMatcher(t, tt));

export class IsuParser extends CstParser {
  constructor() {
    super(T.allTokens, { recoveryEnabled: true, maxLookahead: 3, errorMessageProvider: messages, nodeLocationTracking: "full" });
    this.performSelfAnalysis();
    // Stray text inside a block is skipped by blockGoesOn (one error a run);
    // Chevrotain's own repetition re-sync would skip the same text again.
    (this as unknown as { attemptInRepetitionRecovery: () => void }).attemptInRepetitionRecovery = () => {};
  }

  /**
   * The loop condition of every `{ … }` block (and of the file). It skips text
   * that cannot begin an item, reporting one error for the run (a `{ … }` in it
   * is skipped whole), and says whether an item follows. A block also ends,
   * for recovery only, at a declaration keyword or at a token on a later line
   * that is indented no deeper than the line that opened it: there the `}` was
   * most likely forgotten, and the enclosing block goes on. Valid text is never
   * affected: an item is recognised before indentation is looked at.
   */
  private blockGoesOn(open: IToken | undefined, kind: keyof typeof ITEM_STARTS | "file"): boolean {
    const starts = kind === "file" ? DECLARATION_STARTS : ITEM_STARTS[kind];
    const indent = open ? this.lineIndent(open) : 0;
    let first: IToken | undefined;
    for (;;) {
      const t = this.LA(1);
      if (t.tokenType === EOF) break;
      const prev = this.LA(0);
      // The rest of a line that went wrong is skipped with it, up to a `}`
      // that can close this block (one standing first on its line, or on the
      // line that opened the block).
      const restOfBrokenLine = first !== undefined && prev.startLine === t.startLine;
      if (restOfBrokenLine) {
        if (matchesAny(t, DECLARATION_STARTS)) break;
        if (t.tokenType === T.RBrace && kind !== "file" && open && real(open) && open.startLine === t.startLine) break;
      } else {
        if (matchesAny(t, starts)) break;
        if (kind !== "file") {
          if (t.tokenType === T.RBrace || matchesAny(t, DECLARATION_STARTS)) break;
          if (open && real(open) && t.startLine! > open.startLine! && (t.startColumn ?? 1) <= indent) break;
        }
      }
      first ??= t;
      // A stray `{` on the line that opened the block (or after a `{` the parser
      // had to supply) is most likely the block's own brace, typed twice or
      // late: skip it alone. Elsewhere it opens a broken item: skip it whole.
      const own = !open || !real(open) || t.startLine === open.startLine;
      if (t.tokenType === T.LBrace && !own) this.skipBalanced();
      else this.SKIP_TOKEN();
    }
    if (first) {
      const expected = kind === "file" ? RULE_NAMES["file"]! : BLOCK_ITEM[kind];
      (this as unknown as { SAVE_ERROR(e: Error): void }).SAVE_ERROR(
        new MismatchedTokenException(`unexpected ${shown(first)}: expected ${expected}${misplacedWord(`${kind}Item`, first)}`, first, this.LA(0)),
      );
    }
    const next = this.LA(1);
    return next.tokenType !== EOF && matchesAny(next, starts);
  }

  /** Skips a `{ … }` run of stray text up to and including its matching `}`. */
  private skipBalanced(): void {
    let depth = 0;
    do {
      const t = this.LA(1);
      if (t.tokenType === EOF) return;
      if (t.tokenType === T.LBrace) depth++;
      else if (t.tokenType === T.RBrace) depth--;
      this.SKIP_TOKEN();
    } while (depth > 0);
  }

  /**
   * Rule-level recovery (Chevrotain re-syncs a failed rule by skipping to a
   * token that may follow it) knows nothing of braces and may skip out of a
   * block. A failed block item therefore stops where it failed, and the
   * block's loop (blockGoesOn) skips the rest of the broken item.
   */
  findReSyncTokenType(): TokenType {
    if (ITEM_RULES.has(this.currentRule())) return this.LA(1).tokenType;
    return (CstParser.prototype as unknown as { findReSyncTokenType(this: IsuParser): TokenType }).findReSyncTokenType.call(this);
  }

  isInCurrentRuleReSyncSet(tokenType: TokenType): boolean {
    if (ITEM_RULES.has(this.currentRule())) return true;
    return (CstParser.prototype as unknown as { isInCurrentRuleReSyncSet(this: IsuParser, t: TokenType): boolean }).isInCurrentRuleReSyncSet.call(this, tokenType);
  }

  private currentRule(): string {
    return (this as unknown as { getCurrRuleFullName(): string }).getCurrRuleFullName();
  }

  private indents = new WeakMap<IToken, number>();

  /** The column of the first token on the line of `tok` (a block's `{`, just consumed when first asked). */
  private lineIndent(tok: IToken): number {
    const cached = this.indents.get(tok);
    if (cached !== undefined) return cached;
    const tokens = this.input;
    const here = (this as unknown as { exportLexerState(): number }).exportLexerState();
    let i = tokens[here] === tok ? here : tokens.indexOf(tok);
    let indent = tok.startColumn ?? 1;
    if (i >= 0) {
      while (i > 0 && tokens[i - 1]!.startLine === tok.startLine) i--;
      indent = tokens[i]!.startColumn ?? 1;
    }
    this.indents.set(tok, indent);
    return indent;
  }

  public file = this.RULE("file", () => {
    this.MANY({
      GATE: () => this.blockGoesOn(undefined, "file"),
      DEF: () =>
        this.OR([
          { ALT: () => this.SUBRULE(this.importDecl) },
          { ALT: () => this.SUBRULE(this.planDecl) },
          { ALT: () => this.SUBRULE(this.timepointDecl) },
          { ALT: () => this.SUBRULE(this.valuesetDecl) },
          { ALT: () => this.SUBRULE(this.variableDecl) },
          { ALT: () => this.SUBRULE(this.groupDecl) },
          { ALT: () => this.SUBRULE(this.questionDecl) },
        ]),
    });
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
    const open = this.CONSUME(T.LBrace);
    this.MANY({ GATE: () => this.blockGoesOn(open, "plan"), DEF: () => this.SUBRULE(this.planItem) });
    this.CONSUME(T.RBrace);
  });

  private planItem = this.RULE("planItem", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Organisation, { LABEL: "key" });
          this.SUBRULE(this.text);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Version, { LABEL: "key" });
          this.SUBRULE1(this.text);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Language, { LABEL: "key" });
          this.CONSUME(T.Identifier, { LABEL: "lang" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Translations, { LABEL: "key" });
          this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.CONSUME1(T.Identifier, { LABEL: "lang" }) });
        },
      },
      {
        // The order of the time points, first to last (else: declaration order).
        ALT: () => {
          this.CONSUME(T.Timepoints, { LABEL: "key" });
          this.AT_LEAST_ONE_SEP1({ SEP: T.Comma, DEF: () => this.CONSUME4(T.Identifier, { LABEL: "timepoint" }) });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.MinCell, { LABEL: "key" });
          this.CONSUME(T.NumberLiteral, { LABEL: "number" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Expected, { LABEL: "key" });
          this.CONSUME1(T.NumberLiteral, { LABEL: "number" });
        },
      },
      // An optional language code makes the text a translation: `purpose en """…"""`.
      {
        ALT: () => {
          this.CONSUME(T.Purpose, { LABEL: "key" });
          this.OPTION(() => this.CONSUME5(T.Identifier, { LABEL: "lang" }));
          this.SUBRULE2(this.text);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Note, { LABEL: "key" });
          this.OPTION1(() => this.CONSUME6(T.Identifier, { LABEL: "lang" }));
          this.SUBRULE3(this.text);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LegalBasis, { LABEL: "key" });
          this.OPTION2(() => this.CONSUME7(T.Identifier, { LABEL: "lang" }));
          this.SUBRULE4(this.text);
        },
      },
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
      const open = this.CONSUME(T.LBrace);
      this.MANY({ GATE: () => this.blockGoesOn(open, "timepoint"), DEF: () => this.SUBRULE(this.timepointItem) });
      this.CONSUME(T.RBrace);
    });
  });

  private timepointItem = this.RULE("timepointItem", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.When);
          this.OPTION(() => this.CONSUME(T.Identifier, { LABEL: "lang" }));
          this.SUBRULE(this.text);
        },
      },
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
    const open = this.CONSUME(T.LBrace);
    this.MANY({ GATE: () => this.blockGoesOn(open, "valueset"), DEF: () => this.SUBRULE(this.valuesetItem) });
    this.CONSUME(T.RBrace);
  });

  private valuesetItem = this.RULE("valuesetItem", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.valueDecl) }, { ALT: () => this.SUBRULE(this.translation) }, { ALT: () => this.SUBRULE(this.definition) }]);
  });

  private valueDecl = this.RULE("valueDecl", () => {
    this.OR([{ ALT: () => this.CONSUME(T.NumberLiteral, { LABEL: "code" }) }, { ALT: () => this.CONSUME(T.Identifier, { LABEL: "code" }) }]);
    this.SUBRULE(this.text, { LABEL: "label" });
    this.MANY(() => this.OR1([{ ALT: () => this.CONSUME(T.Other, { LABEL: "marker" }) }, { ALT: () => this.CONSUME(T.Missing, { LABEL: "marker" }) }]));
    this.OPTION(() => {
      const open = this.CONSUME(T.LBrace);
      this.MANY1({ GATE: () => this.blockGoesOn(open, "value"), DEF: () => this.SUBRULE(this.valueItem) });
      this.CONSUME(T.RBrace);
    });
  });

  private valueItem = this.RULE("valueItem", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.translation) }, { ALT: () => this.SUBRULE(this.definition) }, { ALT: () => this.SUBRULE(this.classification) }]);
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
      const open = this.CONSUME(T.LBrace);
      this.MANY({ GATE: () => this.blockGoesOn(open, "variable"), DEF: () => this.SUBRULE(this.variableItem) });
      this.CONSUME(T.RBrace);
    });
  });

  private variableType = this.RULE("variableType", () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Multiple, { LABEL: "kind" });
          this.CONSUME(T.Identifier, { LABEL: "valueset" });
        },
      },
      { ALT: () => this.CONSUME1(T.Identifier, { LABEL: "valueset" }) },
      {
        ALT: () => {
          this.CONSUME(T.IntegerKw, { LABEL: "kind" });
          this.OPTION(() => this.SUBRULE(this.range));
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.DecimalKw, { LABEL: "kind" });
          this.OPTION1(() => this.SUBRULE1(this.range));
        },
      },
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
      {
        ALT: () => {
          this.CONSUME(T.Sensitive);
          this.CONSUME(T.Identifier, { LABEL: "category" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.When);
          this.SUBRULE(this.condition);
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Reason);
          this.OPTION(() => this.CONSUME1(T.Identifier, { LABEL: "lang" }));
          this.SUBRULE(this.text, { LABEL: "reason" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.Unit);
          this.OPTION1(() => this.CONSUME2(T.Identifier, { LABEL: "lang" }));
          this.SUBRULE1(this.text, { LABEL: "unit" });
        },
      },
    ]);
  });

  private groupDecl = this.RULE("groupDecl", () => {
    this.CONSUME(T.Group);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => this.SUBRULE(this.text, { LABEL: "label" }));
    this.CONSUME(T.From);
    this.SUBRULE(this.varRef, { LABEL: "source" });
    const open = this.CONSUME(T.LBrace);
    this.MANY({ GATE: () => this.blockGoesOn(open, "group"), DEF: () => this.SUBRULE(this.groupItem) });
    this.CONSUME(T.RBrace);
  });

  private groupItem = this.RULE("groupItem", () => {
    this.OR([{ ALT: () => this.SUBRULE(this.translation) }, { ALT: () => this.SUBRULE(this.groupEntry) }]);
  });

  /** `[name] "label" = 65..79` or `[name] "label" = a, b`. */
  private groupEntry = this.RULE("groupEntry", () => {
    this.OPTION(() => this.CONSUME(T.Identifier, { LABEL: "name" }));
    this.SUBRULE(this.text, { LABEL: "label" });
    this.CONSUME(T.Equals);
    this.OR([{ ALT: () => this.SUBRULE(this.range) }, { ALT: () => this.AT_LEAST_ONE_SEP({ SEP: T.Comma, DEF: () => this.SUBRULE(this.value) }) }]);
    this.OPTION1(() => {
      const open = this.CONSUME(T.LBrace);
      this.MANY({ GATE: () => this.blockGoesOn(open, "groupEntry"), DEF: () => this.SUBRULE(this.translation) });
      this.CONSUME(T.RBrace);
    });
  });

  private questionDecl = this.RULE("questionDecl", () => {
    this.CONSUME(T.Question);
    this.CONSUME(T.Identifier, { LABEL: "name" });
    this.OPTION(() => this.SUBRULE(this.text, { LABEL: "label" }));
    const open = this.CONSUME(T.LBrace);
    this.MANY({ GATE: () => this.blockGoesOn(open, "question"), DEF: () => this.SUBRULE(this.questionItem) });
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
      {
        ALT: () => {
          this.CONSUME(T.Where);
          this.SUBRULE(this.condition);
        },
      },
      { ALT: () => this.SUBRULE(this.translation) },
      {
        ALT: () => {
          this.CONSUME(T.Note);
          this.SUBRULE(this.text, { LABEL: "note" });
        },
      },
      { ALT: () => this.SUBRULE(this.referenceItem) },
    ]);
  });

  /**
   * `reference 60 % "Riket 2024" source "…"`: the level to relate the result to;
   * `reference en "Sweden 2024" source "…"` translates its label and source.
   */
  private referenceItem = this.RULE("referenceItem", () => {
    this.CONSUME(T.Reference);
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.NumberLiteral, { LABEL: "value" });
          this.OPTION(() => this.CONSUME(T.Percent, { LABEL: "percent" }));
        },
      },
      { ALT: () => this.CONSUME(T.Identifier, { LABEL: "lang" }) },
    ]);
    this.SUBRULE(this.text, { LABEL: "label" });
    this.OPTION1(() => {
      this.CONSUME(T.Source);
      this.SUBRULE1(this.text, { LABEL: "source" });
    });
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
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.unary, { LABEL: "negated" });
        },
      },
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.condition, { LABEL: "inner" });
          this.CONSUME(T.RParen);
        },
      },
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
  /** Conditions nested beyond the limit (ISU0007); the parser did not see their deep part. */
  tooDeep: TooDeep[];
}

export function parseText(text: string): ParseOutput {
  const lexed = T.isuLexer.tokenize(text);
  // Before the parser recurses: a too-deep condition would overflow the stack.
  const nesting = scanNesting(lexed.tokens);
  parser.input = nesting.tokens;
  const cst = parser.file();
  // What the parser says where a condition was cut off is the nesting problem itself.
  const inCut = (e: IRecognitionException): boolean => {
    const at = Number.isFinite(e.token.startOffset) ? e.token.startOffset : Number.POSITIVE_INFINITY;
    return nesting.tooDeep.some((d) => at >= d.from && at <= d.to);
  };
  const errors = nesting.tooDeep.length ? parser.errors.filter((e) => !inCut(e)) : parser.errors;
  return {
    cst,
    tokens: lexed.tokens,
    comments: (lexed.groups["comments"] as IToken[] | undefined) ?? [],
    lexErrors: lexed.errors,
    parseErrors: withoutCascades(errors, lexed.tokens),
    tooDeep: nesting.tooDeep,
  };
}

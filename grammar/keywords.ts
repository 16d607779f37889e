// The keywords of the .isu language, each written down once, grouped by the
// part they play. The lexer makes one token of each word (tokens.ts); the
// parser's recovery, completion, the incremental parse cache and the TextMate
// grammar's test all read their lists from here.

const ANALYSES = ["count", "summary", "crosstab", "change", "attainment"] as const;
const CLAUSES = ["by", "where", "at", "from", "to", "against", "source"] as const;

/**
 * The keywords that begin an item of each kind of block, in the order
 * completion offers them. (A value set's values and a group's entries begin
 * with a code or a name, which the parser adds.) Every word here that is not
 * an analysis or a clause is a setting keyword.
 */
export const BLOCK_ITEM_KEYWORDS = {
  plan: ["organisation", "version", "language", "translations", "timepoints", "min_cell", "expected", "purpose", "note", "legal_basis", "rule", "label"],
  timepoint: ["when", "label", "definition"],
  valueset: ["label", "definition"],
  value: ["label", "definition", "code"],
  variable: ["definition", "label", "code", "required", "optional", "sensitive", "when", "reason", "unit"],
  group: ["label"],
  groupEntry: ["label"],
  question: [...ANALYSES, "by", "where", "label", "note", "reference"],
} as const;

export type BlockKind = keyof typeof BLOCK_ITEM_KEYWORDS;
type ItemWord = (typeof BLOCK_ITEM_KEYWORDS)[BlockKind][number];
type SettingWord = Exclude<ItemWord, (typeof ANALYSES)[number] | (typeof CLAUSES)[number]>;

const notSetting = new Set<string>([...ANALYSES, ...CLAUSES]);
const SETTINGS = [...new Set<ItemWord>(Object.values(BLOCK_ITEM_KEYWORDS).flat())].filter((w): w is SettingWord => !notSetting.has(w));

/** Every keyword by its part; the TextMate grammar has one scope for each part. */
export const KEYWORDS = {
  /** Begins a top-level declaration; never stands inside a block. */
  declaration: ["plan", "import", "timepoint", "valueset", "variable", "group", "question"] as const,
  /** Begins a setting inside a block (from BLOCK_ITEM_KEYWORDS). */
  setting: SETTINGS as readonly SettingWord[],
  scale: ["nominal", "ordinal", "better", "higher", "lower"] as const,
  /** Marks a value of a value set. */
  marker: ["other", "missing"] as const,
  type: ["multiple", "integer", "decimal", "boolean", "date", "text"] as const,
  analysis: ANALYSES,
  clause: CLAUSES,
  logical: ["and", "or", "not"] as const,
  membership: ["in"] as const,
  boolean: ["true", "false"] as const,
};

export type KeywordPart = keyof typeof KEYWORDS;
export type Keyword = (typeof KEYWORDS)[KeywordPart][number];

/** Every keyword, part by part. */
export const ALL_KEYWORDS: readonly Keyword[] = Object.values(KEYWORDS).flat();

const ALL = new Set<string>(ALL_KEYWORDS);

/** Whether a word is reserved (and so cannot be a name). */
export function isKeyword(word: string): word is Keyword {
  return ALL.has(word);
}

/** The declaration keywords, in the order completion offers them and messages list them. */
export const DECLARATION_KEYWORDS: readonly Keyword[] = KEYWORDS.declaration;

/** `a, b, c or d`, as the parser's messages list keywords. */
export function listed(words: readonly string[]): string {
  return words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}

// The small interface every SQL dialect implements: one dialect a file.
// DDL and query generators speak only through it.
import { NAME_CHARS } from "../../../grammar/tokens.js";

export interface Dialect {
  name: "sqlite" | "postgres" | "mssql" | "duckdb";
  /** The engine's name as people write it, in scripts and messages. */
  title: string;
  /** A quoted identifier: "x" or [x]; refuses anything but a plan name (checkName). */
  quote(identifier: string): string;
  /**
   * A string literal with every quote escaped; N'…' on SQL Server for Unicode.
   * A text with characters from UNSAFE_CHARS is a parenthesised concatenation
   * of literals and character-function calls, never a raw control character.
   */
  string(value: string): string;
  /** A comment that cannot be closed early by the text it carries. */
  comment(text: string): string;
  types: {
    integer: string;
    decimal: string;
    boolean: string;
    date: string;
    text: string;
    /** A short code or key (value-set codes, the pseudonymous key). */
    code: string;
    timestamp: string;
  };
  /** Statement separator line after each statement (GO on SQL Server is not used: plain ';'). */
  terminator: string;
  /** Casts an integer expression so that division gives a fraction. */
  toDecimal(expr: string): string;
  /** A date expression as the whole number YYYYMMDD (NULL stays NULL), so that an integer column can carry it portably. */
  dayNumber(expr: string): string;
  // ---- Members the DDL generator needs (compiler/generate/ddl/index.ts).
  /** A boolean literal: TRUE/FALSE, or 1/0 where booleans are integers or bits. */
  booleanLiteral(value: boolean): string;
  /**
   * A CHECK condition for what the column type alone does not enforce (SQLite
   * stores any value in any column), or undefined. Passes for NULL.
   */
  typeCheck(column: string, kind: "integer" | "decimal" | "boolean" | "date"): string | undefined;
  /**
   * The CHECK conditions on the pseudonymous key, rendered from the one rule in
   * compiler/sql/key.ts: `wellFormed` (length and characters) and
   * `notPersonnummer` (the shape after separators are removed). Each holds
   * exactly when the record schema's pattern does.
   */
  keyChecks(column: string): { wellFormed: string; notPersonnummer: string };
  /** Statements that store a description of a table in the database catalog; [] where the engine has none. */
  describeTable(table: string, text: string): string[];
  /** Statements that store a description of a column in the database catalog; [] where the engine has none. */
  describeColumn(table: string, column: string, text: string): string[];
  /** A statement that makes the client read the rest of the script as UTF-8, where the client encoding can differ; first in every script. */
  clientEncoding?: string;
  /** False where foreign keys cannot be ON DELETE CASCADE (DuckDB); undefined where they can. */
  deleteCascade?: false;
  /** Statements around a script so that it applies all or nothing. */
  script: { begin: string[]; commit: string[] };
  /** Longest identifier the engine keeps whole (PostgreSQL cuts longer ones to 63 bytes); undefined when there is no practical limit. */
  maxIdentifierBytes?: number;
}

/**
 * Characters no plan text may carry raw into a script: C0 and C1 controls
 * (NUL ends a line for sqlite3 and psql, CR and LF end one everywhere), DEL,
 * and the Unicode line and paragraph separators. String literals spell them
 * with the dialect's character function; comments replace them.
 */
export const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/**
 * A text cut into runs that may stand inside a quoted literal and the code
 * points that must not. NUL, which PostgreSQL cannot store, becomes U+FFFD in
 * every dialect so that all three hold the same text. `extra` marks further
 * positions a dialect's client reads specially (sqlcmd's `$(`).
 */
export function literalParts(value: string, extra?: RegExp): (string | number)[] {
  const text = value.replace(/\u0000/g, "\uFFFD");
  const parts: (string | number)[] = [];
  const pattern = new RegExp(`${UNSAFE_CHARS.source}${extra ? `|${extra.source}` : ""}`, "g");
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    parts.push(m[0].codePointAt(0)!);
    last = m.index + m[0].length;
  }
  if (last < text.length || parts.length === 0) parts.push(text.slice(last));
  return parts;
}

/**
 * `--` comments, one per line. Line breaks of any kind start a new comment
 * line; other control characters become U+FFFD, so no text can end the
 * comment early or reach the next line (a `\` meta-command, `GO`, a dot command).
 */
export function lineComment(text: string, extra?: (line: string) => string): string {
  return text
    .replace(/\r\n?|[\n\u000b\u000c\u0085\u2028\u2029]/g, "\n")
    .split("\n")
    .map((l) => l.replace(/\t/g, " ").replace(UNSAFE_CHARS, "\uFFFD"))
    .map((l) => `-- ${extra ? extra(l) : l}`.trimEnd())
    .join("\n");
}

/**
 * A name as the engines see it: the plan language's identifiers (letters,
 * digits, `_`). Anything else reaching a generator is refused, so a model built
 * around the checker cannot put a quote or a line break into a name.
 */
const LEXED_NAME = new RegExp(`^[${NAME_CHARS}]+$`);

export function checkName(name: string): string {
  if (!LEXED_NAME.test(name)) throw new Error(`cannot write the name ${JSON.stringify(name)} into SQL: names are letters, digits and _`);
  return name;
}

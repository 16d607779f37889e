// The small interface every SQL dialect implements: one dialect a file.
// DDL and query generators speak only through it.

export interface Dialect {
  name: "sqlite" | "postgres" | "mssql";
  /** A quoted identifier: "x" or [x]. */
  quote(identifier: string): string;
  /** A string literal with every quote escaped; N'…' on SQL Server for Unicode. */
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
  // ---- Members the DDL generator needs (compiler/generate/ddl.ts).
  /** A boolean literal: TRUE/FALSE, or 1/0 where booleans are integers or bits. */
  booleanLiteral(value: boolean): string;
  /**
   * A CHECK condition for what the column type alone does not enforce (SQLite
   * stores any value in any column), or undefined. Passes for NULL.
   */
  typeCheck(column: string, kind: "integer" | "decimal" | "boolean" | "date"): string | undefined;
  /** True when the whole of `expr` matches `shape`: `#` is one digit, any other character stands for itself. */
  matchesShape(expr: string, shape: string): string;
  /** Statements that store a description of a table in the database catalog; [] where the engine has none. */
  describeTable(table: string, text: string): string[];
  /** Statements that store a description of a column in the database catalog; [] where the engine has none. */
  describeColumn(table: string, column: string, text: string): string[];
  /** Statements around a script so that it applies all or nothing. */
  script: { begin: string[]; commit: string[] };
  /** Longest identifier the engine keeps whole (PostgreSQL cuts longer ones to 63 bytes); undefined when there is no practical limit. */
  maxIdentifierBytes?: number;
}

/** `--` comments, one per line; safe for any text (no block comment to close). */
export function lineComment(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => `-- ${l}`.trimEnd())
    .join("\n");
}

/**
 * Rewrites a `matchesShape` shape into a dialect's pattern: each `#` becomes
 * `digit`, every other character goes through `literal` (which escapes it).
 */
export function shapePattern(shape: string, digit: string, literal: (c: string) => string): string {
  return [...shape].map((c) => (c === "#" ? digit : literal(c))).join("");
}

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
}

/** `--` comments, one per line; safe for any text (no block comment to close). */
export function lineComment(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => `-- ${l}`.trimEnd())
    .join("\n");
}

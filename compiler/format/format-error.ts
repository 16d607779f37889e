// The error `formatIsu` throws for text it cannot format: a syntax error,
// named by line and column. Text with syntax errors is never reformatted,
// since the formatter would have to guess what was meant.
export class FormatError extends Error {
  /** Prettier shows a code frame for errors that carry `loc`. */
  readonly loc: { start: { line: number; column: number } };

  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`syntax error at line ${line}, column ${column}: ${reason}`);
    this.name = "FormatError";
    this.loc = { start: { line, column } };
  }
}

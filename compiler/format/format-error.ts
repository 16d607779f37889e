// The error `formatIsu` throws for text it cannot format, named by line and
// column: a syntax error (never reformatted, since the formatter would have
// to guess what was meant), or text whose value formatting would change.
export class FormatError extends Error {
  /** Prettier shows a code frame for errors that carry `loc`. */
  readonly loc: { start: { line: number; column: number } };

  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
    readonly kind: "syntax" | "unsafe" = "syntax",
  ) {
    super(`${kind === "syntax" ? "syntax error" : "cannot format"} at line ${line}, column ${column}: ${reason}`);
    this.name = "FormatError";
    this.loc = { start: { line, column } };
  }
}

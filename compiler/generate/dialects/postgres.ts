import { lineComment, shapePattern, type Dialect } from "./dialect.js";

export const postgres: Dialect = {
  name: "postgres",
  quote: (id) => `"${id.replace(/"/g, '""')}"`,
  // Standard-conforming strings: only the quote needs doubling.
  string: (v) => `'${v.replace(/'/g, "''")}'`,
  comment: lineComment,
  types: { integer: "integer", decimal: "numeric", boolean: "boolean", date: "date", text: "text", code: "varchar(64)", timestamp: "timestamp" },
  terminator: ";",
  toDecimal: (e) => `CAST(${e} AS numeric)`,
  booleanLiteral: (v) => (v ? "TRUE" : "FALSE"),
  typeCheck: () => undefined,
  matchesShape: (e, shape) => `${e} ~ '^${shapePattern(shape, "[0-9]", (c) => (/[\\^$.|?*+()[\]{}]/.test(c) ? `\\${c}` : c === "'" ? "''" : c))}$'`,
  describeTable: (t, text) => [`COMMENT ON TABLE ${postgres.quote(t)} IS ${postgres.string(text)}`],
  describeColumn: (t, c, text) => [`COMMENT ON COLUMN ${postgres.quote(t)}.${postgres.quote(c)} IS ${postgres.string(text)}`],
  maxIdentifierBytes: 63,
  // string() only doubles quotes, which is right only with standard strings (the default since 9.1).
  script: { begin: ["SET standard_conforming_strings = on", "BEGIN"], commit: ["COMMIT"] },
};

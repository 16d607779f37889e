import { checkName, lineComment, literalParts, shapePattern, type Dialect } from "./dialect.js";

export const sqlite: Dialect = {
  name: "sqlite",
  quote: (id) => `"${checkName(id)}"`,
  // SQLite has no escapes in literals: a control character is spliced in with char().
  string: (v) => {
    const parts = literalParts(v).map((p) => (typeof p === "number" ? `char(${p})` : `'${p.replace(/'/g, "''")}'`));
    return parts.length === 1 ? parts[0]! : `(${parts.join(" || ")})`;
  },
  comment: lineComment,
  types: { integer: "INTEGER", decimal: "REAL", boolean: "INTEGER", date: "TEXT", text: "TEXT", code: "TEXT", timestamp: "TEXT" },
  terminator: ";",
  toDecimal: (e) => `CAST(${e} AS REAL)`,
  booleanLiteral: (v) => (v ? "1" : "0"),
  // Column types are only affinities in SQLite: without these checks 'abc'
  // would be stored in an INTEGER column.
  typeCheck: (c, kind) => {
    switch (kind) {
      case "integer":
        return `typeof(${c}) IN ('integer', 'null')`;
      case "decimal":
        return `typeof(${c}) IN ('integer', 'real', 'null')`;
      case "boolean":
        return `${c} IN (0, 1)`;
      case "date":
        return `date(${c}) IS ${c}`;
    }
  },
  matchesShape: (e, shape) => `${e} GLOB '${shapePattern(shape, "[0-9]", (c) => ("*?[".includes(c) ? `[${c}]` : c === "'" ? "''" : c))}'`,
  // No catalog comments: the `--` comments inside CREATE TABLE stay in sqlite_schema.
  describeTable: () => [],
  describeColumn: () => [],
  // Foreign keys are off by default in SQLite, per connection.
  script: { begin: ["PRAGMA foreign_keys = ON", "BEGIN"], commit: ["COMMIT"] },
};

import { lineComment, type Dialect } from "./dialect.js";

export const sqlite: Dialect = {
  name: "sqlite",
  quote: (id) => `"${id.replace(/"/g, '""')}"`,
  string: (v) => `'${v.replace(/'/g, "''")}'`,
  comment: lineComment,
  types: { integer: "INTEGER", decimal: "REAL", boolean: "INTEGER", date: "TEXT", text: "TEXT", code: "TEXT", timestamp: "TEXT" },
  terminator: ";",
  toDecimal: (e) => `CAST(${e} AS REAL)`,
};

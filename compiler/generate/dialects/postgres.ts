import { lineComment, type Dialect } from "./dialect.js";

export const postgres: Dialect = {
  name: "postgres",
  quote: (id) => `"${id.replace(/"/g, '""')}"`,
  // Standard-conforming strings: only the quote needs doubling.
  string: (v) => `'${v.replace(/'/g, "''")}'`,
  comment: lineComment,
  types: { integer: "integer", decimal: "numeric", boolean: "boolean", date: "date", text: "text", code: "varchar(64)", timestamp: "timestamp" },
  terminator: ";",
  toDecimal: (e) => `CAST(${e} AS numeric)`,
};

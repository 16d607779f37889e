import { allowedClass, KEY_MAX_LENGTH, personnummerRegex } from "../key.js";
import { checkName, lineComment, literalParts, type Dialect } from "./dialect.js";

export const postgres: Dialect = {
  name: "postgres",
  title: "PostgreSQL",
  quote: (id) => `"${checkName(id)}"`,
  // Standard-conforming strings: only the quote needs doubling. A control
  // character is spliced in with chr(): no backslash escapes, whose meaning
  // depends on settings and on the client encoding.
  string: (v) => {
    const parts = literalParts(v).map((p) => (typeof p === "number" ? `chr(${p})` : `'${p.replace(/'/g, "''")}'`));
    return parts.length === 1 ? parts[0]! : `(${parts.join(" || ")})`;
  },
  comment: lineComment,
  types: { integer: "integer", decimal: "numeric", boolean: "boolean", date: "date", text: "text", code: "varchar(64)", timestamp: "timestamp" },
  terminator: ";",
  toDecimal: (e) => `CAST(${e} AS numeric)`,
  dayNumber: (e) => `CAST(TO_CHAR(${e}, 'YYYYMMDD') AS integer)`,
  booleanLiteral: (v) => (v ? "TRUE" : "FALSE"),
  typeCheck: () => undefined,
  // The record schema's own regular expressions: ARE reads \uXXXX escapes as
  // ECMAScript does, and the script text stays ASCII.
  keyChecks: (c) => ({
    wellFormed: `${c} ~ '^${allowedClass()}{1,${KEY_MAX_LENGTH}}$'`,
    notPersonnummer: `${c} !~ '^${personnummerRegex()}'`,
  }),
  describeTable: (t, text) => [`COMMENT ON TABLE ${postgres.quote(t)} IS ${commentLiteral(text)}`],
  describeColumn: (t, c, text) => [`COMMENT ON COLUMN ${postgres.quote(t)}.${postgres.quote(c)} IS ${commentLiteral(text)}`],
  maxIdentifierBytes: 63,
  // string() only doubles quotes, which is right only with standard strings (the default since 9.1).
  // The script is UTF-8: a client encoding such as GBK or SJIS would read a
  // multibyte character as swallowing the quote after it.
  clientEncoding: "SET client_encoding = 'UTF8'",
  script: { begin: ["SET client_encoding = 'UTF8'", "SET standard_conforming_strings = on", "BEGIN"], commit: ["COMMIT"] },
};

/**
 * COMMENT ON takes one literal, not an expression: a text with a control
 * character (descriptions have line breaks) is an E'' string with \u escapes.
 * Safe because the script sets client_encoding to UTF8 first.
 */
function commentLiteral(text: string): string {
  const parts = literalParts(text);
  if (parts.length === 1 && typeof parts[0] === "string") return postgres.string(text);
  const body = parts.map((p) => (typeof p === "number" ? `\\u${p.toString(16).padStart(4, "0")}` : p.replace(/\\/g, "\\\\").replace(/'/g, "''"))).join("");
  return `E'${body}'`;
}

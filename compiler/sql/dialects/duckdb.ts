import { allowedClass, KEY_MAX_LENGTH, personnummerRegex } from "../key.js";
import { checkName, lineComment, literalParts, type Dialect } from "./dialect.js";

export const duckdb: Dialect = {
  name: "duckdb",
  title: "DuckDB",
  // Quoted names keep their case but still compare case-insensitively in
  // DuckDB, as on SQL Server; the DDL's collision check already folds case.
  quote: (id) => `"${checkName(id)}"`,
  // Plain literals have no escapes: only the quote is doubled. A control
  // character is spliced in with chr(), and the parts are one flat concat()
  // call: a chain of || nests one level per part, and DuckDB refuses
  // expressions deeper than 1,000.
  string: (v) => {
    const parts = literalParts(v).map((p) => (typeof p === "number" ? `chr(${p})` : `'${p.replace(/'/g, "''")}'`));
    return parts.length === 1 ? parts[0]! : `concat(${parts.join(", ")})`;
  },
  comment: lineComment,
  types: { integer: "INTEGER", decimal: "DECIMAL(18,4)", boolean: "BOOLEAN", date: "DATE", text: "VARCHAR", code: "VARCHAR", timestamp: "TIMESTAMP" },
  terminator: ";",
  // Division of doubles: no overflow on large sums, as DECIMAL(18,4) would have.
  toDecimal: (e) => `CAST(${e} AS DOUBLE)`,
  dayNumber: (e) => `CAST(strftime(${e}, '%Y%m%d') AS INTEGER)`,
  booleanLiteral: (v) => (v ? "TRUE" : "FALSE"),
  // DATE also holds year 0 and years BC, which the record schema, PostgreSQL
  // and SQL Server do not; impossible days are refused by the type itself.
  typeCheck: (c, kind) => (kind === "date" ? `${c} BETWEEN DATE '0001-01-01' AND DATE '9999-12-31'` : undefined),
  // The record schema's regular expressions, in RE2's spelling of a code
  // point. RE2 matches code points; every allowed one is in the BMP, so the
  // length is the record schema's UTF-16 count. VARCHAR has no length limit:
  // the pattern holds the key to 64 characters.
  keyChecks: (c) => ({
    wellFormed: `regexp_matches(${c}, '^${re2(allowedClass())}{1,${KEY_MAX_LENGTH}}$')`,
    notPersonnummer: `NOT regexp_matches(${c}, '^${re2(personnummerRegex())}')`,
  }),
  describeTable: (t, text) => [`COMMENT ON TABLE ${duckdb.quote(t)} IS ${commentLiteral(text)}`],
  describeColumn: (t, c, text) => [`COMMENT ON COLUMN ${duckdb.quote(t)}.${duckdb.quote(c)} IS ${commentLiteral(text)}`],
  // Foreign keys cannot CASCADE (a parser error): children are deleted first,
  // and in an earlier transaction than their parent row.
  deleteCascade: false,
  // An error aborts the transaction; COMMIT then rolls it back.
  script: { begin: ["BEGIN TRANSACTION"], commit: ["COMMIT"] },
};

/** key.ts writes a code point as \uXXXX (ECMAScript, PostgreSQL); RE2 reads \x{XXXX}. */
const re2 = (re: string): string => re.replace(/\\u([0-9A-F]{4})/g, "\\x{$1}");

/**
 * COMMENT ON takes one literal, not an expression. A text with a control
 * character is an E'' string, whose escapes reach only ASCII: C0 controls and
 * DEL as three-digit octal (a digit after it is never read into it), the
 * Unicode line breaks U+0085, U+2028 and U+2029 as a line feed, and the other
 * C1 controls as U+FFFD, as in comments. The catalog text is a description;
 * the data (labels and definitions) keeps every character through string().
 */
function commentLiteral(text: string): string {
  const parts = literalParts(text);
  if (parts.length === 1 && typeof parts[0] === "string") return duckdb.string(text);
  const escape = (cp: number): string => (cp < 0x80 ? `\\${cp.toString(8).padStart(3, "0")}` : [0x85, 0x2028, 0x2029].includes(cp) ? "\\012" : "\uFFFD");
  return `E'${parts.map((p) => (typeof p === "number" ? escape(p) : p.replace(/\\/g, "\\\\").replace(/'/g, "''"))).join("")}'`;
}

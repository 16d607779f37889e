import { codePoints, KEY_DIGITS, KEY_FORBIDDEN, KEY_MAX_LENGTH, KEY_SEPARATORS, letterFolds, shapeSignatures } from "../key.js";
import { checkName, lineComment, literalParts, type Dialect } from "./dialect.js";

export const sqlite: Dialect = {
  name: "sqlite",
  title: "SQLite",
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
  // Dates are stored as ISO text (typeCheck holds them to YYYY-MM-DD).
  dayNumber: (e) => `CAST(REPLACE(${e}, '-', '') AS INTEGER)`,
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
        // date(x) alone gives back 2026-02-30 unchanged on SQLite 3.40 (newer
        // versions refuse it); a modifier makes every version normalise the
        // date first. Year 0000 is no date in PostgreSQL or SQL Server.
        return `date(${c}, '+0 days') IS ${c} AND ${c} NOT GLOB '0000*'`;
    }
  },
  keyChecks: (c) => ({ wellFormed: wellFormedKey(c), notPersonnummer: notPersonnummer(c) }),
  // No catalog comments: the `--` comments inside CREATE TABLE stay in sqlite_schema.
  describeTable: () => [],
  describeColumn: () => [],
  // Foreign keys are off by default in SQLite, per connection.
  script: { begin: ["PRAGMA foreign_keys = ON", "BEGIN"], commit: ["COMMIT"] },
};

/** A character as SQLite text: itself if printable ASCII, else a char() call. */
const chr = (cp: number): string => (cp >= 0x21 && cp <= 0x7e && cp !== 0x27 ? `'${String.fromCodePoint(cp)}'` : `char(${cp})`);

/**
 * SQLite has no regular expressions: GLOB for the characters (a NUL would end
 * the pattern, so instr() finds it; text outside the BMP is one character
 * above U+FFFF here, not surrogates), length() for the length.
 */
function wellFormedKey(c: string): string {
  const ranges = KEY_FORBIDDEN.map(([a, b]) => (a === 0xd800 ? ([0x10000, 0x10ffff] as const) : ([Math.max(a, 1), b] as const)));
  const set = ranges.flatMap(([a, b]) => (a === b ? [a] : [a, 0x2d, b]));
  return [`typeof(${c}) = 'text'`, `length(${c}) BETWEEN 1 AND ${KEY_MAX_LENGTH}`, `instr(${c}, char(0)) = 0`, `${c} NOT GLOB ('*[' || char(${set.join(", ")}) || ']*')`].join("\n    AND ");
}

/**
 * Flat, because the sqlite3 CLI's parser (3.40) overflows on a few dozen
 * nested calls: rtrim() cuts the trailing digits and separators and ltrim()
 * the leading separators, which leaves the prefix; its letters are folded to
 * lower-case ASCII. The length without separators is a sum, one replace() per
 * separator. Prefix and length together name the shape.
 */
function notPersonnummer(c: string): string {
  const seps = `char(${KEY_SEPARATORS.join(", ")})`;
  const prefix = `ltrim(rtrim(${c}, char(${[...codePoints(KEY_DIGITS), ...KEY_SEPARATORS].join(", ")})), ${seps})`;
  const folded = `lower(${letterFolds()
    .filter(([cp]) => cp > 0x7f)
    .reduce((e, [cp, l]) => `replace(${e}, ${chr(cp)}, '${l}')`, prefix)})`;
  const terms = KEY_SEPARATORS.map((cp) => `length(replace(${c}, ${chr(cp)}, ''))`);
  const lines = Array.from({ length: Math.ceil(terms.length / 4) }, (_, i) => terms.slice(i * 4, i * 4 + 4).join(" + "));
  const length = `${lines.join("\n      + ")}\n      - ${KEY_SEPARATORS.length - 1} * length(${c})`;
  return `${folded}\n    || (\n      ${length}\n    )\n    NOT IN (${shapeSignatures()
    .map((s) => `'${s}'`)
    .join(", ")})`;
}

import { KEY_DIGITS, KEY_FORBIDDEN, KEY_SEPARATORS, letterFolds, shapeSignatures } from "../key.js";
import { checkName, lineComment, literalParts, type Dialect } from "./dialect.js";

export const mssql: Dialect = {
  name: "mssql",
  title: "Microsoft SQL Server",
  quote: (id) => `[${checkName(id)}]`,
  string: (v) => {
    const parts = literalParts(v, SQLCMD_VARIABLE).map((p) => (typeof p === "number" ? `NCHAR(${p})` : `N'${p.replace(/'/g, "''")}'`));
    if (parts.length === 1) return parts[0]!;
    // Concatenated nvarchar stops at 4,000 characters unless one part is max.
    if (v.length > 4000) parts[0] = `CAST(${parts[0]} AS nvarchar(max))`;
    return `(${parts.join(" + ")})`;
  },
  comment: (text) => lineComment(text, (l) => l.replace(/\$\(/g, "$ (")),
  types: { integer: "int", decimal: "decimal(18,4)", boolean: "bit", date: "date", text: "nvarchar(max)", code: "nvarchar(64)", timestamp: "datetime2" },
  terminator: ";",
  toDecimal: (e) => `CAST(${e} AS decimal(18,4))`,
  // Style 112 is ISO's YYYYMMDD.
  dayNumber: (e) => `CAST(CONVERT(char(8), ${e}, 112) AS int)`,
  booleanLiteral: (v) => (v ? "1" : "0"),
  typeCheck: () => undefined,
  keyChecks: (c) => ({ wellFormed: wellFormedKey(c), notPersonnummer: notPersonnummer(c) }),
  describeTable: (t, text) => describe(text, `@level1type = N'TABLE', @level1name = N'${checkName(t)}'`),
  describeColumn: (t, c, text) => describe(text, `@level1type = N'TABLE', @level1name = N'${checkName(t)}'`, `@level2type = N'COLUMN', @level2name = N'${checkName(c)}'`),
  maxIdentifierBytes: 128,
  // XACT_ABORT makes any error roll the whole script back; @isu_schema is the
  // schema the tables are created in, which the descriptions must name.
  script: {
    begin: ["SET XACT_ABORT ON", "BEGIN TRANSACTION", "DECLARE @isu_schema sysname = SCHEMA_NAME()", "DECLARE @isu_description nvarchar(3750)"],
    commit: ["COMMIT TRANSACTION"],
  },
};

/**
 * sqlcmd replaces `$(name)` anywhere in a script, inside literals and comments
 * too: the `(` after a `$` is spliced in with NCHAR(40) instead.
 */
const SQLCMD_VARIABLE = /(?<=\$)\(/;

/** An extended property's value is a sql_variant of at most 7,500 bytes: 3,750 UTF-16 code units. */
const MAX_DESCRIPTION = 3750;

/**
 * The statements that add an MS_Description extended property to an object in
 * @isu_schema. EXEC takes constants only, so a text that needs NCHAR() (a line
 * break, say) is first assembled in @isu_description.
 */
function describe(text: string, level1: string, level2?: string): string[] {
  let value = text;
  if (value.length > MAX_DESCRIPTION) {
    value = value.slice(0, MAX_DESCRIPTION - 1);
    if (/[\uD800-\uDBFF]$/.test(value)) value = value.slice(0, -1);
    value += "…";
  }
  const literal = mssql.string(value);
  const constant = literal.startsWith("N'");
  const exec = `EXEC sp_addextendedproperty @name = N'MS_Description', @value = ${constant ? literal : "@isu_description"}, @level0type = N'SCHEMA', @level0name = @isu_schema, ${level1}${level2 ? `, ${level2}` : ""}`;
  return constant ? [exec] : [`SELECT @isu_description = ${literal}`, exec];
}

// ---------------------------------------------------------------- the key rule (compiler/sql/key.ts)

/** A binary collation: LIKE ranges and TRANSLATE/REPLACE then go by UTF-16 code unit, whatever the database's collation. */
const BIN = "COLLATE Latin1_General_100_BIN2";

/** Characters as one nvarchar expression: printable ASCII in N'…', anything else NCHAR(n). */
function chars(cps: number[]): string {
  const parts: string[] = [];
  let run = "";
  for (const cp of cps) {
    if (cp >= 0x20 && cp <= 0x7e) run += cp === 0x27 ? "''" : String.fromCodePoint(cp);
    else {
      if (run) parts.push(`N'${run}'`);
      run = "";
      parts.push(`NCHAR(${cp})`);
    }
  }
  if (run) parts.push(`N'${run}'`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(" + ")})`;
}

/** A LIKE character class of the ranges; `negate` for [^…]. */
const likeClass = (ranges: readonly (readonly [number, number])[], negate = false): string =>
  chars([0x5b, ...(negate ? [0x5e] : []), ...ranges.flatMap(([a, b]) => (a === b ? [a] : [a, 0x2d, b])), 0x5d]);

/**
 * Length and characters. NCHAR() of a surrogate is NULL under a supplementary-
 * character (_SC) collation, which would make the LIKE unknown and the check
 * pass, so characters outside the BMP are caught by length instead: under an
 * _SC collation LEN counts them once, DATALENGTH twice.
 */
function wellFormedKey(c: string): string {
  const bmp = KEY_FORBIDDEN.filter(([a]) => a !== 0xd800);
  return [`LEN(${c}) > 0`, `${c} ${BIN} NOT LIKE (N'%' + ${likeClass(bmp)} + N'%')`, `DATALENGTH(${c}) = 2 * LEN(${c} COLLATE Latin1_General_100_CI_AS_SC)`].join("\n    AND ");
}

/**
 * TRANSLATE (SQL Server 2017 and later) turns every separator into U+001F, a
 * control character the other check refuses in a key (so it cannot be there
 * already, and unlike '-' it means nothing inside a LIKE class), and folds the
 * prefix letters to lower-case ASCII. The prefix is all before the first
 * digit, separators trimmed (as spaces: a key with a real space fails the
 * other check anyway); after the first digit only digits and separators may
 * follow; the prefix and the length without separators name the shape.
 */
function notPersonnummer(c: string): string {
  const folds = letterFolds();
  const sep = "NCHAR(31)";
  const from = chars([...KEY_SEPARATORS, ...folds.map(([cp]) => cp)]);
  const to = `REPLICATE(${sep}, ${KEY_SEPARATORS.length}) + N'${folds.map(([, l]) => l).join("")}'`;
  const t = `TRANSLATE(${c} ${BIN}, ${from}, ${to})`;
  const digit = likeClass(KEY_DIGITS);
  const notDigitOrSep = chars([0x5b, 0x5e, 0x1f, ...KEY_DIGITS.flatMap(([a, b]) => (a === b ? [a] : [a, 0x2d, b])), 0x5d]);
  const firstDigit = `PATINDEX(N'%' + ${digit} + N'%', ${t} + N'0')`;
  const prefix = `LTRIM(RTRIM(REPLACE(LEFT(${t}, ${firstDigit} - 1), ${sep}, N' ')))`;
  return `NOT (\n      ${t} NOT LIKE (N'%' + ${digit} + N'%' + ${notDigitOrSep} + N'%')\n      AND ${prefix} + N':' + CAST(LEN(REPLACE(${t}, ${sep}, N'')) AS nvarchar(4))\n        IN (${shapeSignatures(
    ":",
  )
    .map((s) => `N'${s}'`)
    .join(", ")})\n    )`;
}

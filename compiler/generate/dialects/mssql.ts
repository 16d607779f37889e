import { checkName, lineComment, literalParts, shapePattern, type Dialect } from "./dialect.js";

export const mssql: Dialect = {
  name: "mssql",
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
  booleanLiteral: (v) => (v ? "1" : "0"),
  typeCheck: () => undefined,
  matchesShape: (e, shape) => `${e} LIKE N'${shapePattern(shape, "[0-9]", (c) => ("%_[".includes(c) ? `[${c}]` : c === "'" ? "''" : c))}'`,
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

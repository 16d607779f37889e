import { lineComment, shapePattern, type Dialect } from "./dialect.js";

export const mssql: Dialect = {
  name: "mssql",
  quote: (id) => `[${id.replace(/]/g, "]]")}]`,
  string: (v) => `N'${v.replace(/'/g, "''")}'`,
  comment: lineComment,
  types: { integer: "int", decimal: "decimal(18,4)", boolean: "bit", date: "date", text: "nvarchar(max)", code: "nvarchar(64)", timestamp: "datetime2" },
  terminator: ";",
  toDecimal: (e) => `CAST(${e} AS decimal(18,4))`,
  booleanLiteral: (v) => (v ? "1" : "0"),
  typeCheck: () => undefined,
  matchesShape: (e, shape) => `${e} LIKE N'${shapePattern(shape, "[0-9]", (c) => ("%_[".includes(c) ? `[${c}]` : c === "'" ? "''" : c))}'`,
  describeTable: (t, text) => [`${describe(text)}, @level1type = N'TABLE', @level1name = ${mssql.string(t)}`],
  describeColumn: (t, c, text) => [`${describe(text)}, @level1type = N'TABLE', @level1name = ${mssql.string(t)}, @level2type = N'COLUMN', @level2name = ${mssql.string(c)}`],
  maxIdentifierBytes: 128,
  // XACT_ABORT makes any error roll the whole script back; @isu_schema is the
  // schema the tables are created in, which the descriptions must name.
  script: {
    begin: ["SET XACT_ABORT ON", "BEGIN TRANSACTION", "DECLARE @isu_schema sysname = SCHEMA_NAME()"],
    commit: ["COMMIT TRANSACTION"],
  },
};

/** An extended property's value is a sql_variant of at most 7,500 bytes: 3,750 UTF-16 code units. */
const MAX_DESCRIPTION = 3750;

/** The start of an MS_Description extended property on an object in @isu_schema. */
function describe(text: string): string {
  let value = text;
  if (value.length > MAX_DESCRIPTION) {
    value = value.slice(0, MAX_DESCRIPTION - 1);
    if (/[\uD800-\uDBFF]$/.test(value)) value = value.slice(0, -1);
    value += "…";
  }
  return `EXEC sp_addextendedproperty @name = N'MS_Description', @value = ${mssql.string(value)}, @level0type = N'SCHEMA', @level0name = @isu_schema`;
}

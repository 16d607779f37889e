import { lineComment, type Dialect } from "./dialect.js";

export const mssql: Dialect = {
  name: "mssql",
  quote: (id) => `[${id.replace(/]/g, "]]")}]`,
  string: (v) => `N'${v.replace(/'/g, "''")}'`,
  comment: lineComment,
  types: { integer: "int", decimal: "decimal(18,4)", boolean: "bit", date: "date", text: "nvarchar(max)", code: "nvarchar(64)", timestamp: "datetime2" },
  terminator: ";",
  toDecimal: (e) => `CAST(${e} AS decimal(18,4))`,
};

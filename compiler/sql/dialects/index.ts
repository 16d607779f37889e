import type { Dialect } from "./dialect.js";
import { mssql } from "./mssql.js";
import { postgres } from "./postgres.js";
import { sqlite } from "./sqlite.js";

export type DialectName = Dialect["name"];
export const DIALECTS: Record<DialectName, Dialect> = { sqlite, postgres, mssql };
export const DIALECT_NAMES: DialectName[] = ["sqlite", "postgres", "mssql"];
export type { Dialect };

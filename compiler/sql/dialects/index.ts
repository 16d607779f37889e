import type { Dialect } from "./dialect.js";
import { duckdb } from "./duckdb.js";
import { mssql } from "./mssql.js";
import { postgres } from "./postgres.js";
import { sqlite } from "./sqlite.js";

export type DialectName = Dialect["name"];
export const DIALECTS: Record<DialectName, Dialect> = { sqlite, postgres, mssql, duckdb };
export const DIALECT_NAMES: DialectName[] = ["sqlite", "postgres", "mssql", "duckdb"];
export type { Dialect };

/**
 * The shortest identifier limit among the dialects and the dialect that sets
 * it: a generated name must fit it to be the same name in every database.
 * Undefined when no dialect has a limit.
 */
export const STRICTEST_IDENTIFIER_LIMIT: { dialect: Dialect; bytes: number } | undefined = DIALECT_NAMES.map((n) => DIALECTS[n]).reduce<{ dialect: Dialect; bytes: number } | undefined>(
  (best, d) => (d.maxIdentifierBytes !== undefined && (!best || d.maxIdentifierBytes < best.bytes) ? { dialect: d, bytes: d.maxIdentifierBytes } : best),
  undefined,
);

// The one small interface the stages after the plan (simulate, import,
// report) use for every engine: scripts, queries, a fast bulk insert and a
// transaction around them.
import type { DialectName } from "../../sql/dialects/index.js";
import type { EngineKind } from "./url.js";

export interface Engine {
  kind: EngineKind;
  /** The SQL dialect the engine's scripts and queries are generated in. */
  dialect: DialectName;
  /** The URL as given, any password masked: for messages. */
  url: string;
  /** Runs a script of one or more statements. */
  exec(script: string): Promise<void>;
  /** Runs one query. Integers, counts and decimals come back as numbers, dates as YYYY-MM-DD text; SQLite gives booleans as 0/1. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Inserts rows (values: string, number, boolean or null) into the named columns (any of the table's, in any order) as fast as the engine allows, inside the caller's transaction. */
  insert(table: string, columns: string[], rows: unknown[][]): Promise<void>;
  /** Runs fn inside one transaction: committed when it resolves, rolled back when it throws. Not nested. */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /** The names of the tables in the database (the current schema on PostgreSQL). */
  tables(): Promise<string[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create an embedded database file that does not exist yet (SQLite, DuckDB). */
  create?: boolean;
  readOnly?: boolean;
}

/** BEGIN … COMMIT around fn with ROLLBACK on failure, for engines whose transactions are plain statements. */
export async function inTransaction<T>(exec: (sql: string) => Promise<void>, fn: () => Promise<T>): Promise<T> {
  await exec("BEGIN");
  let result: T;
  try {
    result = await fn();
  } catch (e) {
    await exec("ROLLBACK").catch(() => {});
    throw e;
  }
  await exec("COMMIT");
  return result;
}

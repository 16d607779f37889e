// A real DuckDB for tests, through @duckdb/node-api: in memory, or in a file
// (closed and reopened once, so that what was written is read back from disk).
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from "@duckdb/node-api";

export interface DuckDb {
  name: "duckdb" | "duckdb-file";
  dialect: "duckdb";
  /** Runs a script of one or more statements. */
  exec(sql: string): Promise<void>;
  /** Runs one query and returns its rows; integers as numbers where they fit. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  /** Runs one statement with bound parameters ($1, $2 …). */
  run(sql: string, values: DuckDBValue[]): Promise<void>;
  close(): Promise<void>;
}

const plain = (v: unknown): unknown => (typeof v === "bigint" && Number.isSafeInteger(Number(v)) ? Number(v) : v);

async function connect(file: string): Promise<{ instance: DuckDBInstance; connection: DuckDBConnection }> {
  const instance = await DuckDBInstance.create(file);
  return { instance, connection: await instance.connect() };
}

/** Opens DuckDB in memory, or, with `onDisk`, in a new file that is closed and reopened after the first exec(). */
export async function openDuckdb(onDisk = false): Promise<DuckDb> {
  const dir = onDisk ? fs.mkdtempSync(path.join(os.tmpdir(), "isu-duckdb-")) : undefined;
  const file = dir ? path.join(dir, "test.duckdb") : ":memory:";
  let db = await connect(file);
  let reopened = !onDisk;
  const shut = () => {
    db.connection.closeSync();
    db.instance.closeSync();
  };
  return {
    name: onDisk ? "duckdb-file" : "duckdb",
    dialect: "duckdb",
    exec: async (sql) => {
      await db.connection.run(sql);
      if (!reopened) {
        reopened = true;
        shut();
        db = await connect(file);
      }
    },
    query: async (sql) => (await db.connection.runAndReadAll(sql)).getRowObjectsJS().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, plain(v)]))),
    run: async (sql, values) => void (await db.connection.run(sql, values)),
    close: async () => {
      shut();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

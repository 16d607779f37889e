// DuckDB through @duckdb/node-api: embedded, columnar, for large and regional data.
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance, DuckDBValue } from "@duckdb/node-api";
import { DatabaseError } from "../errors.js";
import { inTransaction, type Engine, type OpenOptions } from "./engine.js";
import { checkDatabaseFile } from "./files.js";
import { DIALECTS } from "../../sql/dialects/index.js";

const q = DIALECTS.duckdb.quote;

export async function openDuckdb(path: string, shown: string, opts: OpenOptions): Promise<Engine> {
  checkDatabaseFile(path, shown, "DuckDB", opts);
  const api = await import("@duckdb/node-api");
  let instance: DuckDBInstance;
  let connection: DuckDBConnection;
  try {
    instance = await api.DuckDBInstance.create(path, opts.readOnly ? { access_mode: "READ_ONLY" } : {});
    connection = await instance.connect();
  } catch (e) {
    throw duckdbError(e, shown);
  }
  const exec = async (sql: string): Promise<void> => void (await connection.run(sql));
  const typeIds = api.DuckDBTypeId;
  return {
    kind: "duckdb",
    dialect: "duckdb",
    url: shown,
    exec,
    async query(sql) {
      const reader = await connection.runAndReadAll(sql);
      return reader.getRowObjects().map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
    },
    async insert(table, columns, rows) {
      if (rows.length === 0) return;
      // The appender (fast) fills every column in table order; other column lists go through INSERT.
      const reader = await connection.runAndReadAll("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position", [table]);
      const inTable = reader.getRowObjects().map((r) => String(r["column_name"]));
      if (inTable.join("\u0000") !== columns.join("\u0000")) return insertStatements(connection, table, columns, rows);
      const appender: DuckDBAppender = await connection.createAppender(table);
      try {
        const kinds = columns.map((_, i) => appender.columnType(i).typeId);
        for (const r of rows) {
          r.forEach((v, i) => {
            if (v === null || v === undefined) appender.appendNull();
            else if (typeof v === "boolean") appender.appendBoolean(v);
            else if (typeof v === "number") {
              const k = kinds[i];
              if (k === typeIds.INTEGER) appender.appendInteger(v);
              else if (k === typeIds.BIGINT) appender.appendBigInt(BigInt(v));
              else if (k === typeIds.DOUBLE || k === typeIds.FLOAT) appender.appendDouble(v);
              else appender.appendVarchar(String(v));
            } else appender.appendVarchar(String(v));
          });
          appender.endRow();
        }
        appender.flushSync();
      } finally {
        appender.closeSync();
      }
    },
    transaction: (fn) => inTransaction(exec, fn),
    async tables() {
      const reader = await connection.runAndReadAll("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name");
      return reader.getRowObjects().map((r) => String(r["table_name"]));
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Parameters per INSERT statement of the fallback path. */
const MAX_PARAMETERS = 30_000;

/** Multi-row INSERTs with parameters, for a column list the appender cannot take. */
async function insertStatements(connection: DuckDBConnection, table: string, columns: string[], rows: unknown[][]): Promise<void> {
  const per = Math.max(1, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length)));
  const head = `INSERT INTO ${q(table)} (${columns.map(q).join(", ")}) VALUES `;
  for (let i = 0; i < rows.length; i += per) {
    const values: DuckDBValue[] = [];
    const tuples = rows.slice(i, i + per).map((r) => `(${r.map((v) => (values.push((v ?? null) as DuckDBValue), `$${values.length}`)).join(", ")})`);
    await connection.run(head + tuples.join(", "), values);
  }
}

/** A DuckDB value as the other engines give it: bigints and decimals as numbers, dates and the rest as text. */
function plain(v: DuckDBValue): unknown {
  if (v === null || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (typeof v === "bigint") return Number(v);
  if (typeof v === "object" && "toDouble" in v && typeof v.toDouble === "function") return v.toDouble() as number;
  return String(v);
}

function duckdbError(e: unknown, shown: string): Error {
  const message = (e as Error).message ?? String(e);
  if (/lock/i.test(message)) return new DatabaseError(`'${shown}' is in use by another program (DuckDB allows one writer): close it there and try again`);
  if (/not a valid DuckDB database|invalid.*database|Unable to open|IO Error/i.test(message)) return new DatabaseError(`cannot open '${shown}' as a DuckDB database: ${message.split("\n")[0]}`);
  return new DatabaseError(`cannot open '${shown}' as a DuckDB database: ${message.split("\n")[0]}`);
}

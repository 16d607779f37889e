// PostgreSQL through pg: one client connection per engine.
import pg from "pg";
import { DatabaseError } from "../errors.js";
import { inTransaction, type Engine, type OpenOptions } from "./engine.js";
import { DIALECTS } from "../../sql/dialects/index.js";

const q = DIALECTS.postgres.quote;

// pg returns bigint, numeric and date as text or Date; counts and means are
// wanted as numbers and dates as their YYYY-MM-DD text, as the other engines give them.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
const types = {
  getTypeParser: ((oid: number, format?: string) => {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => Number(v);
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as "text");
  }) as typeof pg.types.getTypeParser,
};

/** Parameters per INSERT: PostgreSQL allows 65,535. */
const MAX_PARAMETERS = 60_000;
const MAX_ROWS = 1_000;

export interface PostgresTarget {
  connectionString: string;
  shown: string;
  host: string;
  user?: string;
  database?: string;
}

export async function openPostgres(t: PostgresTarget, opts: OpenOptions): Promise<Engine> {
  const client = new pg.Client({ connectionString: t.connectionString, types, connectionTimeoutMillis: 15_000 });
  // A dropped connection later would otherwise be an unhandled 'error' event.
  client.on("error", () => {});
  try {
    await client.connect();
    if (opts.readOnly) await client.query("SET default_transaction_read_only = on");
  } catch (e) {
    await client.end().catch(() => {});
    throw connectError(e, t);
  }
  const guard = async <T>(f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (e) {
      throw queryError(e, t);
    }
  };
  const exec = async (sql: string): Promise<void> => void (await guard(() => client.query(sql)));
  return {
    kind: "postgres",
    dialect: "postgres",
    url: t.shown,
    exec,
    query: (sql) => guard(async () => (await client.query(sql)).rows as Record<string, unknown>[]),
    async insert(table, columns, rows) {
      const per = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / Math.max(1, columns.length))));
      const head = `INSERT INTO ${q(table)} (${columns.map(q).join(", ")}) VALUES `;
      for (let i = 0; i < rows.length; i += per) {
        const batch = rows.slice(i, i + per);
        const values: unknown[] = [];
        const tuples = batch.map((r) => `(${r.map((v) => (values.push(v === undefined ? null : v), `$${values.length}`)).join(", ")})`);
        await guard(() => client.query(head + tuples.join(", "), values));
      }
    },
    transaction: (fn) => inTransaction(exec, fn),
    tables: async () =>
      (await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name")).rows.map((r: { table_name: string }) => r.table_name),
    close: async () => void (await client.end().catch(() => {})),
  };
}

function connectError(e: unknown, t: PostgresTarget): Error {
  const err = e as { code?: string; message?: string };
  const at = `PostgreSQL at ${t.shown}`;
  switch (err.code) {
    case "ECONNREFUSED":
      return new DatabaseError(`cannot connect to ${at}: connection refused; is the server running, and listening on ${t.host}?`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new DatabaseError(`cannot connect to ${at}: no host named '${t.host.replace(/:\d+$/, "")}'; check the host in the URL`);
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return new DatabaseError(`cannot connect to ${at}: the server does not answer; check the host and port, and any firewall`);
    case "28P01":
      return new DatabaseError(`cannot connect to ${at}: password authentication failed for user '${t.user ?? ""}'; check the user name and password in the URL`);
    case "28000":
      return new DatabaseError(`cannot connect to ${at}: the server refused user '${t.user ?? ""}' (${err.message}); check the user name, or ask the database administrator for access`);
    case "3D000":
      return new DatabaseError(
        `cannot connect to ${at}: the database '${t.database ?? t.user ?? ""}' does not exist; create it first (createdb ${t.database ?? "<name>"}) or name another one in the URL`,
      );
  }
  if (/timeout/i.test(err.message ?? "")) return new DatabaseError(`cannot connect to ${at}: the server did not answer within 15 seconds; check the host and port`);
  return new DatabaseError(`cannot connect to ${at}: ${err.message ?? String(e)}`);
}

/** Failures after connecting: read-only and lost connections become sentences; SQL errors pass through. */
function queryError(e: unknown, t: PostgresTarget): Error {
  const err = e as { code?: string; message?: string };
  if (err.code === "25006") return new DatabaseError(`the PostgreSQL database at ${t.shown} is read-only here: use a database you may write to`);
  if (err.code === "42501") return new DatabaseError(`PostgreSQL at ${t.shown} refused: ${err.message}; ask the database administrator for the rights, or use another database`);
  if (err.code === "57P01" || /Connection terminated/i.test(err.message ?? "")) return new DatabaseError(`the connection to PostgreSQL at ${t.shown} was lost: ${err.message}`);
  return e as Error;
}

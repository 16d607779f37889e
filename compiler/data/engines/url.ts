// Which engine a database URL names, and the URL as it may be shown (the
// password masked). One place for the forms people write.
import * as nodePath from "node:path";
import { DatabaseError } from "../errors.js";

export type EngineKind = "sqlite" | "postgres" | "duckdb";

export type DatabaseTarget = { kind: "sqlite" | "duckdb"; path: string; shown: string } | { kind: "postgres"; connectionString: string; shown: string; user?: string; database?: string; host: string };

export const URL_FORMS = [
  "a SQLite file (data.db, data.sqlite, data.sqlite3 or sqlite:<path>)",
  "PostgreSQL (postgres://user:password@host:5432/database)",
  "a DuckDB file (data.duckdb or duckdb:<path>)",
];

const SQLITE_FILE = /\.(db|sqlite|sqlite3)$/i;
const DUCKDB_FILE = /\.duckdb$/i;

/** The URL with any password replaced by ****, for messages. */
export function maskUrl(url: string): string {
  if (!/^postgres(ql)?:\/\//i.test(url)) return url;
  try {
    const u = new URL(url);
    if (u.password) u.password = "****";
    for (const key of [...u.searchParams.keys()]) if (/^password$/i.test(key)) u.searchParams.set(key, "****");
    return u.toString();
  } catch {
    // Unparseable: show no more than the scheme and host part before any '@'.
    return url.replace(/\/\/[^@/]*@/, "//****@");
  }
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  const shown = maskUrl(url);
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new DatabaseError(`'${shown}' is not a valid PostgreSQL URL: write it as postgres://user:password@host:5432/database`);
    }
    const database = decodeURIComponent(u.pathname.replace(/^\//, "")) || undefined;
    return { kind: "postgres", connectionString: url, shown, host: u.host || "localhost", ...(u.username ? { user: decodeURIComponent(u.username) } : {}), ...(database ? { database } : {}) };
  }
  const prefixed = /^(sqlite|duckdb):(.*)$/i.exec(url);
  if (prefixed) {
    const kind = prefixed[1]!.toLowerCase() as "sqlite" | "duckdb";
    const path = prefixed[2]!.replace(/^\/\/(?=\/)/, "");
    if (!path) throw new DatabaseError(`'${shown}' names no file: write ${kind}:<path>, e.g. ${kind}:data.${kind === "sqlite" ? "db" : "duckdb"}`);
    return { kind, path: nodePath.resolve(path), shown };
  }
  if (SQLITE_FILE.test(url)) return { kind: "sqlite", path: nodePath.resolve(url), shown };
  if (DUCKDB_FILE.test(url)) return { kind: "duckdb", path: nodePath.resolve(url), shown };
  throw new DatabaseError(`cannot tell which database '${shown}' is: use ${URL_FORMS.join(", ")}`);
}

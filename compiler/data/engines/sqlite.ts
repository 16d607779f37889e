// SQLite through better-sqlite3: embedded, synchronous, the default engine.
import Database from "better-sqlite3";
import { DatabaseError } from "../errors.js";
import { inTransaction, type Engine, type OpenOptions } from "./engine.js";
import { checkDatabaseFile } from "./files.js";
import { DIALECTS } from "../../sql/dialects/index.js";

const q = DIALECTS.sqlite.quote;

/** SQLite stores booleans as 0/1 (the DDL's CHECK holds it to that). */
const bindable = (v: unknown): unknown => (typeof v === "boolean" ? (v ? 1 : 0) : v === undefined ? null : v);

export function openSqlite(path: string, shown: string, opts: OpenOptions): Engine {
  checkDatabaseFile(path, shown, "SQLite", opts);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: !!opts.readOnly, fileMustExist: !opts.create });
    db.pragma("foreign_keys = ON");
    // Reading the schema fails at once on a file that is not a database.
    db.prepare("SELECT count(*) FROM sqlite_schema").get();
  } catch (e) {
    throw sqliteError(e, shown);
  }
  const guard = <T>(f: () => T): T => {
    try {
      return f();
    } catch (e) {
      throw sqliteError(e, shown, false);
    }
  };
  const exec = async (sql: string): Promise<void> => void guard(() => db.exec(sql));
  return {
    kind: "sqlite",
    dialect: "sqlite",
    url: shown,
    exec,
    query: async (sql) => guard(() => db.prepare(sql).all() as Record<string, unknown>[]),
    async insert(table, columns, rows) {
      if (rows.length === 0) return;
      const stmt = guard(() => db.prepare(`INSERT INTO ${q(table)} (${columns.map(q).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`));
      guard(() => {
        for (const r of rows) stmt.run(r.map(bindable));
      });
    },
    transaction: (fn) => inTransaction(exec, fn),
    tables: async () => (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name),
    close: async () => void db.close(),
  };
}

/** The engine's error as a sentence about the file; SQL errors pass through as they are (a bug or a constraint, not the user's path). */
function sqliteError(e: unknown, shown: string, opening = true): Error {
  const code = (e as { code?: string }).code ?? "";
  if (code === "SQLITE_NOTADB") return new DatabaseError(`'${shown}' is not a SQLite database (the file holds something else): use another file name`);
  if (code === "SQLITE_READONLY" || code.startsWith("SQLITE_READONLY")) return new DatabaseError(`'${shown}' is read-only: make it writable (chmod u+w ${shown}) or use another file`);
  if (code === "SQLITE_CANTOPEN") return new DatabaseError(`cannot open '${shown}' as a SQLite database: check that the path and its folder exist and are readable`);
  if (code === "SQLITE_FULL") return new DatabaseError(`the disk holding '${shown}' is full: free some space or use another place`);
  if (code === "SQLITE_BUSY" || code === "SQLITE_LOCKED") return new DatabaseError(`'${shown}' is in use by another program: close it there and try again`);
  if (opening) return new DatabaseError(`cannot open '${shown}' as a SQLite database: ${(e as Error).message}`);
  return e as Error;
}

// Real databases for tests: SQLite (better-sqlite3), PostgreSQL in-process
// (PGlite) and, where the machine has the PostgreSQL server binaries, a real
// server started on a loopback port in a temporary folder.
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import Database from "better-sqlite3";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";

export interface TestDb {
  name: "sqlite" | "pglite" | "postgres-server";
  dialect: "sqlite" | "postgres";
  /** Runs a script of one or more statements. */
  exec(sql: string): Promise<void>;
  /** Runs one query and returns its rows. */
  query(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export function openSqlite(): TestDb {
  const db = new Database(":memory:");
  db.pragma("foreign_keys = ON");
  return {
    name: "sqlite",
    dialect: "sqlite",
    exec: async (sql) => void db.exec(sql),
    query: async (sql) => db.prepare(sql).all() as Record<string, unknown>[],
    close: async () => void db.close(),
  };
}

export async function openPglite(): Promise<TestDb> {
  const db = new PGlite();
  await db.waitReady;
  return {
    name: "pglite",
    dialect: "postgres",
    exec: async (sql) => void (await db.exec(sql)),
    query: async (sql) => (await db.query<Record<string, unknown>>(sql)).rows,
    close: async () => db.close(),
  };
}

function findPgBin(tool: string): string | undefined {
  const onPath = spawnSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  const base = "/usr/lib/postgresql";
  if (!fs.existsSync(base)) return undefined;
  for (const v of fs.readdirSync(base).sort().reverse()) {
    const p = path.join(base, v, "bin", tool);
    if (fs.existsSync(p)) return p;
  }
  return undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export interface PgServer {
  port: number;
  stop(): void;
  /** A fresh database on the server, dropped at close. */
  open(): Promise<TestDb>;
}

/** Starts a PostgreSQL server, or returns undefined with the reason when the machine has none. */
export async function startPostgresServer(): Promise<PgServer | { unavailable: string }> {
  const initdb = findPgBin("initdb");
  const pgCtl = findPgBin("pg_ctl");
  if (!initdb || !pgCtl) return { unavailable: "initdb/pg_ctl not found" };
  const root = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-pg-"));
  fs.chmodSync(dir, 0o777);
  const data = path.join(dir, "data");
  const asPg = (cmd: string, args: string[]) => (root ? execFileSync("runuser", ["-u", "postgres", "--", cmd, ...args], { stdio: "pipe" }) : execFileSync(cmd, args, { stdio: "pipe" }));
  const port = await freePort();
  try {
    asPg(initdb, ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]);
    asPg(pgCtl, ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
  } catch (e) {
    return { unavailable: `could not start PostgreSQL: ${(e as Error).message.split("\n")[0]}` };
  }
  let n = 0;
  return {
    port,
    stop() {
      try {
        asPg(pgCtl, ["-D", data, "-m", "immediate", "stop"]);
      } catch {
        /* already stopped */
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
    async open() {
      const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
      await admin.connect();
      const dbName = `isu_test_${process.pid}_${n++}`;
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
      const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: dbName });
      await client.connect();
      return {
        name: "postgres-server",
        dialect: "postgres",
        exec: async (sql) => void (await client.query(sql)),
        query: async (sql) => (await client.query(sql)).rows as Record<string, unknown>[],
        close: async () => {
          await client.end();
          const a = new pg.Client({ host: "127.0.0.1", port, user: "postgres", database: "postgres" });
          await a.connect();
          await a.query(`DROP DATABASE IF EXISTS ${dbName}`);
          await a.end();
        },
      };
    },
  };
}

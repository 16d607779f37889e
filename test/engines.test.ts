// compiler/data/engines: one interface over SQLite, PostgreSQL (the real
// server the tests start) and DuckDB, chosen by URL; the plan check; and
// every error a user will meet, through the API and through the real CLI
// (exit 2, a sentence naming the URL and the fix, no stack trace).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import type { PlanModel } from "../compiler/model/index.js";
import { generateDdl } from "../compiler/generate/ddl/index.js";
import { DIALECTS } from "../compiler/sql/dialects/index.js";
import { checkPlanDatabase, DatabaseError, maskUrl, openEngine, parseDatabaseUrl, planInDatabase, URL_FORMS, type Engine } from "../compiler/data/engines/index.js";
import { startPostgresServer, type PgServer } from "./support/databases.js";
import { ensureBuilt } from "./support/build.js";

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "bin", "isu.js");
const IBIC = path.join(root, "examples", "hemtjanst_ibic.isu");
const OTHER_PLAN = path.join(root, "examples", "barn_och_unga.isu");

function modelOf(file: string): PlanModel {
  const m = compile(file).model;
  if (!m) throw new Error(`${file} has no model`);
  return m;
}

let dir: string;
let pg: PgServer | undefined;
let pgUnavailable = "";
let databases = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-engines-"));
  const s = await startPostgresServer();
  if ("unavailable" in s) pgUnavailable = s.unavailable;
  else pg = s;
});
afterAll(() => {
  pg?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const server = (): PgServer => {
  if (!pg) throw new Error(`PostgreSQL server needed: ${pgUnavailable}`);
  return pg;
};

async function newPostgresUrl(): Promise<string> {
  const admin = await openEngine(`postgres://postgres@127.0.0.1:${server().port}/postgres`);
  const name = `isu_eng_${process.pid}_${databases++}`;
  await admin.exec(`CREATE DATABASE ${name}`);
  await admin.close();
  return `postgres://postgres@127.0.0.1:${server().port}/${name}`;
}

let passwordReady: Promise<void> | undefined;
/** A role isu_pw with password 'right' that must authenticate by password, through the server's own pg_hba.conf (everyone else stays trust). */
function passwordRole(): Promise<void> {
  passwordReady ??= (async () => {
    const admin = await openEngine(`postgres://postgres@127.0.0.1:${server().port}/postgres`);
    await admin.exec("CREATE ROLE isu_pw LOGIN PASSWORD 'right'");
    const hba = String((await admin.query("SHOW hba_file"))[0]!["hba_file"]);
    fs.writeFileSync(hba, `host all isu_pw 127.0.0.1/32 scram-sha-256\n${fs.readFileSync(hba, "utf8")}`);
    await admin.query("SELECT pg_reload_conf()");
    await admin.close();
  })();
  return passwordReady;
}

const fresh = (ext: string) => path.join(dir, `${Math.random().toString(36).slice(2)}.${ext}`);
const ENGINES = [
  { kind: "sqlite", url: async () => fresh("db") },
  { kind: "postgres", url: newPostgresUrl },
  { kind: "duckdb", url: async () => fresh("duckdb") },
] as const;

describe("database URLs", () => {
  it("name the engine by their form", () => {
    const kind = (u: string) => parseDatabaseUrl(u).kind;
    for (const u of ["data.db", "a/b.sqlite", "X.SQLITE3", "sqlite:plain-name", "sqlite:/abs/file.bin"]) expect(kind(u), u).toBe("sqlite");
    for (const u of ["postgres://u@h/db", "postgresql://u:p@h:5433/db?sslmode=disable"]) expect(kind(u), u).toBe("postgres");
    for (const u of ["big.duckdb", "duckdb:region.bin"]) expect(kind(u), u).toBe("duckdb");
    expect(parseDatabaseUrl("sqlite:rel.bin")).toMatchObject({ path: path.resolve("rel.bin") });
  });

  it("refuse any other form, listing the forms", () => {
    for (const u of ["data.csv", "mysql://u@h/db", "", "sqlite:", "report"]) {
      expect(() => parseDatabaseUrl(u), u).toThrow(DatabaseError);
      if (u !== "sqlite:") expect(() => parseDatabaseUrl(u), u).toThrow(URL_FORMS[0]);
    }
  });

  it("are shown with the password masked", () => {
    expect(maskUrl("postgres://anna:hemligt@db.example.se:5432/plan")).toBe("postgres://anna:****@db.example.se:5432/plan");
    expect(maskUrl("postgresql://anna@h/plan?password=hemligt&sslmode=require")).not.toContain("hemligt");
    expect(maskUrl("postgres://anna@h/plan")).toBe("postgres://anna@h/plan");
    expect(maskUrl("data.db")).toBe("data.db");
  });
});

describe("the engines", () => {
  const rows = Array.from({ length: 2500 }, (_, i) => [i, `t${i % 7}`, i % 3 === 0, `2026-0${1 + (i % 9)}-1${i % 10}`, i % 11 === 0 ? null : (i % 40) / 4]);
  const expectedSum = rows.reduce((s, r) => s + (r[4] === null ? 0 : (r[4] as number)), 0);
  const expectedTrue = rows.filter((r) => r[2]).length;

  for (const e of ENGINES) {
    it(`${e.kind}: scripts, bulk insert (all columns or some, in any order) in a transaction, queries with numbers as numbers and dates as text, rollback`, async () => {
      const engine = await openEngine(await e.url(), { create: true });
      try {
        expect(engine.kind).toBe(e.kind);
        expect(engine.dialect).toBe(e.kind);
        const d = DIALECTS[engine.dialect];
        await engine.exec(`CREATE TABLE t (i ${d.types.integer} PRIMARY KEY, s ${d.types.text}, b ${d.types.boolean}, d ${d.types.date}, x ${d.types.decimal}); CREATE TABLE u (i ${d.types.integer})`);
        expect(await engine.tables()).toEqual(["t", "u"]);
        await engine.transaction(() => engine.insert("t", ["i", "s", "b", "d", "x"], rows));
        const [agg] = await engine.query(`SELECT count(*) AS n, sum(x) AS total, count(x) AS nx, sum(CASE WHEN b THEN 1 ELSE 0 END) AS yes, min(d) AS first FROM t`);
        expect(agg).toEqual({ n: 2500, total: expectedSum, nx: rows.filter((r) => r[4] !== null).length, yes: expectedTrue, first: "2026-01-10" });
        const [one] = await engine.query(`SELECT s, d FROM t WHERE i = 17`);
        expect(one).toEqual({ s: "t3", d: "2026-09-17" });
        // A failure inside the transaction takes the whole transaction back.
        await expect(
          engine.transaction(async () => {
            await engine.insert("u", ["i"], [[1], [2]]);
            throw new Error("stop");
          }),
        ).rejects.toThrow("stop");
        expect(await engine.query("SELECT count(*) AS n FROM u")).toEqual([{ n: 0 }]);
        // Some columns, in another order than the table's.
        await engine.insert(
          "t",
          ["x", "i"],
          [
            [2.5, 9001],
            [null, 9002],
          ],
        );
        expect(await engine.query("SELECT i, s, x FROM t WHERE i > 9000 ORDER BY i")).toEqual([
          { i: 9001, s: null, x: 2.5 },
          { i: 9002, s: null, x: null },
        ]);
      } finally {
        await engine.close();
      }
    });

    it(`${e.kind}: the plan check says what to do for no schema, another plan and another version`, async () => {
      const model = modelOf(IBIC);
      const engine = await openEngine(await e.url(), { create: true });
      try {
        expect(await planInDatabase(engine)).toBeUndefined();
        await expect(checkPlanDatabase(engine, model)).rejects.toThrow(new RegExp(`holds no plan schema .*isu simulate .*isu import .*schema\\.${e.kind}\\.sql`));
        await engine.exec(generateDdl(model, DIALECTS[engine.dialect]));
        expect(await planInDatabase(engine)).toEqual({ name: model.name, version: model.version });
        await checkPlanDatabase(engine, model);
        const other = modelOf(OTHER_PLAN);
        await expect(checkPlanDatabase(engine, other)).rejects.toThrow(`holds the data of plan '${model.name}', not '${other.name}'`);
        await engine.exec("UPDATE isu_plan SET version = '2019.4'");
        await expect(checkPlanDatabase(engine, model)).rejects.toThrow(`was created from plan '${model.name}' version 2019.4, but the plan file is at version ${model.version}`);
      } finally {
        await engine.close();
      }
    });
  }

  for (const kind of ["sqlite", "duckdb"] as const) {
    const ext = kind === "sqlite" ? "db" : "duckdb";
    const engine = kind === "sqlite" ? "SQLite" : "DuckDB";
    it(`${kind}: a missing file, a folder, a read-only file, a missing folder and a file that is no database each get their sentence`, async () => {
      const missing = path.join(dir, `missing.${ext}`);
      await expect(openEngine(missing)).rejects.toThrow(`no ${engine} database at '${missing}': check the path, or create one with isu simulate`);
      expect(fs.existsSync(missing)).toBe(false);
      const folder = path.join(dir, `folder.${ext}`);
      fs.mkdirSync(folder);
      await expect(openEngine(folder, { create: true })).rejects.toThrow(`'${folder}' is a folder, not a ${engine} database file`);
      const ro = path.join(dir, `ro.${ext}`);
      const made = await openEngine(ro, { create: true });
      await made.exec("CREATE TABLE t (i INTEGER)");
      await made.close();
      fs.chmodSync(ro, 0o444);
      await expect(openEngine(ro)).rejects.toThrow(`'${ro}' is read-only: make it writable (chmod u+w ${ro}) or use another file`);
      const reader = await openEngine(ro, { readOnly: true });
      expect(await reader.tables()).toEqual(["t"]);
      await reader.close();
      const nowhere = path.join(dir, "no-such-folder", `x.${ext}`);
      await expect(openEngine(nowhere, { create: true })).rejects.toThrow(`cannot create '${nowhere}': the folder ${path.dirname(nowhere)} does not exist`);
      const text = path.join(dir, `text.${ext}`);
      fs.writeFileSync(text, "plan,individ\n".repeat(400));
      await expect(openEngine(text)).rejects.toThrow(new RegExp(`'${text.replace(/[.]/g, "\\.")}' is not a SQLite database|cannot open '${text.replace(/[.]/g, "\\.")}' as a DuckDB database`));
    });
  }

  it("postgres: refused connection, a wrong password, an unknown user, a missing database and a read-only session each get their sentence, the password masked", async () => {
    const port = server().port;
    await expect(openEngine("postgres://postgres:geheim@127.0.0.1:1/plan")).rejects.toThrow(
      "cannot connect to PostgreSQL at postgres://postgres:****@127.0.0.1:1/plan: connection refused; is the server running, and listening on 127.0.0.1:1?",
    );
    await expect(openEngine(`postgres://nobody:geheim@127.0.0.1:${port}/postgres`)).rejects.toThrow(`the server refused user 'nobody'`);
    await expect(openEngine(`postgres://postgres@127.0.0.1:${port}/no_such_db`)).rejects.toThrow("the database 'no_such_db' does not exist; create it first (createdb no_such_db)");
    await passwordRole();
    await expect(openEngine(`postgres://isu_pw:wrong@127.0.0.1:${port}/postgres`)).rejects.toThrow(
      `cannot connect to PostgreSQL at postgres://isu_pw:****@127.0.0.1:${port}/postgres: password authentication failed for user 'isu_pw'; check the user name and password in the URL`,
    );
    const right = await openEngine(`postgres://isu_pw:right@127.0.0.1:${port}/postgres`);
    expect(right.url).toBe(`postgres://isu_pw:****@127.0.0.1:${port}/postgres`);
    await right.close();
    const e = await openEngine(await newPostgresUrl(), { readOnly: true });
    await expect(e.exec("CREATE TABLE t (i integer)")).rejects.toThrow(/is read-only here/);
    await e.close();
  });
});

// ---------------------------------------------------------------- through the CLI

interface Run {
  status: number | null;
  stderr: string;
}

function isu(args: string[]): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { status: r.status, stderr: r.stderr };
}

/** A usage error: exit 2, one `isu:` sentence with the expected text, no stack trace. */
function expectUsageError(r: Run, text: string): void {
  expect(r.stderr).toContain(`isu: ${text}`);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(r.stderr).not.toContain("internal error");
  expect(r.status).toBe(2);
}

describe("isu simulate --db: errors through the real CLI", () => {
  beforeAll(() => ensureBuilt());

  it("writes a new SQLite database and refuses to write it again", async () => {
    const file = path.join(dir, "cli.db");
    const ok = isu(["simulate", IBIC, "--n", "120", "--seed", "4", "--db", file]);
    expect(ok.stderr).toContain(`wrote 120 individuals and`);
    expect(ok.status).toBe(0);
    const engine = await openEngine(file);
    expect(await engine.query("SELECT count(*) AS n FROM individ")).toEqual([{ n: 120 }]);
    await checkPlanDatabase(engine, modelOf(IBIC));
    await engine.close();
    expectUsageError(isu(["simulate", IBIC, "--n", "120", "--db", file]), `${file} already holds tables (`);
  });

  it("shows progress on a long run", async () => {
    const file = path.join(dir, "progress.db");
    const r = isu(["simulate", IBIC, "--n", "25000", "--db", file]);
    expect(r.status).toBe(0);
    const lines = r.stderr.split("\n").filter((l) => /^ {2}\d+%: /.test(l));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[lines.length - 1]).toMatch(/^ {2}100%: 25,000 individuals, [\d,]+ rows$/);
    expect(r.stderr).toContain("wrote 25,000 individuals and");
  });

  it("an unknown URL form, a folder, a missing folder and a read-only file", () => {
    expectUsageError(isu(["simulate", IBIC, "--n", "10", "--db", "mysql://me@host/plan"]), "cannot tell which database 'mysql://me@host/plan' is: use a SQLite file");
    const folder = path.join(dir, "cli-folder.db");
    fs.mkdirSync(folder);
    expectUsageError(isu(["simulate", IBIC, "--n", "10", "--db", folder]), `'${folder}' is a folder, not a SQLite database file`);
    const nowhere = path.join(dir, "nowhere", "x.duckdb");
    expectUsageError(isu(["simulate", IBIC, "--n", "10", "--db", nowhere]), `cannot create '${nowhere}': the folder ${path.dirname(nowhere)} does not exist`);
    const ro = path.join(dir, "cli-ro.db");
    fs.writeFileSync(ro, "");
    fs.chmodSync(ro, 0o444);
    expectUsageError(isu(["simulate", IBIC, "--n", "10", "--db", ro]), `'${ro}' is read-only: make it writable`);
    expectUsageError(isu(["simulate", IBIC, "--n", "ten", "--db", path.join(dir, "n.db")]), "--n needs a whole number from 1 to 10,000,000, not 'ten'");
    expect(fs.existsSync(path.join(dir, "n.db"))).toBe(false);
  });

  it("a database that is missing, or holds no plan, when a command reads it (isu report --db)", () => {
    const missing = path.join(dir, "never-made.db");
    expectUsageError(isu(["report", IBIC, "--db", missing, "--out", path.join(dir, "r1")]), `no SQLite database at '${missing}': check the path, or create one with isu simulate`);
    expect(fs.existsSync(missing)).toBe(false);
    const made = isu(["simulate", IBIC, "--n", "5", "--db", path.join(dir, "made.db"), "-q"]);
    expect(made.status).toBe(0);
    fs.writeFileSync(path.join(dir, "plain.db"), "");
    expectUsageError(
      isu(["report", IBIC, "--db", path.join(dir, "plain.db"), "--out", path.join(dir, "r2")]),
      `${path.join(dir, "plain.db")} holds no plan schema (no isu_plan table): fill it with isu simulate`,
    );
    expectUsageError(
      isu(["report", OTHER_PLAN, "--db", path.join(dir, "made.db"), "--out", path.join(dir, "r3")]),
      `${path.join(dir, "made.db")} holds the data of plan 'hemtjanst_ibic', not 'barn_och_unga'`,
    );
  });

  it("PostgreSQL refused, a wrong password, an unknown user and a missing database, the password never shown", async () => {
    const port = server().port;
    await passwordRole();
    const wrong = isu(["simulate", IBIC, "--n", "10", "--db", `postgres://isu_pw:geheim@127.0.0.1:${port}/postgres`]);
    expectUsageError(wrong, `cannot connect to PostgreSQL at postgres://isu_pw:****@127.0.0.1:${port}/postgres: password authentication failed for user 'isu_pw'`);
    expect(wrong.stderr).not.toContain("geheim");
    const refused = isu(["simulate", IBIC, "--n", "10", "--db", "postgres://postgres:geheim@127.0.0.1:1/plan"]);
    expectUsageError(refused, "cannot connect to PostgreSQL at postgres://postgres:****@127.0.0.1:1/plan: connection refused");
    expect(refused.stderr).not.toContain("geheim");
    const user = isu(["simulate", IBIC, "--n", "10", "--db", `postgres://nobody:geheim@127.0.0.1:${port}/postgres`]);
    expectUsageError(user, `cannot connect to PostgreSQL at postgres://nobody:****@127.0.0.1:${port}/postgres: the server refused user 'nobody'`);
    expect(user.stderr).not.toContain("geheim");
    expectUsageError(
      isu(["simulate", IBIC, "--n", "10", "--db", `postgres://postgres@127.0.0.1:${port}/no_such_db`]),
      `cannot connect to PostgreSQL at postgres://postgres@127.0.0.1:${port}/no_such_db: the database 'no_such_db' does not exist; create it first`,
    );
  });

  it("DuckDB and PostgreSQL: a run writes the database, the same seed giving the same rows in both", async () => {
    const url = await newPostgresUrl();
    const r = isu(["simulate", IBIC, "--n", "300", "--seed", "8", "--db", url, "--quiet"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const duck = path.join(dir, "cli.duckdb");
    expect(isu(["simulate", IBIC, "--n", "300", "--seed", "8", "--db", duck, "-q"]).status).toBe(0);
    const engines: Engine[] = [await openEngine(url), await openEngine(duck)];
    try {
      const counts = await Promise.all(
        engines.map((e) => e.query("SELECT (SELECT count(*) FROM reg_bedomning) AS a, (SELECT count(*) FROM reg_uppfoljning) AS b, (SELECT count(*) FROM individ) AS n")),
      );
      expect(counts[0]).toEqual(counts[1]);
      expect(counts[0]![0]!["n"]).toBe(300);
    } finally {
      for (const e of engines) await e.close();
    }
  });
});

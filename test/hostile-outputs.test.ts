// Generators must be safe on their own, whatever text reaches them (issue 7,
// 1b/1c). Plans are compiled, then every text in the model is replaced by a
// hostile one (NUL, CR, U+2028, quotes, `--`, `*/`, `$$`, `\!`, `GO`, HTML,
// Markdown...), bypassing the checker. Every generated script is then applied
// with the real Debian `sqlite3` CLI and the real `psql -v ON_ERROR_STOP=1 -f`
// against a real PostgreSQL server, and through @duckdb/node-api on DuckDB;
// afterwards nothing but the plan's own tables may exist and no marker file
// may have been written. A naive dialect (quotes doubled, nothing else) is run
// first with the same texts to prove that the payloads are live.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Database from "better-sqlite3";
import sqlParser from "node-sql-parser";
import pg from "pg";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { generateDdl } from "../compiler/generate/ddl/index.js";
import { storageLayout } from "../compiler/generate/storage-layout.js";
import { lookupTable } from "../compiler/sql/storage.js";
import { DIALECTS, type Dialect } from "../compiler/sql/dialects/index.js";
import { formGenerator } from "../compiler/generate/form/index.js";
import { handbookGenerator } from "../compiler/generate/handbook/index.js";
import { generateQueries, queriesGenerator } from "../compiler/generate/queries/index.js";
import { recordSchemaGenerator } from "../compiler/generate/record-schema/index.js";
import { tr, type PlanModel } from "../compiler/model/index.js";
import { startPostgresServer } from "./support/databases.js";
import { openDuckdb, type DuckDb } from "./support/duckdb.js";
import { replaceTexts } from "./support/replace-texts.js";
import { splitStatements } from "./support/tsql.js";

const root = path.resolve(__dirname, "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isu-hostile-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Where an attack that got out would leave its mark. */
const markerDir = path.join(tmp, "markers");
fs.mkdirSync(markerDir);
const marker = (what: string) => path.join(markerDir, what);
const charCodes = (s: string) => [...s].map((c) => c.codePointAt(0)).join(", ");

// Two labels in a row: the NUL makes sqlite3/psql drop the rest of the line,
// so the string stays open and the next label becomes SQL or a meta-command.
const SQLITE_ATTACK = ["x\u0000", `); --\nCREATE TABLE pwned_sqlite(z);\nSELECT writefile(char(${charCodes(marker("sqlite"))}), char(120));\n--`];
const PSQL_ATTACK = ["y\u0000", `\\! touch ${marker("psql")} #`];

const TEXTS = [
  "a'b''c\"d]e[f`g ; DROP TABLE individ; --",
  "line1\nline2\r\nline3\rline4\u2028line5\u2029line6\u0085line7\u000b\u000cend",
  "-- comment */ /* $$ $tag$ ' \\q \\! touch " + marker("psql-inline") + " \\",
  "x\nGO\nSELECT 1\n:!! touch " + marker("sqlcmd") + "\n!! touch " + marker("sqlcmd2") + "\n$(MARKER) exit\nquit\n",
  "</script><script>alert(1)</script><img src=x onerror=alert(1)> &amp; &#x41; <!-- --> ]]>",
  "# heading\n- list\n1. item\n| a | b |\n[link](https://evil.example) https://evil.example/x www.evil.example mail@evil.example mailto:a@b.example <https://x.example> ![i](x.png) **b** _i_ `c` ~~s~~ \\",
  "\u0001\u0007\u001b[31mred\u001b[0m\u007f\u009b\ttab",
  "\uD800 lone surrogates \uDFFF and 😀",
  "\n.shell touch " + marker("dot") + "\n.system touch " + marker("dot2") + "\n",
  "z\u0000\n\\! touch " + marker("psql-nul") + "\n",
  // Ends an E'' literal whose backslashes are not doubled; the line break makes COMMENT ON on DuckDB use one.
  "e\n\\'; COPY (SELECT 42) TO $$" + marker("duckdb") + "$$; --",
];

/** Replaces every text of the model (not names) with hostile ones, in a fixed order. */
/** With `benign`, the same model with plain texts in the same places: what the hostile outputs must match in shape. */
function hostile(m: PlanModel, first: "sqlite" | "psql" = "sqlite", benign = false): PlanModel {
  let n = 0;
  const next = () => (benign ? `T${n++} plain` : `T${n}:${TEXTS[n++ % TEXTS.length]}`);
  // psql stops at the first error (ON_ERROR_STOP), so the canary for psql puts its attack first.
  const attack = (i: number) => ((i % 2 === 0) === (first === "sqlite") ? SQLITE_ATTACK : PSQL_ATTACK);
  const h = replaceTexts(m, next, {
    valueLabel: (vs, i, j) => (j < 2 && !benign ? Object.fromEntries(Object.keys(vs.values[j]!.label).map((k) => [k, attack(i)[j]!])) : undefined),
    // The attack spans the rows of values 0 and 1: a line break in the first row's definition would end it early.
    valueDefinition: (vs, i, j) => (j < 2 && !benign ? { [m.language]: `D${i}.${j} plain` } : undefined),
    afterValues: (vs) => {
      if (vs.codeType !== "text") return;
      const order = vs.values.length + 1;
      vs.values.push({ code: benign ? `c${order}` : `c'--\u0000\n*/$(x)\\!${order}`, label: { [m.language]: next() }, order, other: false, missing: false, classifications: [] });
    },
  });
  h.files = [...h.files.slice(0, -1), path.join(path.dirname(h.files.at(-1)!), "a|b https:", "www.evil.example|x.isu"), h.files.at(-1)!];
  return h;
}

const PLANS = ["examples/hemtjanst_ibic.isu", "examples/barn_och_unga.isu", "test/fixtures/plans/q-tidig-insats.isu", "test/fixtures/plans/ddl-escaping.isu"];
const plans = PLANS.map((file) => {
  const c = compile(path.join(root, file));
  if (!c.model) throw new Error(`${file} does not compile`);
  return { file, model: c.model, hostile: hostile(c.model), benign: hostile(c.model, "sqlite", true) };
});

/** What Node writes to a UTF-8 file for a text the SQL scripts carry: NUL is U+FFFD there (PostgreSQL stores none). */
const stored = (s: string) => s.replace(/\u0000/g, "\uFFFD").toWellFormed();

function expectedTables(m: PlanModel): string[] {
  return ["isu_plan", "individ", ...m.valuesets.map((v) => lookupTable(v.name)), ...storageLayout(m).flatMap((l) => [l.table, ...l.choiceTables.map((c) => c.name)])].sort();
}

function markersLeft(): string[] {
  return fs.readdirSync(markerDir);
}

function clearMarkers(): void {
  for (const f of markersLeft()) fs.rmSync(marker(f));
}

// ---------------------------------------------------------------- the naive dialect (the canary)

const naiveString = (v: string) => `'${v.replace(/'/g, "''")}'`;
const naiveComment = (t: string) =>
  t
    .split(/\r\n?|\n/)
    .map((l) => `-- ${l}`)
    .join("\n");
const naiveQuote = (id: string) => `"${id}"`;
const naive = (d: Dialect): Dialect => ({
  ...d,
  string: naiveString,
  comment: naiveComment,
  quote: naiveQuote,
  describeTable: (t, text) => (d.name === "postgres" ? [`COMMENT ON TABLE "${t}" IS ${naiveString(text)}`] : []),
  describeColumn: (t, c, text) => (d.name === "postgres" ? [`COMMENT ON COLUMN "${t}"."${c}" IS ${naiveString(text)}`] : []),
});

// ---------------------------------------------------------------- sqlite3 CLI

const hasSqlite3 = spawnSync("sqlite3", ["-version"]).status === 0;

function sqlite3(db: string, script: string, how: "stdin" | "read"): { status: number | null; stderr: string } {
  const file = path.join(tmp, `script-${process.hrtime.bigint()}.sql`);
  fs.writeFileSync(file, script);
  const r = how === "stdin" ? spawnSync("sqlite3", [db], { input: fs.readFileSync(file) }) : spawnSync("sqlite3", [db, `.read ${file}`]);
  return { status: r.status, stderr: r.stderr.toString() };
}

function sqliteObjects(db: string): string[] {
  const d = new Database(db, { readonly: true });
  try {
    return (d.prepare("SELECT type, name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_autoindex_%' ORDER BY name").all() as { type: string; name: string }[]).map((r) => `${r.type} ${r.name}`);
  } finally {
    d.close();
  }
}

describe.skipIf(!hasSqlite3)(`sqlite3 CLI${hasSqlite3 ? "" : " (skipped: no sqlite3 on PATH)"}`, () => {
  it("the payloads are live: a naive dialect lets them create a table and write a file", () => {
    const db = path.join(tmp, "naive.db");
    sqlite3(db, generateDdl(plans[0]!.hostile, naive(DIALECTS.sqlite)), "stdin");
    expect(sqliteObjects(db)).toContain("table pwned_sqlite");
    expect(markersLeft()).toContain("sqlite");
    clearMarkers();
  });

  for (const p of plans) {
    for (const how of ["stdin", "read"] as const) {
      it(`${p.file}: schema and queries applied with sqlite3 (${how === "stdin" ? "sqlite3 db < file" : ".read"}) create only the plan's tables`, () => {
        const db = path.join(tmp, `${path.basename(p.file)}-${how}.db`);
        const schema = sqlite3(db, generateDdl(p.hostile, DIALECTS.sqlite), how);
        expect(schema.stderr).toBe("");
        expect(schema.status).toBe(0);
        const queries = sqlite3(db, generateQueries(p.hostile, DIALECTS.sqlite).script, how);
        expect(queries.stderr).toBe("");
        expect(queries.status).toBe(0);
        expect(sqliteObjects(db)).toEqual(
          expectedTables(p.hostile)
            .map((t) => `table ${t}`)
            .sort((a, b) => (a < b ? -1 : 1)),
        );
        expect(markersLeft()).toEqual([]);
        // Every label reads back as written (NUL as U+FFFD), and so does the plan's title.
        const d = new Database(db, { readonly: true });
        try {
          for (const vs of p.hostile.valuesets) {
            const rows = d.prepare(`SELECT code, label FROM "${lookupTable(vs.name)}" ORDER BY sort_order`).all() as { code: unknown; label: string }[];
            expect(rows.map((r) => r.label)).toEqual(vs.values.map((v) => stored(tr(v.label, p.hostile.language))));
            if (vs.codeType === "text") expect(rows.map((r) => r.code)).toEqual(vs.values.map((v) => stored(v.code)));
          }
          expect((d.prepare("SELECT title FROM isu_plan").get() as { title: string }).title).toBe(stored(tr(p.hostile.title, p.hostile.language)));
        } finally {
          d.close();
        }
      });
    }
  }
});

// ---------------------------------------------------------------- psql against a real server

const hasPsql = spawnSync("psql", ["--version"]).status === 0;
const server = hasPsql ? await startPostgresServer() : { unavailable: "no psql on PATH" };
const pgSkip = "unavailable" in server ? server.unavailable : undefined;
afterAll(() => {
  if (!("unavailable" in server)) server.stop();
});

let dbCount = 0;
async function freshDatabase(): Promise<{ name: string; client: pg.Client }> {
  if ("unavailable" in server) throw new Error("no server");
  const name = `hostile_${process.pid}_${dbCount++}`;
  const admin = new pg.Client({ host: "127.0.0.1", port: server.port, user: "postgres", database: "postgres" });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const client = new pg.Client({ host: "127.0.0.1", port: server.port, user: "postgres", database: name });
  await client.connect();
  return { name, client };
}

function psql(db: string, script: string): { status: number | null; stderr: string } {
  if ("unavailable" in server) throw new Error("no server");
  const file = path.join(tmp, `script-${process.hrtime.bigint()}.sql`);
  fs.writeFileSync(file, script);
  const r = spawnSync("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", String(server.port), "-U", "postgres", "-d", db, "-o", "/dev/null", "-f", file], {
    maxBuffer: 64 << 20,
    env: { ...process.env, PGCLIENTENCODING: "SJIS" },
  });
  return { status: r.status, stderr: r.stderr.toString() };
}

/** Everything in the database a script could have created besides tables in public. */
async function pgObjects(c: pg.Client): Promise<Record<string, string[]>> {
  const list = async (sql: string) => (await c.query(sql)).rows.map((r) => Object.values(r).join(" ")).sort();
  return {
    relations: await list(
      `SELECT n.nspname, c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') AND c.relkind NOT IN ('i') ORDER BY 1, 2`,
    ),
    functions: await list(`SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')`),
    schemas: await list(`SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg_%' AND nspname <> 'information_schema'`),
    triggers: await list(`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal`),
    roles: await list(`SELECT rolname FROM pg_roles WHERE rolname NOT LIKE 'pg_%'`),
    extensions: await list(`SELECT extname FROM pg_extension`),
    rules: await list(`SELECT rulename FROM pg_rules WHERE schemaname NOT IN ('pg_catalog')`),
  };
}

describe.skipIf(!!pgSkip)(`psql -v ON_ERROR_STOP=1 -f on a real PostgreSQL server${pgSkip ? ` (skipped: ${pgSkip})` : ""}`, () => {
  it("the payloads are live: a naive dialect lets a \\! meta-command run", async () => {
    const { name, client } = await freshDatabase();
    await client.end();
    psql(name, generateDdl(hostile(plans[0]!.model, "psql"), naive(DIALECTS.postgres)));
    expect(markersLeft()).toContain("psql");
    clearMarkers();
  });

  for (const p of plans) {
    it(`${p.file}: schema and queries applied with psql create only the plan's tables`, async () => {
      const { name, client } = await freshDatabase();
      try {
        const before = await pgObjects(client);
        const schema = psql(name, generateDdl(p.hostile, DIALECTS.postgres));
        expect(schema.stderr.slice(0, 2000)).toBe("");
        expect(schema.status).toBe(0);
        const queries = psql(name, generateQueries(p.hostile, DIALECTS.postgres).script);
        expect(queries.stderr).toBe("");
        expect(queries.status).toBe(0);
        expect(markersLeft()).toEqual([]);
        const after = await pgObjects(client);
        expect(after.relations).toEqual(
          expectedTables(p.hostile)
            .map((t) => `public ${t} r`)
            .sort(),
        );
        expect({ ...after, relations: [] }).toEqual({ ...before, relations: [] });
        for (const vs of p.hostile.valuesets) {
          const rows = (await client.query(`SELECT code::text AS code, label FROM "${lookupTable(vs.name)}" ORDER BY sort_order`)).rows;
          expect(rows.map((r) => r.label)).toEqual(vs.values.map((v) => stored(tr(v.label, p.hostile.language))));
          if (vs.codeType === "text") expect(rows.map((r) => r.code)).toEqual(vs.values.map((v) => stored(v.code)));
        }
        // COMMENT ON keeps line breaks and every other character (E'' with \u escapes).
        const v = p.hostile.variables.find((x) => !(x.type.kind === "choice" && x.type.multiple))!;
        const comment = (
          await client.query(
            `SELECT col_description('"reg_${v.timepoints[0]}"'::regclass, a.attnum) AS d FROM pg_attribute a WHERE a.attrelid = '"reg_${v.timepoints[0]}"'::regclass AND a.attname = $1`,
            [v.name],
          )
        ).rows[0]!.d as string;
        expect(comment.split("\n")[0]).toBe(stored(tr(v.label, p.hostile.language)).split("\n")[0]);
        expect(comment).toContain(stored(tr(v.label, p.hostile.language)));
      } finally {
        await client.end();
      }
    });
  }
});

// ---------------------------------------------------------------- DuckDB through @duckdb/node-api

/** Everything a script could have created or changed in DuckDB besides the tables. */
async function duckObjects(db: DuckDb): Promise<Record<string, unknown[]>> {
  const list = async (sql: string) => (await db.query(sql)).map((r) => Object.values(r).join(" ")).sort();
  return {
    tables: await list("SELECT database_name, schema_name, table_name FROM duckdb_tables()"),
    databases: await list("SELECT database_name, path FROM duckdb_databases()"),
    schemas: await list("SELECT database_name, schema_name FROM duckdb_schemas()"),
    views: await list("SELECT view_name FROM duckdb_views() WHERE NOT internal"),
    functions: await list("SELECT function_name FROM duckdb_functions() WHERE NOT internal"),
    sequences: await list("SELECT sequence_name FROM duckdb_sequences()"),
    types: await list("SELECT type_name FROM duckdb_types() WHERE NOT internal"),
    indexes: await list("SELECT index_name FROM duckdb_indexes()"),
    extensions: await list("SELECT extension_name FROM duckdb_extensions() WHERE loaded"),
    settings: await list("SELECT name, value FROM duckdb_settings()"),
    secrets: await list("SELECT name FROM duckdb_secrets()"),
  };
}

/** A COMMENT ON text as DuckDB's E'' can carry it: the Unicode line breaks as a line feed, the other C1 controls as U+FFFD. */
const duckComment = (s: string) =>
  stored(s)
    .replace(/[\u0085\u2028\u2029]/g, "\n")
    .replace(/[\u0080-\u009f]/g, "\uFFFD");

/** The real dialect with one mistake: COMMENT ON's E'' literal doubles quotes but not backslashes. */
const halfEscaped = (t: string) =>
  `E'${stored(t)
    .replace(/'/g, "''")
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\${c.charCodeAt(0) < 0x80 ? c.charCodeAt(0).toString(8).padStart(3, "0") : "012"}`)}'`;
const halfEscapedDuckdb: Dialect = {
  ...DIALECTS.duckdb,
  describeTable: (t, text) => [`COMMENT ON TABLE "${t}" IS ${halfEscaped(text)}`],
  describeColumn: (t, c, text) => [`COMMENT ON COLUMN "${t}"."${c}" IS ${halfEscaped(text)}`],
};

describe("DuckDB through @duckdb/node-api", () => {
  it("the payloads are live: naive literals lose the script at the first NUL; E'' without doubled backslashes lets COPY write a file", async () => {
    const db = await openDuckdb();
    try {
      await expect(db.exec(generateDdl(plans[0]!.hostile, naive(DIALECTS.duckdb)))).rejects.toThrow(/unterminated quoted string/);
      expect(await db.query("SELECT table_name FROM duckdb_tables()")).toEqual([]);
      await db.exec("ROLLBACK").catch(() => undefined);
      // DuckDB parses the whole script before it runs any of it, so the other texts ending in a backslash stay out.
      const canary = hostile(plans[0]!.model, "sqlite", true);
      canary.variables[0]!.label = { [canary.language]: TEXTS.at(-1)! };
      await db.exec(generateDdl(canary, halfEscapedDuckdb)).catch(() => undefined);
      expect(markersLeft()).toEqual(["duckdb"]);
    } finally {
      await db.close();
      clearMarkers();
    }
  });

  for (const p of plans) {
    it(`${p.file}: schema.duckdb.sql and queries.duckdb.sql create only the plan's tables and keep every text`, async () => {
      const db = await openDuckdb();
      try {
        const before = await duckObjects(db);
        await db.exec(generateDdl(p.hostile, DIALECTS.duckdb));
        expect(markersLeft()).toEqual([]);
        const schemaDone = await duckObjects(db);
        expect(schemaDone.tables).toEqual(expectedTables(p.hostile).map((t) => `memory main ${t}`));
        const indexes = schemaDone.indexes;
        expect({ ...schemaDone, tables: [], indexes: [] }).toEqual({ ...before, tables: [], indexes: [] });
        for (const vs of p.hostile.valuesets) {
          const rows = await db.query(`SELECT CAST(code AS VARCHAR) AS code, label FROM "${lookupTable(vs.name)}" ORDER BY sort_order`);
          expect(rows.map((r) => r.label)).toEqual(vs.values.map((v) => stored(tr(v.label, p.hostile.language))));
          if (vs.codeType === "text") expect(rows.map((r) => r.code)).toEqual(vs.values.map((v) => stored(v.code)));
        }
        expect((await db.query("SELECT title FROM isu_plan"))[0]!.title).toBe(stored(tr(p.hostile.title, p.hostile.language)));
        const v = p.hostile.variables.find((x) => !(x.type.kind === "choice" && x.type.multiple))!;
        const [c] = await db.query(`SELECT comment FROM duckdb_columns() WHERE table_name = 'reg_${v.timepoints[0]}' AND column_name = '${v.name}'`);
        expect(String(c!.comment)).toContain(duckComment(tr(v.label, p.hostile.language)));
        // The counts queries (compiler/generate/queries/) on the loaded schema.
        await db.exec(generateQueries(p.hostile, DIALECTS.duckdb).script);
        expect(markersLeft()).toEqual([]);
        expect(await duckObjects(db)).toEqual({ ...schemaDone, indexes });
      } finally {
        await db.close();
      }
    });
  }
});

// ---------------------------------------------------------------- SQL Server: sqlcmd cannot be reached

const tsql = new sqlParser.Parser();

/** A statement with every literal (N'…', NCHAR(n) and their concatenations) as S and no comments, so scripts compare by shape. */
function skeleton(sql: string): string {
  let out = "";
  for (let i = 0; i < sql.length;) {
    if (sql.startsWith("--", i)) {
      i = sql.indexOf("\n", i) < 0 ? sql.length : sql.indexOf("\n", i) + 1;
    } else if (sql.startsWith("N'", i)) {
      let j = i + 2;
      for (; j < sql.length; j++) {
        if (sql[j] === "'" && sql[j + 1] === "'") j++;
        else if (sql[j] === "'") break;
      }
      out += "S";
      i = j + 1;
    } else if (sql[i] === "[") {
      const j = sql.indexOf("]", i);
      out += sql.slice(i, j + 1);
      i = j + 1;
    } else if (/^NCHAR\(\d+\)/.test(sql.slice(i, i + 12))) {
      out += "S";
      i = sql.indexOf(")", i) + 1;
    } else out += sql[i++];
  }
  let prev = "";
  while (prev !== out) {
    prev = out;
    out = out.replace(/\(S(?: \+ S)+\)/g, "S").replace(/CAST\(S AS nvarchar\(max\)\)/g, "S");
  }
  return out.replace(/@value = @isu_description/g, "@value = S").replace(/\s+/g, " ");
}

describe("SQL Server scripts", () => {
  for (const p of plans) {
    it(`${p.file}: no line sqlcmd reads as a command, every statement parses, and the statements are the benign plan's`, () => {
      const scripts = [generateDdl(p.hostile, DIALECTS.mssql), generateQueries(p.hostile, DIALECTS.mssql).script];
      const benign = [generateDdl(p.benign, DIALECTS.mssql), generateQueries(p.benign, DIALECTS.mssql).script];
      scripts.forEach((script, k) => {
        expect(script).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
        expect(script).not.toMatch(/\r/);
        expect(script).not.toContain("$(");
        for (const line of script.split("\n")) {
          expect(line, line).not.toMatch(/^\s*(?:GO\b|:|!!|exit\b|quit\b)/i);
        }
        const statements = splitStatements(script);
        for (const s of statements) {
          // node-sql-parser cannot read T-SQL REFERENCES t (c): cut out, as ddl.test.ts does. It also
          // reads \' inside N'…' as an escaped quote, which T-SQL has not: backslashes become /.
          const stripped = s.replace(/ REFERENCES \[[^\]]+\] \(\[[^\]]+\]\)(?: ON DELETE CASCADE)?/g, "").replace(/\\/g, "/");
          expect(() => tsql.astify(stripped, { database: "transactsql" }), s.slice(0, 300)).not.toThrow();
        }
        const shapes = statements.filter((s) => !s.startsWith("SELECT @isu_description")).map(skeleton);
        const benignShapes = splitStatements(benign[k]!)
          .filter((s) => !s.startsWith("SELECT @isu_description"))
          .map(skeleton);
        expect(shapes.length).toBe(benignShapes.length);
        expect(
          shapes
            .map((s, i) => [s, benignShapes[i]])
            .filter(([a, b]) => a !== b)
            .slice(0, 2),
        ).toEqual([]);
      });
    });
  }
});

// ---------------------------------------------------------------- every SQL script: comments and literals

describe("every SQL script", () => {
  for (const p of plans) {
    it(`${p.file}: comment lines carry no control character and no literal spans a line`, () => {
      for (const d of Object.values(DIALECTS)) {
        for (const script of [generateDdl(p.hostile, d), generateQueries(p.hostile, d).script]) {
          expect(script).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
          for (const line of script.split("\n")) {
            // A line is code, or a comment that starts it: plan text never begins a line.
            expect(line, `${d.name}: ${line}`).not.toMatch(/^\s*[\\.:!]/);
            expect(line, `${d.name}: ${line}`).not.toMatch(/^\s*(?:GO|go)\s*$/);
          }
        }
      }
    });
  }
});

// ---------------------------------------------------------------- JSON outputs

function strings(x: unknown, out: Set<string> = new Set()): Set<string> {
  if (typeof x === "string") out.add(x);
  else if (Array.isArray(x)) for (const e of x) strings(e, out);
  else if (x && typeof x === "object") for (const [k, v] of Object.entries(x)) strings(v, out.add(k));
  return out;
}

describe("JSON outputs", () => {
  for (const p of plans) {
    it(`${p.file}: form.json, record schemas and queries.json parse and hold the hostile texts exactly`, () => {
      const h = p.hostile;
      const opts = { lang: h.language, dialects: ["sqlite", "postgres", "mssql", "duckdb"] as const };
      const files = [
        ...formGenerator(h, { ...opts, dialects: [...opts.dialects] }),
        ...recordSchemaGenerator(h, { ...opts, dialects: [...opts.dialects] }),
        ...queriesGenerator(h, { ...opts, dialects: [...opts.dialects] }).filter((f) => f.path.endsWith(".json")),
      ];
      for (const f of files) {
        // Raw U+2028/2029 and `<` are escaped so the JSON can be pasted into a <script>.
        expect(f.content).not.toMatch(/[\u2028\u2029<]/);
        expect(() => JSON.parse(f.content), f.path).not.toThrow();
      }
      const form = strings(JSON.parse(files.find((f) => f.path === "form.json")!.content));
      for (const v of h.variables) expect(form.has(tr(v.label, h.language))).toBe(true);
      for (const vs of h.valuesets) for (const v of vs.values) expect(form.has(tr(v.label, h.language)), JSON.stringify(tr(v.label, h.language))).toBe(true);
      for (const vs of h.valuesets) for (const v of vs.values) expect(form.has(v.code) || vs.codeType === "integer").toBe(true);
      expect(form.has(tr(h.title, h.language))).toBe(true);
      const manifest = strings(JSON.parse(files.find((f) => f.path === "queries.json")!.content));
      for (const q of h.questions) expect(manifest.has(tr(q.label, h.language))).toBe(true);
      const schema = JSON.parse(files.find((f) => f.path.startsWith("record."))!.content);
      expect(strings(schema).has(tr(h.variables.find((v) => v.timepoints.includes(h.timepoints[0]!.name))!.label, h.language))).toBe(true);
    });
  }
});

// ---------------------------------------------------------------- the handbook in Chromium

function findChromium(): string | undefined {
  if (fs.existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  const r = spawnSync("which", ["chromium"], { encoding: "utf8" });
  return r.stdout.trim() || undefined;
}
const chromiumPath = findChromium();

describe.skipIf(!chromiumPath)(`handbook.html in headless Chromium${chromiumPath ? "" : " (skipped: no chromium)"}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath, args: ["--no-sandbox"] });
  });
  afterAll(async () => browser?.close());

  /** Every element with its attribute names, and the text of the body. */
  async function structure(html: string): Promise<{ elements: string[]; text: string; scripts: number; handlers: number }> {
    const page = await browser.newPage({ javaScriptEnabled: true });
    try {
      await page.route("**/*", (route) => route.abort());
      await page.setContent(html);
      return await page.evaluate(() => {
        const all = [...document.querySelectorAll("*")];
        return {
          elements: all.map((e) => `${e.tagName}[${[...e.attributes].map((a) => a.name).join(",")}]`),
          text: document.body.innerText,
          scripts: document.scripts.length,
          handlers: all.filter((e) => [...e.attributes].some((a) => a.name.startsWith("on"))).length,
        };
      });
    } finally {
      await page.close();
    }
  }

  for (const p of plans) {
    it(`${p.file}: hostile texts are text nodes only (the same elements and attributes as the benign plan)`, async () => {
      const opts = { lang: p.model.language, dialects: [] };
      const html = handbookGenerator(p.hostile, opts).find((f) => f.path === "handbook.html")!.content;
      // Same element tree as with plain texts in the same places: nothing injected.
      const benign = handbookGenerator(p.benign, opts).find((f) => f.path === "handbook.html")!.content;
      const [got, want] = [await structure(html), await structure(benign)];
      expect(got.scripts).toBe(0);
      expect(got.handlers).toBe(0);
      expect(got.elements).toEqual(want.elements);
      // The texts are there, as text.
      expect(got.text).toContain("</script><script>alert(1)</script><img src=x onerror=alert(1)>");
      expect(got.text).toContain("[link](https://evil.example)");
    });
  }
});

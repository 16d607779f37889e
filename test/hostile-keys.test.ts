// Keys and dates (issue 7, item 8): the record schema and the databases must
// refuse the same keys and the same dates. The key rule is stated once
// (compiler/sql/key.ts); here every rendering of it — the record
// schema's pattern under ajv, the SQLite script on better-sqlite3 and on the
// Debian `sqlite3` CLI (SQLite 3.40, which the scripts are applied with), the
// PostgreSQL script on PGlite and through `psql -f` on a real server, the SQL
// Server checks through a small T-SQL evaluator, the DuckDB script on DuckDB
// (@duckdb/node-api) — is run on hostile keys
// (test/fixtures/hostile/keys-and-dates.json), on the whole of \p{Pd} and
// Unicode white space, and on random keys, and must agree with the rule's
// reference implementation. Dates likewise, against Date.UTC.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv2020Module from "ajv/dist/2020.js";
import Database from "better-sqlite3";
import { PGlite } from "@electric-sql/pglite";
import fc from "fast-check";
import pg_ from "pg";
import sqlParser from "node-sql-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { generateDdl } from "../compiler/generate/ddl/index.js";
import { codePoints, isPersonnummerShaped, isWellFormedKey, KEY_DIGITS, KEY_FORBIDDEN, KEY_SEPARATORS, letterFolds, PREFIX_LETTERS } from "../compiler/sql/key.js";
import { storageLayout } from "../compiler/generate/storage-layout.js";
import { DIALECTS } from "../compiler/sql/dialects/index.js";
import { buildRecordSchemas, DATE_PATTERN, PSEUDONYM_PATTERN } from "../compiler/generate/record-schema/index.js";
import type { PlanModel } from "../compiler/model/index.js";
import { startPostgresServer } from "./support/databases.js";
import { openDuckdb, type DuckDb } from "./support/duckdb.js";
import { splitStatements } from "./support/tsql.js";
import { checkConstraints, evaluateTsql } from "./support/tsql-eval.js";

const root = path.resolve(__dirname, "..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "isu-keys-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const model: PlanModel = (() => {
  const c = compile(path.join(root, "test", "fixtures", "plans", "ddl-types.isu"));
  if (!c.model) throw new Error("ddl-types.isu does not compile");
  return c.model;
})();
const regTable = storageLayout(model)[0]!.table;
const sqliteScript = generateDdl(model, DIALECTS.sqlite);
const postgresScript = generateDdl(model, DIALECTS.postgres);
const mssqlScript = generateDdl(model, DIALECTS.mssql);
const duckdbScript = generateDdl(model, DIALECTS.duckdb);

// ---------------------------------------------------------------- the inputs

// The inputs live with the other adversarial texts.
const inputs = JSON.parse(fs.readFileSync(path.join(root, "test", "fixtures", "hostile", "keys-and-dates.json"), "utf8")) as {
  goodKeys: string[];
  hostileKeys: [string, string][];
  impossibleDates: string[];
  malformedDates: string[];
  goodDates: string[];
};
const GOOD_KEYS = inputs.goodKeys;
const HOSTILE_KEYS = inputs.hostileKeys;
/** Days that do not exist: every engine refuses them. */
const IMPOSSIBLE_DATES = inputs.impossibleDates;
/** Not YYYY-MM-DD: the schema and SQLite refuse them; PostgreSQL reads them as dates (stricter is fine there). */
const BAD_DATES = [...IMPOSSIBLE_DATES, ...inputs.malformedDates];
const GOOD_DATES = inputs.goodDates;

it("the fixture holds the keys and dates of the issue", () => {
  const keys = HOSTILE_KEYS.map(([k]) => k);
  for (const k of ["121212-1212 ", " 1212121212", "", "   ", "x".repeat(65), "19121212\u20131212", "SE191212121212", "pnr:1912121212", "19121212\u200B1212"]) expect(keys).toContain(k);
  expect(keys.some((k) => /^[\uFF10-\uFF19]{10,12}$/.test(k))).toBe(true);
  for (const d of ["2026-02-30", "2025-02-29", "2026-04-31", "2026-13-01"]) expect(IMPOSSIBLE_DATES).toContain(d);
  for (const d of ["2024-02-29", "2026-12-31"]) expect(GOOD_DATES).toContain(d);
  expect(GOOD_KEYS).toContain("a1b2c3");
  expect(GOOD_KEYS.some((k) => /^[0-9a-f]{64}$/.test(k))).toBe(true);
});

/** The rule's own answer. */
const accepted = (key: string): boolean => isWellFormedKey(key) && !isPersonnummerShaped(key);

// ---------------------------------------------------------------- the four judges

const Ajv2020 = Ajv2020Module.default;
const recordSchema = buildRecordSchemas(model, { lang: model.language })[0]!.schema as { properties: Record<string, object> };
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateKey = ajv.compile({ $schema: "https://json-schema.org/draft/2020-12/schema", ...recordSchema.properties.individ_id });
const validateDate = ajv.compile({ $schema: "https://json-schema.org/draft/2020-12/schema", ...recordSchema.properties.registrerad_datum });
const schemaAccepts = (key: string): boolean => validateKey(key) as boolean;
const schemaAcceptsDate = (d: string): boolean => validateDate(d) as boolean;

let sqlite: Database.Database;
let pg: PGlite;
let duck: DuckDb;
beforeAll(async () => {
  sqlite = new Database(":memory:");
  sqlite.exec(sqliteScript);
  pg = new PGlite();
  await pg.waitReady;
  await pg.exec(postgresScript);
  duck = await openDuckdb();
  await duck.exec(duckdbScript);
});
afterAll(async () => {
  sqlite?.close();
  await pg?.close();
  await duck?.close();
});

const CHECK = /check constraint/i;

/** Inserts with bound parameters, so that the key reaches the CHECK exactly. */
function sqliteInsert(key: string): Error | undefined {
  try {
    sqlite.prepare("INSERT INTO individ (individ_id) VALUES (?)").run(key);
    sqlite.prepare("DELETE FROM individ WHERE individ_id = ?").run(key);
    return undefined;
  } catch (e) {
    return e as Error;
  }
}

async function pgInsert(key: string): Promise<Error | undefined> {
  try {
    await pg.query("INSERT INTO individ (individ_id) VALUES ($1)", [key]);
    await pg.query("DELETE FROM individ WHERE individ_id = $1", [key]);
    return undefined;
  } catch (e) {
    return e as Error;
  }
}

async function duckInsert(key: string): Promise<Error | undefined> {
  try {
    await duck.run("INSERT INTO individ (individ_id) VALUES ($1)", [key]);
    await duck.run("DELETE FROM individ WHERE individ_id = $1", [key]);
    return undefined;
  } catch (e) {
    return e as Error;
  }
}

const hasSqlite3 = spawnSync("sqlite3", ["-version"]).status === 0;
const sqlite3Version = hasSqlite3 ? spawnSync("sqlite3", ["-version"], { encoding: "utf8" }).stdout.split(" ")[0] : "none";

/** A text as an exact SQLite literal: its UTF-8 bytes in hex (the script stays ASCII, and a NUL survives). */
const hexText = (s: string): string => `CAST(X'${Buffer.from(s, "utf8").toString("hex")}' AS TEXT)`;

/**
 * Applies the SQLite script with the `sqlite3` CLI as a DBA would
 * (`sqlite3 db < file`), then one INSERT per row; the CLI reports each refused
 * statement and goes on. Returns what was stored, in hex, and the errors.
 */
function sqlite3Batch(inserts: string[], readBack: string): { stored: string[]; errors: string[]; status: number | null } {
  const db = path.join(tmp, `cli-${process.hrtime.bigint()}.db`);
  const script = `${sqliteScript}\n${inserts.map((s) => `${s};`).join("\n")}\n${readBack};\n`;
  const r = spawnSync("sqlite3", ["-batch", db], { input: script, encoding: "utf8", maxBuffer: 64 << 20 });
  fs.rmSync(db, { force: true });
  return { stored: r.stdout.split("\n").filter(Boolean), errors: r.stderr.split("\n").filter(Boolean), status: r.status };
}

/** Which of the keys the `sqlite3` CLI stores in individ. */
function sqlite3Accepts(keys: string[]): boolean[] {
  const r = sqlite3Batch(
    keys.map((k) => `INSERT INTO individ (individ_id) VALUES (${hexText(k)})`),
    "SELECT hex(individ_id) FROM individ",
  );
  // Nothing but refused INSERTs may go wrong: the schema itself applies.
  for (const e of r.errors) expect(e).toMatch(/^(Parse|Runtime) error near line \d+: (CHECK|UNIQUE) constraint failed|^Error: near line \d+: (stepping, )?(CHECK|UNIQUE) constraint failed/);
  const stored = new Set(r.stored);
  return keys.map((k) => stored.has(Buffer.from(k, "utf8").toString("hex").toUpperCase()));
}

/** Which of the dates the `sqlite3` CLI stores as registrerad_datum (one individual per date). */
function sqlite3AcceptsDates(dates: string[]): boolean[] {
  const r = sqlite3Batch(
    dates.flatMap((d, i) => [`INSERT INTO individ (individ_id) VALUES ('d${i}')`, `INSERT INTO "${regTable}" (individ_id, registrerad_datum) VALUES ('d${i}', ${hexText(d)})`]),
    `SELECT individ_id FROM "${regTable}"`,
  );
  for (const e of r.errors) expect(e).toMatch(/CHECK constraint failed/);
  const stored = new Set(r.stored);
  return dates.map((_, i) => stored.has(`d${i}`));
}

function sqliteAcceptsDate(d: string, i: string): boolean {
  sqlite.prepare("INSERT INTO individ (individ_id) VALUES (?)").run(i);
  try {
    sqlite.prepare(`INSERT INTO "${regTable}" (individ_id, registrerad_datum) VALUES (?, ?)`).run(i, d);
    return true;
  } catch (e) {
    expect((e as Error).message).toMatch(CHECK);
    return false;
  }
}

/** Impossible days fail the DATE type; year 0, which DuckDB's DATE holds, fails the CHECK. */
async function duckAcceptsDate(d: string, i: string): Promise<boolean> {
  await duck.run("INSERT INTO individ (individ_id) VALUES ($1)", [i]);
  try {
    await duck.run(`INSERT INTO "${regTable}" (individ_id, registrerad_datum) VALUES ($1, $2)`, [i, d]);
    return true;
  } catch (e) {
    expect((e as Error).message).toMatch(/Conversion Error|CHECK constraint/);
    return false;
  }
}

async function pgAcceptsDate(d: string, i: string): Promise<boolean> {
  await pg.query("INSERT INTO individ (individ_id) VALUES ($1)", [i]);
  try {
    await pg.query(`INSERT INTO "${regTable}" (individ_id, registrerad_datum) VALUES ($1, $2)`, [i, d]);
    return true;
  } catch (e) {
    expect((e as Error).message).toMatch(/invalid input syntax for type date|out of range/);
    return false;
  }
}

// ---------------------------------------------------------------- keys

// Characters that matter to the rule, and a few that do not.
const interesting = [
  ...codePoints(KEY_DIGITS),
  ...KEY_SEPARATORS,
  ...letterFolds().map(([cp]) => cp),
  ..."sepnrSEPNRxyzA_åÖ".split("").map((c) => c.codePointAt(0)!),
  ...KEY_FORBIDDEN.flatMap(([a, b]) => [a === 0 ? 1 : a, b]).filter((cp) => cp < 0xd800 || cp > 0xdfff),
  0x1f600,
  0x1d7cf,
];
const char = fc.constantFrom(...interesting).map((cp) => String.fromCodePoint(cp));
const digit = fc.constantFrom(...codePoints(KEY_DIGITS)).map((cp) => String.fromCodePoint(cp));
const sep = fc.constantFrom(...KEY_SEPARATORS).map((cp) => String.fromCodePoint(cp));
// Personnummer-like keys, so that the shape is hit and just missed often.
const near = fc
  .tuple(
    fc.constantFrom("", "se", "SE", "pnr", "Pnr", "pn", "snr", "\uFF33\uFF25", "x", "sep", "p-nr", "\u017Fe"),
    fc.array(fc.tuple(digit, fc.option(sep, { freq: 3 })), { minLength: 8, maxLength: 14 }),
    fc.option(sep),
  )
  .map(([p, ds, s]) => `${s ?? ""}${p}${ds.map(([d, x]) => d + (x ?? "")).join("")}`);
const randomKeys = fc.sample(
  fc.oneof(
    near,
    fc.array(char, { maxLength: 70 }).map((cs) => cs.join("")),
  ),
  { numRuns: 600, seed: 20261204 },
);

describe("individ_id: hostile keys are refused everywhere, pseudonyms accepted", () => {
  it("the rule itself: every hostile key is refused, every pseudonym accepted", () => {
    for (const [k, what] of HOSTILE_KEYS) expect(accepted(k), what).toBe(false);
    for (const k of GOOD_KEYS) expect(accepted(k), k).toBe(true);
  });

  it("the record schema (ajv)", () => {
    for (const [k, what] of HOSTILE_KEYS) expect(schemaAccepts(k), what).toBe(false);
    for (const k of GOOD_KEYS) expect(schemaAccepts(k), k).toBe(true);
  });

  it("better-sqlite3 refuses them with a CHECK constraint", () => {
    for (const [k, what] of HOSTILE_KEYS) expect(sqliteInsert(k)?.message, what).toMatch(CHECK);
    for (const k of GOOD_KEYS) expect(sqliteInsert(k), k).toBeUndefined();
  });

  it("PGlite refuses them (CHECK, or the varchar(64) length, or the NUL a text cannot hold)", async () => {
    for (const [k, what] of HOSTILE_KEYS) {
      const e = await pgInsert(k);
      const reason = k.includes("\u0000") ? /invalid byte sequence|null character|0x00/i : k.length > 64 ? /too long/ : CHECK;
      expect(e?.message, what).toMatch(reason);
    }
    for (const k of GOOD_KEYS) expect(await pgInsert(k), k).toBeUndefined();
  });

  it("DuckDB refuses them with a CHECK constraint (VARCHAR has no length: the pattern holds it to 64)", async () => {
    for (const [k, what] of HOSTILE_KEYS) expect((await duckInsert(k))?.message, what).toMatch(CHECK);
    for (const k of GOOD_KEYS) expect(await duckInsert(k), k).toBeUndefined();
  });

  it.skipIf(!hasSqlite3)(`the Debian sqlite3 CLI (${sqlite3Version}) applying schema.sqlite.sql, then INSERTs`, () => {
    const keys = [...HOSTILE_KEYS.map(([k]) => k), ...GOOD_KEYS];
    const got = sqlite3Accepts(keys);
    expect(Object.fromEntries(keys.map((k, i) => [JSON.stringify(k), got[i]]))).toEqual(Object.fromEntries(keys.map((k) => [JSON.stringify(k), GOOD_KEYS.includes(k)])));
  });
});

describe("individ_id: every dash, white space and invisible character", () => {
  const all = (test: (cp: number) => boolean): number[] => {
    const out: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) if ((cp < 0xd800 || cp > 0xdfff) && test(cp)) out.push(cp);
    return out;
  };
  const dashes = all((cp) => /[\p{Pd}\u2212]/u.test(String.fromCodePoint(cp)));
  const blanks = all((cp) => /[\s\p{White_Space}\p{Cc}]/u.test(String.fromCodePoint(cp)) || [0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e].includes(cp));
  const dashed = dashes.map((cp) => `19121212${String.fromCodePoint(cp)}1212`);
  const hidden = blanks.flatMap((cp) => [`191212${String.fromCodePoint(cp)}121212`, `ab${String.fromCodePoint(cp)}`, `${String.fromCodePoint(cp)}ab`]);

  it("the lists cover \\p{Pd}, U+2212 and everything NFKC folds to an ASCII digit in the BMP", () => {
    for (const cp of dashes) expect(KEY_SEPARATORS.includes(cp) || cp > 0xffff, `U+${cp.toString(16)}`).toBe(true);
    const folded = all((cp) => cp <= 0xffff && /^[0-9]$/.test(String.fromCodePoint(cp).normalize("NFKC")));
    expect(codePoints(KEY_DIGITS)).toEqual(folded);
    for (const cp of KEY_SEPARATORS) expect(String.fromCodePoint(cp).normalize("NFKC"), `U+${cp.toString(16)}`).toMatch(/^[\p{Pd}\u2212+:.]$/u);
    for (const [cp, l] of letterFolds()) expect(String.fromCodePoint(cp).normalize("NFKC").toLowerCase()).toBe(l);
    expect(PREFIX_LETTERS.length).toBeGreaterThan(0);
  });

  it("a personnummer with any dash, or a key with any blank or invisible character, is refused by schema, SQLite, PGlite and DuckDB", async () => {
    for (const k of [...dashed, ...hidden]) {
      const what = `${JSON.stringify(k)} (${[...k].map((c) => `U+${c.codePointAt(0)!.toString(16)}`).join(" ")})`;
      expect(accepted(k), what).toBe(false);
      expect(schemaAccepts(k), what).toBe(false);
      expect(sqliteInsert(k), what).toBeDefined();
      expect(await pgInsert(k), what).toBeDefined();
      expect((await duckInsert(k))?.message, what).toMatch(CHECK);
    }
  });

  it.skipIf(!hasSqlite3)("and by the sqlite3 CLI", () => {
    const keys = [...dashed, ...hidden];
    expect(sqlite3Accepts(keys).filter(Boolean).length).toBe(0);
  });
});

describe("individ_id: schema, SQLite, sqlite3 CLI, PostgreSQL and DuckDB agree with the rule on random keys", () => {
  const keys = randomKeys;

  it("the sample holds accepted and refused keys, personnummer-shaped ones too", () => {
    expect(keys.filter(accepted).length).toBeGreaterThan(50);
    expect(keys.filter((k) => isWellFormedKey(k) && isPersonnummerShaped(k)).length).toBeGreaterThan(50);
  });

  it("the record schema, with ajv (u flag) and as a plain RegExp without it", () => {
    const plain = new RegExp(PSEUDONYM_PATTERN);
    for (const k of keys) {
      expect(schemaAccepts(k), JSON.stringify(k)).toBe(accepted(k));
      expect(plain.test(k) && k.length >= 1 && k.length <= 64, JSON.stringify(k)).toBe(accepted(k));
    }
  });

  it("better-sqlite3 and PGlite", async () => {
    for (const k of keys) {
      expect(sqliteInsert(k) === undefined, `sqlite ${JSON.stringify(k)}`).toBe(accepted(k));
      expect((await pgInsert(k)) === undefined, `pglite ${JSON.stringify(k)}`).toBe(accepted(k));
    }
  });

  it("DuckDB", async () => {
    for (const k of keys) expect((await duckInsert(k)) === undefined, `duckdb ${JSON.stringify(k)}`).toBe(accepted(k));
  });

  it.skipIf(!hasSqlite3)("the sqlite3 CLI", () => {
    const distinct = [...new Set(keys)];
    const got = sqlite3Accepts(distinct);
    distinct.forEach((k, i) => expect(got[i], JSON.stringify(k)).toBe(accepted(k)));
  });
});

// ---------------------------------------------------------------- psql -f on a real server

const server = await startPostgresServer();
const hasPsql = spawnSync("psql", ["--version"]).status === 0;
const serverSkip = "unavailable" in server ? server.unavailable : !hasPsql ? "no psql on PATH" : undefined;
afterAll(() => {
  if (!("unavailable" in server)) server.stop();
});

describe.skipIf(!!serverSkip)(`psql -f on a real PostgreSQL server${serverSkip ? ` (skipped: ${serverSkip})` : ""}`, () => {
  it("applies schema.postgres.sql as a DBA would, then stores exactly the keys the rule accepts", async () => {
    if ("unavailable" in server) return;
    const admin = new pg_.Client({ host: "127.0.0.1", port: server.port, user: "postgres", database: "postgres" });
    await admin.connect();
    const name = `isu_keys_${process.pid}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const psql = (sql: string, stopOnError: boolean) => {
      const file = path.join(tmp, `psql-${process.hrtime.bigint()}.sql`);
      fs.writeFileSync(file, sql);
      return spawnSync("psql", ["-X", "-q", "-A", "-t", "-v", `ON_ERROR_STOP=${stopOnError ? 1 : 0}`, "-h", "127.0.0.1", "-p", String(server.port), "-U", "postgres", "-d", name, "-f", file], {
        encoding: "utf8",
        maxBuffer: 64 << 20,
      });
    };
    const schema = psql(postgresScript, true);
    expect(schema.stderr).toBe("");
    expect(schema.status).toBe(0);
    // Each key as its UTF-8 bytes in hex: the script stays ASCII, and a NUL is refused by the server itself.
    const keys = [...new Set([...HOSTILE_KEYS.map(([k]) => k), ...GOOD_KEYS, ...randomKeys])];
    const hex = (k: string) => Buffer.from(k, "utf8").toString("hex");
    const r = psql(
      `${keys.map((k) => `INSERT INTO individ (individ_id) VALUES (convert_from(decode('${hex(k)}', 'hex'), 'UTF8'));`).join("\n")}\nSELECT encode(convert_to(individ_id, 'UTF8'), 'hex') FROM individ;\n`,
      false,
    );
    for (const line of r.stderr.split("\n").filter((l) => l.startsWith("psql:"))) expect(line).toMatch(/violates check constraint|value too long|invalid byte sequence/);
    const stored = new Set(r.stdout.split("\n").filter(Boolean));
    for (const k of keys) expect(stored.has(hex(k)), JSON.stringify(k)).toBe(accepted(k));
  });
});

// ---------------------------------------------------------------- dates

describe("dates: impossible dates are refused by the schema and the databases", () => {
  it("the record schema", () => {
    for (const d of BAD_DATES) expect(schemaAcceptsDate(d), d).toBe(false);
    for (const d of GOOD_DATES) expect(schemaAcceptsDate(d), d).toBe(true);
    expect(schemaAcceptsDate(null as unknown as string)).toBe(true);
  });

  it("better-sqlite3", () => {
    BAD_DATES.forEach((d, i) => expect(sqliteAcceptsDate(d, `bad-date-${i}`), d).toBe(false));
    GOOD_DATES.forEach((d, i) => expect(sqliteAcceptsDate(d, `good-date-${i}`), d).toBe(true));
  });

  it("PGlite", async () => {
    for (const [i, d] of IMPOSSIBLE_DATES.entries()) expect(await pgAcceptsDate(d, `bad-date-${i}`), d).toBe(false);
    for (const [i, d] of GOOD_DATES.entries()) expect(await pgAcceptsDate(d, `good-date-${i}`), d).toBe(true);
  });

  it("DuckDB: impossible days and year 0 are refused", async () => {
    for (const [i, d] of IMPOSSIBLE_DATES.entries()) expect(await duckAcceptsDate(d, `bad-date-${i}`), d).toBe(false);
    for (const [i, d] of GOOD_DATES.entries()) expect(await duckAcceptsDate(d, `good-date-${i}`), d).toBe(true);
  });

  it.skipIf(!hasSqlite3)(`the Debian sqlite3 CLI (${sqlite3Version}), where date(x) IS x lets 2026-02-30 through`, () => {
    // The check the scripts used to have is what this SQLite gets wrong.
    const old = spawnSync("sqlite3", [":memory:", "SELECT date('2026-02-30') IS '2026-02-30';"], { encoding: "utf8" }).stdout.trim();
    if (sqlite3Version.startsWith("3.40")) expect(old).toBe("1");
    const dates = [...BAD_DATES, ...GOOD_DATES];
    const got = sqlite3AcceptsDates(dates);
    expect(Object.fromEntries(dates.map((d, i) => [d, got[i]]))).toEqual(Object.fromEntries(dates.map((d) => [d, GOOD_DATES.includes(d)])));
  });

  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  const roundTrips = (y: number, m: number, d: number): boolean => {
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  };
  const dates = fc.sample(
    fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => ({ y, m, d, text: `${y}-${pad(m, 2)}-${pad(d, 2)}` })),
    { numRuns: 1500, seed: 42 },
  );

  it("property: for random dates in 1900–2100 the schema accepts exactly those Date.UTC round-trips", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        expect(schemaAcceptsDate(`${y}-${pad(m, 2)}-${pad(d, 2)}`)).toBe(roundTrips(y, m, d));
      }),
      { numRuns: 3000, seed: 20261204 },
    );
    // Every 29 February of the range, by the calendar rule itself.
    for (let y = 1900; y <= 2100; y++) expect(schemaAcceptsDate(`${y}-02-29`), String(y)).toBe((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0);
  });

  it.skipIf(!hasSqlite3)("property: the sqlite3 CLI stores exactly the dates the schema accepts", () => {
    const got = sqlite3AcceptsDates(dates.map((x) => x.text));
    dates.forEach((x, i) => expect(got[i], x.text).toBe(roundTrips(x.y, x.m, x.d)));
    expect(dates.filter((x) => !roundTrips(x.y, x.m, x.d)).length).toBeGreaterThan(100);
  });

  it("property: better-sqlite3, PGlite and DuckDB store exactly the dates the schema accepts", async () => {
    for (const [i, x] of dates.slice(0, 400).entries()) {
      expect(sqliteAcceptsDate(x.text, `p-${i}`), x.text).toBe(roundTrips(x.y, x.m, x.d));
      expect(await pgAcceptsDate(x.text, `p-${i}`), x.text).toBe(roundTrips(x.y, x.m, x.d));
      expect(await duckAcceptsDate(x.text, `p-${i}`), x.text).toBe(roundTrips(x.y, x.m, x.d));
    }
  });

  it("the schema's date pattern is the one every date field uses", () => {
    expect((recordSchema.properties.registrerad_datum as { pattern: string }).pattern).toBe(DATE_PATTERN);
  });
});

// ---------------------------------------------------------------- SQL Server: the text, not an engine

describe("SQL Server: the key checks as T-SQL text", () => {
  const statements = splitStatements(mssqlScript);
  const individ = statements.find((s) => /^CREATE TABLE \[individ\]/m.test(s.replace(/^--.*\n/gm, "")))!;

  /** The value of a T-SQL string expression of N'…' literals and NCHAR(n) joined by +. */
  const evaluate = (expr: string): string => {
    let out = "";
    const inner = expr.replace(/^\((.*)\)$/s, "$1");
    for (const m of inner.matchAll(/N'((?:[^']|'')*)'|REPLICATE\(NCHAR\((\d+)\), (\d+)\)|NCHAR\((\d+)\)|\s*\+\s*/g)) {
      if (m[1] !== undefined) out += m[1].replace(/''/g, "'");
      else if (m[2] !== undefined) out += String.fromCharCode(Number(m[2])).repeat(Number(m[3]));
      else if (m[4] !== undefined) out += String.fromCharCode(Number(m[4]));
    }
    return out;
  };

  it("is one statement that names both constraints, with balanced parentheses", () => {
    expect(individ).toBeDefined();
    expect(individ).toContain("CONSTRAINT [individ_id_well_formed] CHECK (");
    expect(individ).toContain("CONSTRAINT [individ_id_not_personnummer] CHECK (");
    let depth = 0;
    for (const c of individ.replace(/N'(?:[^']|'')*'/g, "''")) {
      depth += c === "(" ? 1 : c === ")" ? -1 : 0;
      expect(depth).toBeGreaterThanOrEqual(0);
    }
    expect(depth).toBe(0);
  });

  it("never calls NCHAR with a surrogate or a code point above U+FFFF (NULL under an _SC collation: the check would pass)", () => {
    const calls = [...individ.matchAll(/NCHAR\((\d+)\)/g)].map((m) => Number(m[1]));
    expect(calls.length).toBeGreaterThan(20);
    for (const n of calls) expect(n < 0xd800 || (n > 0xdfff && n <= 0xffff), String(n)).toBe(true);
  });

  it("TRANSLATE maps each separator to U+001F and each prefix letter form to its letter", () => {
    const m = /TRANSLATE\(\[individ_id\] COLLATE Latin1_General_100_BIN2, (\((?:N'(?:[^']|'')*'|NCHAR\(\d+\)|\s\+\s)+\)|N'(?:[^']|'')*'), (REPLICATE\(NCHAR\(31\), \d+\) \+ N'[^']*')\)/.exec(individ);
    expect(m).not.toBeNull();
    const from = evaluate(m![1]!);
    const to = evaluate(m![2]!);
    expect(from.length).toBe(to.length);
    const map = new Map([...from].map((c, i) => [c.codePointAt(0)!, to[i]!]));
    for (const cp of KEY_SEPARATORS) expect(map.get(cp), `U+${cp.toString(16)}`).toBe("\u001f");
    for (const [cp, l] of letterFolds()) expect(map.get(cp)).toBe(l);
  });

  it("the LIKE class of forbidden characters covers KEY_FORBIDDEN in the BMP, and the checks run under a binary collation", () => {
    const m = /NOT LIKE \(N'%' \+ (\((?:N'(?:[^']|'')*'|NCHAR\(\d+\)|\s\+\s)+\)) \+ N'%'\)/.exec(individ);
    expect(m).not.toBeNull();
    const cls = evaluate(m![1]!);
    expect(cls.startsWith("[") && cls.endsWith("]")).toBe(true);
    const ranges: [number, number][] = [];
    const body = [...cls.slice(1, -1)];
    for (let i = 0; i < body.length; i++) {
      if (body[i + 1] === "-" && i + 2 < body.length) {
        ranges.push([body[i]!.codePointAt(0)!, body[i + 2]!.codePointAt(0)!]);
        i += 2;
      } else ranges.push([body[i]!.codePointAt(0)!, body[i]!.codePointAt(0)!]);
    }
    expect(ranges).toEqual(KEY_FORBIDDEN.filter(([a]) => a !== 0xd800).map(([a, b]) => [a, b]));
    expect(individ).toMatch(/\[individ_id\] COLLATE Latin1_General_100_BIN2 NOT LIKE/);
    expect(individ).toContain("DATALENGTH([individ_id]) = 2 * LEN([individ_id] COLLATE Latin1_General_100_CI_AS_SC)");
  });

  // Run through test/support/tsql-eval.ts, a small T-SQL evaluator: no engine, but the checks' logic on real keys.
  const checks = checkConstraints(individ);
  const tsqlAccepts = (key: string): boolean =>
    key.length <= 64 && evaluateTsql(checks.get("individ_id_well_formed")!, "individ_id", key) && evaluateTsql(checks.get("individ_id_not_personnummer")!, "individ_id", key);

  it("evaluated: refuses the hostile keys and accepts the pseudonyms", () => {
    expect([...checks.keys()]).toEqual(["individ_id_well_formed", "individ_id_not_personnummer"]);
    for (const [k, what] of HOSTILE_KEYS) expect(tsqlAccepts(k), what).toBe(false);
    for (const k of GOOD_KEYS) expect(tsqlAccepts(k), k).toBe(true);
  });

  it("evaluated: agrees with the rule on random and near-personnummer keys", () => {
    for (const k of randomKeys) expect(tsqlAccepts(k), JSON.stringify(k)).toBe(accepted(k));
  });

  it("the evaluator is no rubber stamp: it refuses a T-SQL function it does not know and reads LIKE classes", () => {
    expect(() => evaluateTsql("UPPER([x]) = N'A'", "x", "a")).toThrow(/unknown/);
    expect(evaluateTsql("[x] COLLATE Latin1_General_100_BIN2 LIKE N'%[0-9]%'", "x", "ab1")).toBe(true);
    expect(evaluateTsql("[x] NOT LIKE N'%[^a-c]%'", "x", "abd")).toBe(false);
    expect(evaluateTsql("LEN([x] COLLATE Latin1_General_100_CI_AS_SC) = 1 AND DATALENGTH([x]) = 4", "x", "\u{1F600}")).toBe(true);
  });

  it("parses as T-SQL (node-sql-parser)", () => {
    const parser = new sqlParser.Parser();
    expect(() => parser.astify(individ, { database: "transactsql" })).not.toThrow();
  });
});

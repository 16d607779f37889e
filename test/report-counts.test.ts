// `isu report --counts <file>`: counts exported as CSV where the tool cannot
// reach, read back into exactly what counting the database itself gives. The
// export is made as docs/report.md tells a DBA to: the statements of
// queries.json run by Debian's sqlite3 CLI (-csv -header) and by psql --csv
// against the real PostgreSQL server the tests start, each under its
// `#query,<id>` line. Then every way a counts file can be wrong: the message
// names the file, row and column and the fix, exit 2, no stack trace, no folder.
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import type { PlanModel } from "../compiler/model/index.js";
import { openEngine } from "../compiler/data/engines/index.js";
import { loadSimulation } from "../compiler/data/simulate/index.js";
import { queriesGenerator } from "../compiler/generate/queries/index.js";
import type { DialectName } from "../compiler/sql/dialects/index.js";
import { collectCounts, type CollectedCounts } from "../compiler/results/collect.js";
import { parseCounts, readCountsFile } from "../compiler/results/counts-file.js";
import { findChromium } from "../compiler/results/report/index.js";
import { protect } from "../compiler/results/protect/index.js";
import { resultsFromCounts } from "../compiler/results/tables/index.js";
import { ensureBuilt } from "./support/build.js";
import { startPostgresServer, type PgServer } from "./support/databases.js";

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "bin", "isu.js");
const PLAN = path.join(root, "test", "fixtures", "plans", "q-radgivning.isu");
const IBIC = path.join(root, "examples", "hemtjanst_ibic.isu");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function isu(args: string[]): Run {
  const env = { ...process.env };
  delete env["FORCE_COLOR"];
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: "utf8", timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function modelOf(file: string): PlanModel {
  const m = compile(file).model;
  if (!m) throw new Error(`${file} has no model`);
  return m;
}

/** The export script of docs/report.md ("Counts from a system the tool cannot reach"), for sqlite3 or, as its comments say, psql. */
function exportScript(target: { sqlite: string } | { postgres: string }): string {
  const doc = fs.readFileSync(path.join(root, "docs", "report.md"), "utf8");
  const section = doc.slice(doc.indexOf("## Counts from a system the tool cannot reach"));
  const script = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  // Each of the three lines the psql form changes, by its comment.
  const line = (start: string) => new RegExp(`^${start}.*$`, "m");
  if ("sqlite" in target) return script.replace(line("db="), `db=${JSON.stringify(target.sqlite)}`);
  const psql = (l: string) => /# psql: (.*)$/.exec(script.split("\n").find((x) => x.startsWith(l))!)![1]!;
  return script
    .replace(line("db="), psql("db=").replace(/=.*/, `=${JSON.stringify(target.postgres)}`))
    .replace(line("run\\(\\)"), psql("run()"))
    .replace(line("dialect="), psql("dialect="));
}

/** queries.json as `isu build` writes it, in a fresh folder, and the counts.csv the export makes there. */
function exportCounts(model: PlanModel, target: { sqlite: string } | { postgres: string }): string {
  const build = fs.mkdtempSync(path.join(dir, "build-"));
  const dialect: DialectName = "sqlite" in target ? "sqlite" : "postgres";
  const manifest = queriesGenerator(model, { lang: model.language, dialects: [dialect] }).find((f) => f.path === "queries.json")!;
  fs.writeFileSync(path.join(build, "queries.json"), manifest.content);
  execFileSync("sh", ["-c", exportScript(target)], { cwd: build, stdio: "pipe" });
  return path.join(build, "counts.csv");
}

/** The plan's tables filled with simulated individuals, as `isu simulate` does. */
async function simulated(model: PlanModel, url: string, individuals: number, seed: number): Promise<void> {
  const engine = await openEngine(url, { create: true });
  try {
    await loadSimulation(engine, model, { individuals, seed });
  } finally {
    await engine.close();
  }
}

async function countsFromDatabase(model: PlanModel, url: string): Promise<CollectedCounts> {
  const engine = await openEngine(url, { readOnly: true });
  try {
    return await collectCounts(model, engine);
  } finally {
    await engine.close();
  }
}

/** results.json's content from counts, as `isu report` makes it. */
function results(model: PlanModel, c: CollectedCounts, source: string) {
  return resultsFromCounts(model, c.counts, c.basis, { lang: model.language, source, protect: (p) => protect(p) });
}

const chromium = findChromium();
let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-report-counts-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("counts exported by sqlite3 -csv -header", () => {
  let db: string;
  let csv: string;
  let model: PlanModel;
  beforeAll(async () => {
    model = modelOf(PLAN);
    db = path.join(dir, "radgivning.db");
    await simulated(model, db, 300, 5);
    csv = exportCounts(model, { sqlite: db });
  }, 120_000);

  it("reads into exactly the counts the database gives, the question no one belongs to included (sqlite3 prints no header for it)", async () => {
    const text = fs.readFileSync(csv, "utf8");
    expect(text).toMatch(/#query,ingen\n#query,/);
    const fromFile = readCountsFile(csv, model);
    const fromDb = await countsFromDatabase(model, db);
    expect(fromFile).toEqual(fromDb);
    expect(fromFile.counts.find((c) => c.question === "ingen")!.rows).toEqual([]);
    expect(fromFile.counts.reduce((s, c) => s + c.rows.length, 0)).toBeGreaterThan(20);
  });

  it("gives the results the database gives, but for the source", async () => {
    const fromFile = await results(model, readCountsFile(csv, model), "counts");
    const fromDb = await results(model, await countsFromDatabase(model, db), "sqlite");
    expect(fromFile.source).toBe("counts");
    expect({ ...fromFile, source: "sqlite" }).toEqual(fromDb);
  });

  it.skipIf(!chromium)(
    "isu report --counts writes the results.json isu report --db writes",
    () => {
      const a = path.join(dir, "report-db");
      const b = path.join(dir, "report-counts");
      expect(isu(["report", PLAN, "--db", db, "--out", a, "--quiet"]).status).toBe(0);
      const r = isu(["report", PLAN, "--counts", csv, "--out", b]);
      expect(r.stderr).toContain("read the counts of");
      expect(r.status).toBe(0);
      const read = (d: string) => JSON.parse(fs.readFileSync(path.join(d, "results.json"), "utf8")) as Record<string, unknown>;
      expect({ ...read(b), source: "sqlite" }).toEqual(read(a));
    },
    120_000,
  );

  it.skipIf(!!chromium)("without Chromium, a good counts file is read and the command then stops for Chromium (exit 2, nothing written)", () => {
    const out = path.join(dir, "no-chromium");
    const r = isu(["report", PLAN, "--counts", csv, "--out", out]);
    expect(r.stderr).toContain("no Chromium found");
    expect(r.status).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("counts exported by psql --csv", () => {
  let server: PgServer | undefined;
  let unavailable = "";
  beforeAll(async () => {
    const s = await startPostgresServer();
    if ("unavailable" in s) unavailable = s.unavailable;
    else server = s;
  }, 60_000);
  afterAll(() => server?.stop());

  // The counts are the whole input of the results stage (the SQLite case above compares the results too; protecting this plan twice would take half a minute).
  it("reads into exactly the counts the database gives (change and attainment, a versioned plan)", async (ctx) => {
    if (!server) return ctx.skip(`no PostgreSQL server: ${unavailable}`);
    const admin = new pg.Client({ host: "127.0.0.1", port: server.port, user: "postgres", database: "postgres" });
    await admin.connect();
    await admin.query("CREATE DATABASE isu_counts");
    await admin.end();
    const url = `postgres://postgres@127.0.0.1:${server.port}/isu_counts`;
    const model = modelOf(IBIC);
    await simulated(model, url, 200, 2);
    const csv = exportCounts(model, { postgres: url });
    const fromFile = readCountsFile(csv, model);
    const fromDb = await countsFromDatabase(model, url);
    expect(fromFile).toEqual(fromDb);
    expect(fromFile.counts.map((c) => c.question)).toEqual(model.questions.map((q) => q.name));
    expect(fromFile.basis.find((r) => r["item"] === "individuals")!["n"]).toBe(200);
  }, 120_000);
});

describe("a counts file that is wrong", () => {
  let good: string;
  let lines: string[];
  let model: PlanModel;
  beforeAll(async () => {
    model = modelOf(PLAN);
    const db = path.join(dir, "bad-input.db");
    await simulated(model, db, 120, 9);
    good = fs.readFileSync(exportCounts(model, { sqlite: db }), "utf8");
    lines = good.split("\n");
  }, 120_000);

  /** The row (1-based) of the first line matching, at or after `from`. */
  const rowOf = (re: RegExp, from = 1) => lines.findIndex((l, i) => i >= from - 1 && re.test(l)) + 1;
  const withLines = (edit: (ls: string[]) => void) => {
    const ls = [...lines];
    edit(ls);
    return ls.join("\n");
  };
  /** The message reading the text gives (every case names the file, and ends with what to do). */
  const problem = (text: string): string => {
    try {
      parseCounts(text, model, "counts.csv");
    } catch (e) {
      expect((e as Error).name).toBe("CountsFileError");
      expect((e as Error).message).toMatch(/^counts\.csv: /);
      expect((e as Error).message).toContain("no report written: correct the counts file");
      return (e as Error).message;
    }
    throw new Error("the text was read without a problem");
  };

  /** Written to a file, given to the real CLI: exit 2, the message, no stack trace, no output folder. */
  function refused(text: string, message: string | RegExp, extra: string[] = []): string {
    const file = path.join(dir, `bad-${Math.random().toString(36).slice(2)}.csv`);
    fs.writeFileSync(file, text);
    const out = path.join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const r = isu(["report", PLAN, "--counts", file, "--out", out, ...extra]);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
    if (typeof message === "string") expect(r.stderr).toContain(message);
    else expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain(`${file}: `);
    expect(r.stderr).toContain("no report written");
    expect(r.status).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
    return r.stderr;
  }

  it("the good file is read (the cases below each break one thing of it)", () => {
    expect(() => parseCounts(good, model, "counts.csv")).not.toThrow();
  });

  it("an unknown query", () => {
    const text = good + "#query,nope\nrow_kind,n\nindividuals,3\n";
    expect(problem(text)).toContain(`row ${lines.length}, column 2: 'nope' is not a query of plan 'radgivning'`);
  });

  it("a missing query", () => {
    const at = rowOf(/^#query,belopp$/);
    const end = rowOf(/^#query,/, at + 1);
    expect(problem(withLines((ls) => ls.splice(at - 1, end - at)))).toContain("counts.csv: no section for query 'belopp': run every query of queries.json");
  });

  it("a missing column in a header", () => {
    const at = rowOf(/^#query,hushall_typ$/) + 1;
    expect(lines[at - 1]).toMatch(/,n$/);
    const header = lines[at - 1]!.split(",");
    const text = withLines((ls) => (ls[at - 1] = header.slice(0, -1).join(",")));
    expect(problem(text)).toContain(`row ${at}, column ${header.length}: column 'n' is missing: the header of query 'hushall_typ' is ${header.join(",")}`);
  });

  it("a count that is not a whole number ≥ 0", () => {
    const at = rowOf(/^#query,hushall_typ$/) + 2;
    const fields = lines[at - 1]!.split(",");
    for (const n of ["-1", "2.5", "many", "", "1e3"]) {
      const text = withLines((ls) => (ls[at - 1] = [...fields.slice(0, -1), n].join(",")));
      expect(problem(text)).toContain(`row ${at}, column ${fields.length} (n): '${n}' is not a whole number ≥ 0`);
    }
  });

  it("many problems: each on its line, at most 20, then how many more", () => {
    const at = rowOf(/^#query,hushall_typ$/) + 2;
    const fields = lines[at - 1]!.split(",");
    const bad = Array.from({ length: 30 }, (_, i) => [...fields.slice(0, -1), `x${i}`].join(","));
    const message = problem(withLines((ls) => ls.splice(at - 1, 1, ...bad)));
    expect(message.split("\n").filter((l) => /is not a whole number/.test(l))).toHaveLength(20);
    expect(message).toContain("… and 10 more");
  });

  it("a member code not in the plan", () => {
    const at = rowOf(/^#query,hushall_typ$/) + 2;
    const header = lines[at - 2]!.split(",");
    const fields = lines[at - 1]!.split(",");
    const col = header.indexOf("category");
    fields[col] = "99";
    expect(problem(withLines((ls) => (ls[at - 1] = fields.join(","))))).toMatch(new RegExp(`row ${at}, column ${col + 1} \\(category\\): '99' is not a code of 'hushall' of this plan`));
  });

  it("a duplicate row", () => {
    const at = rowOf(/^#query,hushall_typ$/) + 2;
    expect(problem(withLines((ls) => ls.splice(at, 0, ls[at - 1]!)))).toContain(`row ${at + 1}: repeats the cell of row ${at} in query 'hushall_typ'`);
  });

  it("a question that counts more individuals than the basis has (sections from different data)", () => {
    const at = rowOf(/^#query,hushall_typ$/);
    const row = at + 2;
    const fields = lines[row - 1]!.split(",");
    const text = withLines((ls) => (ls[row - 1] = [...fields.slice(0, -1), "100000"].join(",")));
    expect(problem(text)).toMatch(new RegExp(`row ${at}: query 'hushall_typ' counts \\d+ individuals, more than the 120 of isu_basis`));
  });

  it("a query exported twice", () => {
    const at = rowOf(/^#query,belopp$/);
    expect(problem(good + "#query,belopp\n")).toContain(`row ${lines.length}, column 2: query 'belopp' has a section already (row ${at})`);
  });

  it("another plan, or another version of this one, is refused before anything else", () => {
    const other = good.replace(/^plan_name,version\nradgivning,/m, "plan_name,version\nhemtjanst_ibic,");
    expect(problem(other)).toContain("row 3, column 1 (plan_name): the counts are of plan 'hemtjanst_ibic', not 'radgivning'");
    const versioned = good.replace(/^plan_name,version\nradgivning,$/m, "plan_name,version\nradgivning,2026.1");
    const message = problem(versioned + "#query,nope\n");
    expect(message).toContain("row 3, column 2 (version): the counts are of plan 'radgivning' version 2026.1, but the plan file is at no version");
    expect(message).not.toContain("nope");
    expect(problem(good.replace(/^#query,isu_plan\nplan_name,version\nradgivning,\n/, ""))).toContain("no isu_plan section");
  });

  it("a file that is not CSV, is empty, or does not begin with a section", () => {
    expect(problem(good + '#query,"nope\n')).toMatch(/row \d+: not valid CSV .*quote a field/);
    expect(problem("")).toContain("no isu_plan section");
    expect(problem("row_kind,n\n" + good)).toContain("row 1, column 1: the file must begin with a section's first line, #query,isu_plan");
  });

  it("through the CLI: exit 2, the message with its row and column, no stack trace, no folder (before Chromium is looked for)", () => {
    const at = rowOf(/^#query,hushall_typ$/) + 2;
    const fields = lines[at - 1]!.split(",");
    refused(
      withLines((ls) => (ls[at - 1] = [...fields.slice(0, -1), "2.5"].join(","))),
      `row ${at}, column ${fields.length} (n): '2.5' is not a whole number ≥ 0`,
    );
    refused(good.replace(/^plan_name,version\nradgivning,$/m, "plan_name,version\nradgivning,2026.1"), "row 3, column 2 (version): the counts are of plan 'radgivning' version 2026.1");
  }, 60_000);

  it("--counts with --db is a usage error; a file that is not there is named", () => {
    const file = path.join(dir, "given.csv");
    fs.writeFileSync(file, good);
    const both = isu(["report", PLAN, "--counts", file, "--db", "x.db", "--out", path.join(dir, "never")]);
    expect(both.stderr).toContain("give one of --db <url>, --counts <file> or --simulate <individuals>, not both --db and --counts");
    expect(both.status).toBe(2);
    expect(fs.existsSync(path.join(dir, "never"))).toBe(false);
    expect(() => readCountsFile(path.join(dir, "missing.csv"), model)).toThrow(`cannot read the counts file ${path.join(dir, "missing.csv")}: no such file`);
  }, 60_000);
});

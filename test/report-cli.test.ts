// `isu report` as a user runs it (node bin/isu.js in a child process): the
// files of a report from simulated records, and every way it can be called
// wrong or pointed at the wrong data — each a clear message, exit 2, no stack
// trace and nothing written (a folder that held a report keeps it whole).
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./support/build.js";

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "bin", "isu.js");
const PLAN = path.join(root, "test", "fixtures", "plans", "q-radgivning.isu");
const IBIC = path.join(root, "examples", "hemtjanst_ibic.isu");
const REPORT_FILES = ["results.json", "report.html", "report.md", "report.xlsx", "report.pdf"];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function isu(args: string[], extraEnv: Record<string, string> = {}): Run {
  const env = { ...process.env, ...extraEnv };
  delete env["FORCE_COLOR"];
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, env, encoding: "utf8", timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A usage or data error: exit 2, the sentence, never a stack trace or an internal error. */
function expectRefused(r: Run, message: string | RegExp): void {
  expect(r.stderr).not.toMatch(/internal error|\n\s+at .+:\d+:\d+/);
  if (typeof message === "string") expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  expect(r.status).toBe(2);
}

/** Every file in a folder with its bytes, to compare before and after. */
function snapshot(dir: string): Record<string, string> {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .sort()
      .map((f) => [f, fs.readFileSync(path.join(dir, f)).toString("base64")]),
  );
}

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-report-cli-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("isu report --simulate", () => {
  let out: string;
  let first: Run;
  beforeAll(() => {
    out = path.join(dir, "simulated");
    first = isu(["report", PLAN, "--simulate", "300", "--seed", "7", "--out", out]);
  }, 300_000);

  it("writes the report's five files and its manifest, and says what it did", () => {
    expect(first.stderr).toContain("wrote 5 files");
    expect(first.status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual([".isu-report.json", ...REPORT_FILES].sort());
    const manifest = JSON.parse(fs.readFileSync(path.join(out, ".isu-report.json"), "utf8")) as { generator: string; files: { path: string; bytes: number }[] };
    expect(manifest.generator).toBe("isu report");
    expect(manifest.files.map((f) => f.path).sort()).toEqual([...REPORT_FILES].sort());
    for (const f of manifest.files) expect(fs.statSync(path.join(out, f.path)).size).toBe(f.bytes);
    expect(fs.readFileSync(path.join(out, "report.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
    expect(fs.readFileSync(path.join(out, "report.xlsx")).subarray(0, 2).toString()).toBe("PK");
  });

  it("results.json follows schemas/results.schema.json and counts the simulated individuals", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, "schemas", "results.schema.json"), "utf8")) as object;
    const results = JSON.parse(fs.readFileSync(path.join(out, "results.json"), "utf8")) as {
      source: string;
      basis: { individuals: { value: number } };
      questions: unknown[];
      protection: { pinned?: number; audit: { pinned: number } };
    };
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
    expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
    expect(results.source).toBe("simulated");
    expect(results.basis.individuals.value).toBe(300);
    expect(results.protection.audit.pinned).toBe(0);
  });

  it("the same seed gives the same results; a build in the same folder keeps the report (each tool its own manifest)", () => {
    const again = path.join(dir, "again");
    expect(isu(["report", PLAN, "--simulate", "300", "--seed", "7", "--out", again]).status).toBe(0);
    expect(fs.readFileSync(path.join(again, "results.json"), "utf8")).toBe(fs.readFileSync(path.join(out, "results.json"), "utf8"));
    const before = snapshot(out);
    const built = isu(["build", PLAN, "--out", out, "--quiet"]);
    expect(built.status).toBe(0);
    const after = snapshot(out);
    for (const f of [".isu-report.json", ...REPORT_FILES]) expect(after[f]).toBe(before[f]);
    expect(Object.keys(after)).toContain(".isu-build.json");
  }, 300_000);
});

describe("isu report refuses, and writes nothing", () => {
  let kept: string;
  let keptBefore: Record<string, string>;
  beforeAll(() => {
    // A folder holding an earlier report: every refusal below must leave it exactly as it is.
    kept = path.join(dir, "kept");
    expect(isu(["report", PLAN, "--simulate", "60", "--out", kept, "--quiet"]).status).toBe(0);
    keptBefore = snapshot(kept);
  }, 300_000);

  const cases: { name: string; args: () => string[]; message: string | RegExp }[] = [
    { name: "no data source", args: () => ["report", PLAN, "--out", kept], message: "give --db <url>" },
    { name: "both --db and --simulate", args: () => ["report", PLAN, "--db", "x.db", "--simulate", "10", "--out", kept], message: "not both" },
    { name: "--simulate that is not a number", args: () => ["report", PLAN, "--simulate", "many", "--out", kept], message: "--simulate 'many' is not a whole number" },
    { name: "--simulate 0", args: () => ["report", PLAN, "--simulate", "0", "--out", kept], message: "--simulate '0' is not a whole number from 1" },
    { name: "a URL of no engine", args: () => ["report", PLAN, "--db", "mysql://u@h/db", "--out", kept], message: /mysql:\/\/u@h\/db/ },
    { name: "a SQLite file that is missing", args: () => ["report", PLAN, "--db", path.join(dir, "missing.db"), "--out", kept], message: "no SQLite database at" },
    { name: "an unknown language", args: () => ["report", PLAN, "--simulate", "10", "--lang", "fi", "--out", kept], message: "unknown language 'fi'" },
    { name: "a plan that does not exist", args: () => ["report", path.join(dir, "nope.isu"), "--simulate", "10", "--out", kept], message: "no such file" },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expectRefused(isu(c.args()), c.message);
      expect(snapshot(kept)).toEqual(keptBefore);
    });
  }

  it("a database without the plan's schema, of another plan, of another version", () => {
    const empty = path.join(dir, "empty.db");
    new Database(empty).exec("CREATE TABLE t (x INTEGER)").close();
    expectRefused(isu(["report", PLAN, "--db", empty, "--out", kept]), /isu simulate|isu import|schema/);
    const other = path.join(dir, "other.db");
    expect(isu(["simulate", IBIC, "--n", "20", "--db", other, "--quiet"]).status).toBe(0);
    expectRefused(isu(["report", PLAN, "--db", other, "--out", kept]), /hemtjanst_ibic/);
    const older = path.join(dir, "older.db");
    expect(isu(["simulate", PLAN, "--n", "20", "--db", older, "--quiet"]).status).toBe(0);
    const db = new Database(older);
    db.prepare("UPDATE isu_plan SET version = '1999.1'").run();
    db.close();
    expectRefused(isu(["report", PLAN, "--db", older, "--out", kept]), /1999\.1/);
    expect(snapshot(kept)).toEqual(keptBefore);
  }, 120_000);

  it("an output folder that is a file, or lies under one", () => {
    const file = path.join(dir, "a-file");
    fs.writeFileSync(file, "x");
    expectRefused(isu(["report", PLAN, "--simulate", "10", "--out", file]), "is a file, not a folder");
    expectRefused(isu(["report", PLAN, "--simulate", "10", "--out", path.join(file, "sub")]), "is a file, not a folder");
    expect(fs.readFileSync(file, "utf8")).toBe("x");
  });

  it("no Chromium to print report.pdf: said before anything is counted", () => {
    const r = isu(["report", PLAN, "--simulate", "10", "--out", kept], { ISU_CHROMIUM: path.join(dir, "no-such-chromium") });
    expectRefused(r, "no Chromium found to print the report");
    expect(r.stderr).not.toContain("counted question");
    expect(snapshot(kept)).toEqual(keptBefore);
  });

  it("a plan with errors exits 1 and writes nothing", () => {
    const broken = path.join(dir, "broken.isu");
    fs.writeFileSync(broken, fs.readFileSync(PLAN, "utf8").replace(/\bquestion (\w+)/, "question $1 undefined_thing"));
    const r = isu(["report", broken, "--simulate", "10", "--out", kept]);
    expect(r.stderr).toContain("no report written");
    expect(r.status).toBe(1);
    expect(snapshot(kept)).toEqual(keptBefore);
  });

  it("the help text names every option and the files", () => {
    const r = isu(["report", "--help"]);
    expect(r.status).toBe(0);
    for (const s of ["--db <url>", "--simulate <individuals>", "--seed <n>", "--lang <lang>", "--out <dir>", ...REPORT_FILES, ".isu-report.json"]) expect(r.stdout).toContain(s);
  });
});

// `isu build` end to end through the real CLI: the exact set of files, nothing
// written for a plan with errors, usage errors exit 2, and outputs replaced whole.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { ensureBuilt } from "./support/build.js";

const root = path.resolve(__dirname, "..");
const isu = (args: string[], cwd = root) => spawnSync(process.execPath, [path.join(root, "bin", "isu.js"), ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "isu-build-test-"));

beforeAll(() => ensureBuilt(), 120_000);

const examples = fs
  .readdirSync(path.join(root, "examples"))
  .filter((f) => f.endsWith(".isu"))
  .map((f) => path.join(root, "examples", f))
  .filter((f) => compile(f).model);

describe("isu build", () => {
  it("has example plans to build", () => expect(examples.length).toBeGreaterThanOrEqual(4));

  for (const plan of examples) {
    it(`writes exactly the listed files for ${path.basename(plan)}`, () => {
      const out = tmp();
      const r = isu(["build", plan, "--out", out]);
      expect(r.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
      expect(r.status).toBe(0);
      const model = compile(plan).model!;
      const expected = [
        "form.json",
        ...model.timepoints.map((t) => `record.${t.name}.schema.json`),
        ...["sqlite", "postgres", "mssql", "duckdb"].flatMap((d) => [`schema.${d}.sql`, `queries.${d}.sql`]),
        "queries.json",
        "handbook.html",
        "handbook.md",
      ].sort();
      expect(fs.readdirSync(out).sort()).toEqual([".isu-build.json", ...expected]);
      const manifest = JSON.parse(fs.readFileSync(path.join(out, ".isu-build.json"), "utf8")) as { files: { path: string }[] };
      expect(manifest.files.map((f) => f.path).sort()).toEqual(expected);
      for (const f of expected) expect(fs.statSync(path.join(out, f)).size, f).toBeGreaterThan(100);
      JSON.parse(fs.readFileSync(path.join(out, "form.json"), "utf8"));
      JSON.parse(fs.readFileSync(path.join(out, "queries.json"), "utf8"));
    });
  }

  it("--dialect limits the SQL files and --lang en switches the handbook language", () => {
    const out = tmp();
    const r = isu(["build", examples[0]!, "--out", out, "--dialect", "postgres", "--lang", "en", "--quiet"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const files = fs.readdirSync(out);
    expect(files.filter((f) => f.endsWith(".sql")).sort()).toEqual(["queries.postgres.sql", "schema.postgres.sql"]);
    const html = fs.readFileSync(path.join(out, "handbook.html"), "utf8");
    expect(html).toMatch(/<html[^>]*lang="en"/);
  });

  it("a plan with errors prints them like isu check, exits 1 and writes nothing", () => {
    const out = path.join(tmp(), "never");
    const broken = path.join(root, "examples", "broken", "ISU0101-undefined-name.isu");
    const r = isu(["build", broken, "--out", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ISU0101-undefined-name\.isu:\d+:\d+: error ISU0101 /);
    expect(r.stderr).toMatch(/nothing written/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("usage errors exit 2 with a message and no stack trace", () => {
    const out = tmp();
    const cases: [string[], RegExp][] = [
      [["build", examples[0]!, "--out", out, "--dialect", "oracle"], /unknown dialect 'oracle'/],
      [["build", examples[0]!, "--out", out, "--lang", "de"], /unknown language 'de'/],
      [["build", path.join(root, "nope.isu"), "--out", out], /cannot read/],
      [["build", examples[0]!], /--out/],
      [["build", examples[0]!, "--out", out, "--frobnicate"], /unknown option/],
    ];
    for (const [args, msg] of cases) {
      const r = isu(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it("rebuilding replaces outputs whole and leaves no temporary files", () => {
    const out = tmp();
    fs.writeFileSync(path.join(out, "form.json"), "stale");
    expect(isu(["build", examples[0]!, "--out", out, "-q"]).status).toBe(0);
    expect(fs.readFileSync(path.join(out, "form.json"), "utf8")).not.toBe("stale");
    expect(fs.readdirSync(out).filter((f) => f.startsWith("."))).toEqual([".isu-build.json"]);
  });

  it("--lang the plan does not promise builds with a warning that says what stays untranslated", () => {
    const out = tmp();
    const r = isu(["build", path.join(root, "test", "fixtures", "plans", "form-enkel.isu"), "--out", out, "--lang", "en"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /warning: the plan does not promise 'en' texts \(no 'translations en' in its plan block\): each label, purpose, note, unit and definition without an? 'en' translation stays in 'sv'/,
    );
    expect(r.stderr).not.toMatch(/never translated/);
    expect(fs.readFileSync(path.join(out, "handbook.html"), "utf8")).toMatch(/<html[^>]*lang="en"/);
  });

  it("--help describes the command and its outputs", () => {
    const r = isu(["build", "--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/--out <dir>/);
    expect(r.stdout).toMatch(/--dialect/);
    expect(r.stdout).toMatch(/handbook\.html/);
  });
});

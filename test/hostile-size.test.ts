// Plans of thousands of questions: the aggregation queries (hundreds of MB at
// 8,000 questions, past the longest string V8 can hold) are written one query
// at a time, so no output is one giant string and memory does not grow with them.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compile } from "../compiler/compile.js";
import { emitAll } from "../compiler/generate/all.js";
import { DIALECTS } from "../compiler/sql/dialects/index.js";
import { generateQueries, queryManifest } from "../compiler/generate/queries/index.js";
import { generatePlan } from "./bench/generate-plan.js";
import { ensureBuilt } from "./support/build.js";

const root = path.resolve(__dirname, "..");
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "isu-hostile-size-"));
/** Lines of the benchmark plan per six questions (generate-plan.ts). */
const planWithQuestions = (n: number) => generatePlan(Math.ceil(n / 6) * 45 + 30);

beforeAll(() => ensureBuilt(), 120_000);

describe("large outputs are streamed", () => {
  it("each piece of the counts queries is at most one query (isu_basis in slices), however large the plan", () => {
    const dir = tmp();
    const plan = path.join(dir, "plan.isu");
    fs.writeFileSync(plan, planWithQuestions(900));
    const model = compile(plan).model!;
    const pieces = new Map<string, { largest: number; total: number; text: string[] }>();
    emitAll(model, { lang: "sv", dialects: ["sqlite", "postgres", "mssql"] }, (p, chunk) => {
      const e = pieces.get(p) ?? { largest: 0, total: 0, text: [] };
      e.largest = Math.max(e.largest, chunk.length);
      e.total += chunk.length;
      if (p === "queries.json" || p === "queries.sqlite.sql") e.text.push(chunk);
      pieces.set(p, e);
    });
    // One counts query per question, and isu_basis.
    const queries = model.questions.length + 1;
    expect(queries).toBeGreaterThan(900);
    for (const p of ["queries.json", "queries.sqlite.sql", "queries.postgres.sql", "queries.mssql.sql"]) {
      const e = pieces.get(p)!;
      expect(e.total, p).toBeGreaterThan(1_000_000);
      expect(e.largest, p).toBeLessThan(100_000);
    }
    // Streamed, the files are exactly what the whole-text generators give.
    const sets = (["sqlite", "postgres", "mssql"] as const).map((d) => generateQueries(model, DIALECTS[d], "sv"));
    expect(pieces.get("queries.json")!.text.join("")).toBe(queryManifest(model, sets, "sv"));
    expect(pieces.get("queries.sqlite.sql")!.text.join("")).toBe(sets[0]!.script);
    expect((JSON.parse(pieces.get("queries.json")!.text.join("")) as { queries: unknown[] }).queries).toHaveLength(queries);
  }, 120_000);

  it("isu build writes a plan of 8,000 questions within a 1 GB heap", () => {
    const dir = tmp();
    const plan = path.join(dir, "plan.isu");
    fs.writeFileSync(plan, planWithQuestions(8_000));
    const model = compile(plan).model!;
    expect(model.questions.length).toBeGreaterThanOrEqual(8_000);
    const expected = model.questions.length + 1;
    const out = path.join(dir, "out");
    const r = spawnSync(process.execPath, ["--max-old-space-size=1024", path.join(root, "bin", "isu.js"), "build", plan, "--out", out, "-q"], { encoding: "utf8", timeout: 480_000 });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(fs.statSync(path.join(out, "queries.json")).size).toBeGreaterThan(30_000_000);
    // Read back by a separate process with room for the whole text: the manifest parses and lists every query.
    const check = spawnSync(
      process.execPath,
      [
        "--max-old-space-size=6000",
        "-e",
        `const fs=require("fs");const m=JSON.parse(fs.readFileSync(process.argv[1],"utf8"));let n=0;for(const l of fs.readFileSync(process.argv[2],"utf8").split("\\n"))if(l.startsWith("-- query: "))n++;console.log(m.queries.length+" "+n+" "+m.queries.every(q=>q.sql.sqlite&&q.sql.postgres&&q.sql.mssql))`,
        path.join(out, "queries.json"),
        path.join(out, "queries.sqlite.sql"),
      ],
      { encoding: "utf8", timeout: 240_000 },
    );
    expect(check.stderr).toBe("");
    expect(check.stdout.trim()).toBe(`${expected} ${expected} true`);
  }, 600_000);
});

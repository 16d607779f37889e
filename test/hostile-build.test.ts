// `isu build` under failure: the output folder holds the complete old set or
// the complete new set, never a mix — whichever step of the commit fails,
// whenever the build is stopped by a signal or killed — outputs a plan no
// longer produces are removed and nothing the build did not write is touched;
// --out that cannot be a folder is a usage error (exit 2) naming the path.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { OutFolder, StageWriter, type CommitFs } from "../compiler/build/out-folder.js";
import { compile } from "../compiler/compile.js";
import { generateAll } from "../compiler/generate/all.js";
import { generatePlan } from "./bench/generate-plan.js";
import { ensureBuilt } from "./support/build.js";

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "bin", "isu.js");
const env = { ...process.env, NO_COLOR: "1" };
const isu = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", env, timeout: 120_000 });
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "isu-hostile-build-"));

const planA = path.join(root, "test", "fixtures", "plans", "hb-english.isu");
/** The same plan with its second time point renamed: record.review.schema.json gives way to record.followup.schema.json. */
const planB = (dir: string) => {
  const p = path.join(dir, "plan-b.isu");
  fs.writeFileSync(p, fs.readFileSync(planA, "utf8").replace(/\breview\b/g, "followup"));
  return p;
};

/** Every entry of the folder (dot entries too) with a hash of its content; folders marked as such. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    out[e.name] = e.isDirectory() ? `folder(${fs.readdirSync(p).join(",")})` : createHash("sha256").update(fs.readFileSync(p)).digest("hex");
  }
  return out;
}

const noStack = (s: string) => expect(s).not.toMatch(/internal error|\n\s+at .*:\d+/);

beforeAll(() => ensureBuilt(), 120_000);

describe("--out that cannot be a folder", () => {
  it("exits 2 with a message naming the path and the fix, and creates nothing", () => {
    const dir = tmp();
    const file = path.join(dir, "a-file");
    fs.writeFileSync(file, "mine");
    const cases: [string, RegExp][] = [
      ["", /--out is empty: give the folder/],
      ["   ", /--out is empty/],
      ["/dev/null", /'\/dev\/null' is a device, not a folder; give --out a folder/],
      [file, /a-file' is a file, not a folder; give --out a folder/],
      [path.join(file, "sub", "deeper"), /a-file' is a file, not a folder, so '.*deeper' cannot be created/],
    ];
    if (fs.existsSync("/proc/self")) cases.push(["/proc/isu-no-folders-here", /cannot create the folder '\/proc\/isu-no-folders-here': the file system there does not allow new folders/]);
    for (const [out, message] of cases) {
      const r = isu(["build", planA, "--out", out]);
      expect(r.status, out).toBe(2);
      expect(r.stderr, out).toMatch(message);
      noStack(r.stderr);
    }
    expect(fs.readdirSync(dir)).toEqual(["a-file"]);
    expect(fs.readFileSync(file, "utf8")).toBe("mine");
  });

  it("a folder the user may not write exits 2 and says so", () => {
    const dir = tmp();
    const locked = path.join(dir, "locked");
    fs.mkdirSync(locked);
    fs.chmodSync(dir, 0o755);
    fs.chmodSync(locked, 0o555);
    // root may write anywhere: run the build as an ordinary user then.
    const asRoot = process.getuid?.() === 0;
    for (const out of [locked, path.join(locked, "new-sub")]) {
      const cmd = asRoot ? "runuser" : process.execPath;
      const args = asRoot ? ["-u", "nobody", "--", process.execPath, bin, "build", planA, "--out", out] : [bin, "build", planA, "--out", out];
      const r = spawnSync(cmd, args, { encoding: "utf8", env, timeout: 60_000 });
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(/cannot write to '.*locked'.*permission denied; choose a folder you can write to/);
      noStack(r.stderr);
    }
    expect(fs.readdirSync(locked)).toEqual([]);
  });
});

describe("outputs of an earlier build", () => {
  it("are replaced or removed when the plan no longer produces them; other files stay untouched", () => {
    const dir = tmp();
    const out = path.join(dir, "out");
    expect(isu(["build", planA, "--out", out, "-q"]).status).toBe(0);
    expect(fs.existsSync(path.join(out, "record.review.schema.json"))).toBe(true);
    fs.writeFileSync(path.join(out, "notes.txt"), "the team's own notes");
    fs.writeFileSync(path.join(out, "schema.oracle.sql"), "-- looks like an output, but no build wrote it");
    const r = isu(["build", planB(dir), "--out", out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/removed 1 earlier outputs the plan no longer produces: record\.review\.schema\.json/);
    const names = fs.readdirSync(out).sort();
    expect(names).toContain("record.followup.schema.json");
    expect(names).not.toContain("record.review.schema.json");
    expect(fs.readFileSync(path.join(out, "notes.txt"), "utf8")).toBe("the team's own notes");
    expect(fs.readFileSync(path.join(out, "schema.oracle.sql"), "utf8")).toMatch(/no build wrote it/);
    expect(names.filter((n) => n.startsWith("."))).toEqual([".isu-build.json"]);
  });

  it("an output changed since the build wrote it is left in place, with a warning", () => {
    const dir = tmp();
    const out = path.join(dir, "out");
    expect(isu(["build", planA, "--out", out, "-q"]).status).toBe(0);
    fs.appendFileSync(path.join(out, "record.review.schema.json"), "\n");
    const r = isu(["build", planB(dir), "--out", out, "-q"]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: left .*record\.review\.schema\.json in place: an earlier build wrote it, this plan does not, and it was changed since/);
    expect(fs.existsSync(path.join(out, "record.review.schema.json"))).toBe(true);
  });

  it("a folder where an output goes stops the build before anything moves (exit 2)", () => {
    const out = tmp();
    expect(isu(["build", planA, "--out", out, "-q"]).status).toBe(0);
    fs.rmSync(path.join(out, "handbook.md"));
    fs.mkdirSync(path.join(out, "handbook.md"));
    fs.writeFileSync(path.join(out, "handbook.md", "mine.txt"), "x");
    const before = snapshot(out);
    const r = isu(["build", planB(tmp()), "--out", out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot replace '.*handbook\.md': it is a folder; move or rename it/);
    noStack(r.stderr);
    expect(snapshot(out)).toEqual(before);
  });

  it("a folder another build holds is refused; a lock left by a dead build is taken over", () => {
    const out = tmp();
    fs.writeFileSync(path.join(out, ".isu-build.lock"), `${process.pid}\n`);
    const r = isu(["build", planA, "--out", out, "-q"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`another build \\(process ${process.pid}\\) is writing`));
    const dead = spawnSync(process.execPath, ["-e", ""]).pid!;
    fs.writeFileSync(path.join(out, ".isu-build.lock"), `${dead}\n`);
    expect(isu(["build", planA, "--out", out, "-q"]).status).toBe(0);
    expect(fs.readdirSync(out).filter((n) => n.startsWith("."))).toEqual([".isu-build.json"]);
  });
});

/** The two sets of the commit tests: A's files, then B's (one file fewer, one more, the rest changed). */
function twoSets() {
  const dir = tmp();
  const a = generateAll(compile(planA).model!, { lang: "en", dialects: ["sqlite", "postgres"] });
  const b = generateAll(compile(planB(dir)).model!, { lang: "sv", dialects: ["sqlite", "postgres"] });
  const out = path.join(dir, "out");
  commitSet(out, "a", a, real);
  fs.writeFileSync(path.join(out, "notes.txt"), "not the build's");
  return { out, b };
}

/** Stages a set of files and commits it with the given file-system calls. */
function commitSet(out: string, plan: string, set: { path: string; content: string }[], ops: CommitFs) {
  const folder = OutFolder.open(out);
  try {
    const w = new StageWriter(path.join(folder.stage, "new"));
    for (const f of set) w.write(f.path, f.content);
    return folder.commit(plan, w.finish(), ops);
  } finally {
    folder.abandon();
  }
}
const commitB = (out: string, b: { path: string; content: string }[], ops: CommitFs) => commitSet(out, "b", b, ops);

const real: CommitFs = { renameSync: fs.renameSync, unlinkSync: fs.unlinkSync, linkSync: fs.linkSync, writeFileSync: (p, t) => fs.writeFileSync(p, t) };

describe("the commit", () => {
  it("rolls back to the complete old set whichever of its steps fails", () => {
    const { out, b } = twoSets();
    const before = snapshot(out);
    let steps = 0;
    for (let k = 0; ; k++) {
      let n = 0;
      const failAt =
        (f: (...a: never[]) => void) =>
        (...a: never[]) => {
          if (n++ === k) throw Object.assign(new Error("input/output error"), { code: "EIO" });
          return f(...a);
        };
      const ops: CommitFs = { renameSync: failAt(real.renameSync), unlinkSync: failAt(real.unlinkSync), linkSync: failAt(real.linkSync), writeFileSync: failAt(real.writeFileSync) };
      let failed = false;
      try {
        commitB(out, b, ops);
      } catch {
        failed = true;
      }
      if (!failed) break;
      steps++;
      expect(snapshot(out), `failure at step ${k}`).toEqual(before);
    }
    // links kept, journal, one rename per file and the manifest, one removal
    expect(steps).toBeGreaterThan(b.length * 2);
    const after = snapshot(out);
    expect(Object.keys(after).sort()).toEqual([".isu-build.json", ...b.map((f) => f.path), "notes.txt"].sort());
    for (const f of b) expect(fs.readFileSync(path.join(out, f.path), "utf8")).toBe(f.content);
  });

  it("a build that dies in the middle of its moves is rolled back by the next one", () => {
    const { out, b } = twoSets();
    const before = snapshot(out);
    let mixed = 0;
    for (let k = 0; k <= b.length; k++) {
      // From the k-th rename on every call fails, as if the process had died there: no rollback runs.
      let renames = 0;
      let dead = false;
      const die =
        (f: (...a: never[]) => void) =>
        (...a: never[]) => {
          if (dead) throw Object.assign(new Error("killed"), { code: "EIO" });
          return f(...a);
        };
      const ops: CommitFs = {
        renameSync: (from, to) => {
          if (dead || renames++ === k) {
            dead = true;
            throw new Error("killed");
          }
          real.renameSync(from, to);
        },
        unlinkSync: die(real.unlinkSync),
        linkSync: die(real.linkSync),
        writeFileSync: die(real.writeFileSync),
      };
      expect(() => commitB(out, b, ops)).toThrow();
      const left = snapshot(out);
      if (JSON.stringify(left) !== JSON.stringify(before)) {
        mixed++;
        expect(
          Object.keys(left).some((n) => n.startsWith(".isu-build-")),
          `a stage stays after death at ${k}`,
        ).toBe(true);
      }
      // The next build finds the journal and rolls back before anything else.
      OutFolder.open(out).abandon();
      expect(snapshot(out), `death at rename ${k}`).toEqual(before);
    }
    expect(mixed).toBeGreaterThan(0);
  });
});

describe("signals", () => {
  let big: string;
  beforeAll(() => {
    big = path.join(tmp(), "big.isu");
    fs.writeFileSync(big, generatePlan(12_000));
  });

  /** Starts a build of the big plan and sends the signal once generation has begun. */
  async function buildAndSignal(out: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
    const child = spawn(process.execPath, [bin, "build", big, "--out", out], { env });
    let stderr = "";
    let sent = false;
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (!sent && /generated registration form/.test(stderr)) {
        sent = true;
        child.kill(signal);
      }
    });
    return new Promise((resolve) => child.on("exit", (code, sig) => resolve({ code, signal: sig, stderr })));
  }

  for (const [signal, code] of [
    ["SIGINT", 130],
    ["SIGTERM", 143],
  ] as const) {
    it(`${signal} during generation leaves the old set and no temporary files`, async () => {
      const out = tmp();
      expect(isu(["build", planA, "--out", out, "-q"]).status).toBe(0);
      const before = snapshot(out);
      const r = await buildAndSignal(out, signal);
      expect(r.stderr).toMatch(new RegExp(`isu: stopped by ${signal}: nothing written`));
      expect(r.code).toBe(code);
      expect(snapshot(out)).toEqual(before);
    }, 120_000);
  }

  it("SIGINT into a folder the build created removes that folder again", async () => {
    const out = path.join(tmp(), "new", "out");
    const r = await buildAndSignal(out, "SIGINT");
    expect(r.code).toBe(130);
    expect(fs.existsSync(path.dirname(out))).toBe(false);
  }, 120_000);

  it("after SIGKILL the next build cleans up the stage and the lock", async () => {
    const out = tmp();
    expect(isu(["build", planA, "--out", out, "-q"]).status).toBe(0);
    const r = await buildAndSignal(out, "SIGKILL");
    expect(r.signal).toBe("SIGKILL");
    const left = fs.readdirSync(out);
    expect(left.some((n) => n.startsWith(".isu-build-"))).toBe(true);
    expect(left).toContain(".isu-build.lock");
    expect(isu(["build", planA, "--out", out, "-q"]).status).toBe(0);
    expect(fs.readdirSync(out).filter((n) => n.startsWith("."))).toEqual([".isu-build.json"]);
  }, 120_000);
});

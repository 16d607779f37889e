// The `isu` command line as a user runs it: `node bin/isu.js …` in a child
// process (dist/ is built by the vitest global setup when sources changed).
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./support/build.js";

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "bin", "isu.js");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI with stdout and stderr as pipes (not a terminal) and no colour forcing. */
function isu(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const env = { ...process.env, ...opts.env };
  if (!opts.env?.["FORCE_COLOR"]) delete env["FORCE_COLOR"];
  if (!opts.env?.["NO_COLOR"]) delete env["NO_COLOR"];
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: opts.cwd ?? root, env, encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The same, asynchronously, so many files can be checked two at a time. */
function isuAsync(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env["FORCE_COLOR"];
    const p = spawn(process.execPath, [bin, ...args], { cwd: root, env });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    p.on("error", reject);
    p.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

async function inPairs<T, R>(items: T[], f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]!);
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

const ANSI = /\u001b\[/;

let dir: string;
const file = (name: string) => path.join(dir, name);

const CLEAN = `plan exempel "Exempel" {
  language sv
  purpose "Att visa hur en regel fungerar."
}
timepoint bedomning "Bedömning" { when "vid utredning" }
valueset kon "Kön" {
  kvinna "Kvinna"
  man "Man"
  annat "Annat" other
}
variable kon "Kön" : kon at bedomning
question fordelning "Hur fördelar sig brukarna på kön?" {
  count kon
}
`;

// Line 13 uses `kön`, which no declaration defines (the variable is `kon`).
const ERROR = CLEAN.replace("  count kon\n", "  count kön\n");
// The plan states no purpose: a warning, no error.
const WARNING = CLEAN.replace(`  purpose "Att visa hur en regel fungerar."\n`, "");

beforeAll(() => {
  ensureBuilt();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-cli-"));
  fs.writeFileSync(file("ren.isu"), CLEAN);
  fs.writeFileSync(file("fel.isu"), ERROR);
  fs.writeFileSync(file("varning.isu"), WARNING);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("isu check: text output", () => {
  it("prints file:line:col: severity CODE message, the source line, a caret under the name and the hint", () => {
    const r = isu(["check", "fel.isu"], { cwd: dir });
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");
    const head = lines.findIndex((l) => l.includes("ISU0101"));
    expect(lines[head]).toBe("fel.isu:13:9: error ISU0101 undefined variable or group 'kön'");
    expect(lines[head + 1]).toBe("13 |   count kön");
    // The caret sits under `kön`: the gutter `13 |` is as wide as `   |`.
    expect(lines[head + 2]).toBe("   |         ^^^");
    expect(lines[head + 2]!.indexOf("^")).toBe(lines[head + 1]!.indexOf("kön"));
    expect(lines[head + 3]).toBe("  hint: did you mean 'kon'?");
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^1 error, \d+ warnings?, \d+ infos? in 1 file$/);
  });

  it("prints nothing but the summary for a clean plan", () => {
    const r = isu(["check", "ren.isu"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("0 errors, 0 warnings, 0 infos in 1 file\n");
    expect(r.stderr).toBe("");
  });

  it("uses no colour when stdout is not a terminal, and colour only when forced", () => {
    const plain = isu(["check", "fel.isu"], { cwd: dir });
    expect(plain.stdout).toContain("ISU0101");
    expect(plain.stdout).not.toMatch(ANSI);
    const forced = isu(["check", "fel.isu"], { cwd: dir, env: { FORCE_COLOR: "1" } });
    expect(forced.stdout).toMatch(ANSI);
    const refused = isu(["check", "fel.isu"], { cwd: dir, env: { FORCE_COLOR: "1", NO_COLOR: "1" } });
    expect(refused.stdout).not.toMatch(ANSI);
  });

  it("checks every .isu file under a folder", () => {
    const r = isu(["check", dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/ in 3 files\n$/);
    expect(r.stdout).toContain("ISU0101");
    expect(r.stdout).toContain("ISU0707");
  });
});

describe("isu check --format json", () => {
  it("gives file, range, code, severity and message for each diagnostic, and a summary", () => {
    const r = isu(["check", "--format", "json", "fel.isu", "varning.isu"], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(ANSI);
    const out = JSON.parse(r.stdout) as {
      diagnostics: {
        file: string;
        range: { start: { line: number; column: number; offset: number }; end: { line: number; column: number; offset: number } };
        code: string;
        rule: string;
        severity: string;
        message: string;
        hint?: string;
      }[];
      summary: { files: number; errors: number; warnings: number; infos: number };
    };
    const undefinedName = out.diagnostics.find((d) => d.code === "ISU0101")!;
    expect(undefinedName).toEqual({
      file: "fel.isu",
      range: { start: { line: 13, column: 9, offset: ERROR.lastIndexOf("kön") }, end: { line: 13, column: 12, offset: ERROR.lastIndexOf("kön") + 3 } },
      code: "ISU0101",
      rule: "undefined-name",
      severity: "error",
      message: "undefined variable or group 'kön'",
      hint: "did you mean 'kon'?",
    });
    const noPurpose = out.diagnostics.find((d) => d.code === "ISU0707")!;
    expect(noPurpose).toMatchObject({ file: "varning.isu", severity: "warning" });
    expect(out.summary).toEqual({
      files: 2,
      errors: out.diagnostics.filter((d) => d.severity === "error").length,
      warnings: out.diagnostics.filter((d) => d.severity === "warning").length,
      infos: out.diagnostics.filter((d) => d.severity === "info").length,
    });
    expect(out.summary.errors).toBeGreaterThanOrEqual(1);
    for (const d of out.diagnostics) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(["file", "range", "code", "severity", "message"]));
      expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
    }
  });

  it("gives an empty list for a clean plan", () => {
    const r = isu(["check", "--format", "json", "ren.isu"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ diagnostics: [], summary: { files: 1, errors: 0, warnings: 0, infos: 0 } });
  });
});

describe("exit codes", () => {
  it("0 for a clean plan, 1 for errors", () => {
    expect(isu(["check", file("ren.isu")]).status).toBe(0);
    expect(isu(["check", file("fel.isu")]).status).toBe(1);
  });

  it("0 for warnings alone, 1 for warnings under --strict", () => {
    const relaxed = isu(["check", file("varning.isu")]);
    expect(relaxed.stdout).toContain("warning ISU0707");
    expect(relaxed.status).toBe(0);
    expect(isu(["check", "--strict", file("varning.isu")]).status).toBe(1);
    expect(isu(["check", "--strict", file("ren.isu")]).status).toBe(0);
  });

  it("2 for an unknown flag, an unknown command, a missing file or an unknown format, with a message on stderr", () => {
    const flag = isu(["check", "--bogus", file("ren.isu")]);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/unknown option '--bogus'/);
    const command = isu(["kontrollera", file("ren.isu")]);
    expect(command.status).toBe(2);
    expect(command.stderr).toMatch(/unknown command 'kontrollera'/);
    const missing = isu(["check", file("finns-inte.isu")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot read");
    expect(missing.stderr).toContain("finns-inte.isu");
    expect(missing.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    const format = isu(["check", "--format", "xml", file("ren.isu")]);
    expect(format.status).toBe(2);
    expect(format.stderr).toMatch(/unknown format 'xml'/);
  });
});

describe("--help", () => {
  const commands = (): string[] => {
    const help = isu(["--help"]).stdout;
    const section = help.slice(help.indexOf("Commands:"));
    return [...section.matchAll(/^ {2}([a-z][a-z-]*)\b/gm)].map((m) => m[1]!).filter((c) => c !== "help");
  };

  it("lists the commands", () => {
    const r = isu(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: isu /);
    expect(commands()).toContain("check");
  });

  it("works on every command, with usage and a description", () => {
    const list = commands();
    expect(list.length).toBeGreaterThanOrEqual(1);
    for (const c of list) {
      const r = isu([c, "--help"]);
      expect(r.status, `isu ${c} --help`).toBe(0);
      expect(r.stdout, `isu ${c} --help`).toMatch(new RegExp(`^Usage: isu ${c} `));
      expect(r.stdout.split("\n").length).toBeGreaterThan(3);
      expect(r.stdout).not.toMatch(ANSI);
    }
  });

  it("`isu check --help` states the exit codes", () => {
    expect(isu(["check", "--help"]).stdout).toMatch(/Exit codes: 0 .*1 .*2 /);
  });
});

describe("the shipped examples", () => {
  const examples = fs.readdirSync(path.join(root, "examples")).filter((f) => f.endsWith(".isu"));
  const broken = fs.existsSync(path.join(root, "examples", "broken")) ? fs.readdirSync(path.join(root, "examples", "broken")).filter((f) => f.endsWith(".isu")) : [];

  it("every plan in examples/ checks clean (exit 0)", async () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    const runs = await inPairs(examples, (f) => isuAsync(["check", path.join("examples", f)]));
    const failed = examples.flatMap((f, i) => (runs[i]!.status === 0 ? [] : [`${f}: exit ${runs[i]!.status}\n${runs[i]!.stdout}${runs[i]!.stderr}`]));
    expect(failed).toEqual([]);
    for (const r of runs) expect(r.stdout).toMatch(/^0 errors, 0 warnings, 0 infos in \d+ files?\n$/);
  });

  it("every file in examples/broken/ exits 1 and prints the code its name starts with", async () => {
    expect(broken.length).toBeGreaterThan(0);
    const runs = await inPairs(broken, (f) => isuAsync(["check", path.join("examples", "broken", f)]));
    const problems: string[] = [];
    broken.forEach((f, i) => {
      const code = /^(ISU\d{4})-/.exec(f)?.[1];
      const r = runs[i]!;
      if (!code) problems.push(`${f}: the name does not start with a code`);
      else if (r.status !== 1) problems.push(`${f}: exit ${r.status}\n${r.stdout}${r.stderr}`);
      else if (!new RegExp(`: (error|warning|info) ${code} `).test(r.stdout)) problems.push(`${f}: ${code} not printed:\n${r.stdout}`);
    });
    expect(problems).toEqual([]);
    // One process a file (59 of them, two at a time): a minute on a quiet machine.
  }, 180_000);
});

// Issue 7 item 7: paths that are not readable plan files. Tests run as root, for
// whom permissions stop nothing, so the cases are a folder, a FIFO, a device, a
// dangling link and a path under a file; every run has a timeout, as a FIFO
// read would block for ever.
describe("files that cannot be read", () => {
  let hostile: string;
  const at = (name: string) => path.join(hostile, name);
  const run = (args: string[], cwd = hostile) => {
    const r = spawnSync(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" }, encoding: "utf8", timeout: 20_000 });
    expect(r.error, `${args.join(" ")} timed out (a read blocked?)`).toBeUndefined();
    return r;
  };
  const importing = (target: string) => CLEAN.replace('plan exempel "Exempel" {', `import "${target}"\nplan exempel "Exempel" {`);

  beforeAll(() => {
    hostile = fs.mkdtempSync(path.join(os.tmpdir(), "isu-cli-read-"));
    fs.writeFileSync(at("ren.isu"), CLEAN);
    spawnSync("mkfifo", [at("ror.isu")]);
    fs.mkdirSync(at("mapp.isu"));
    fs.symlinkSync(at("saknas.isu"), at("trasig.isu"));
    // An import always names a .isu file, so the device is reached through a link with that name.
    fs.symlinkSync("/dev/zero", path.join(os.tmpdir(), `${path.basename(hostile)}-noll.isu`));
  });
  afterAll(() => {
    fs.rmSync(hostile, { recursive: true, force: true });
    fs.rmSync(path.join(os.tmpdir(), `${path.basename(hostile)}-noll.isu`), { force: true });
  });

  it("check of a folder names a FIFO and a dangling link among its .isu files, checks the rest, and exits 2", () => {
    expect(fs.statSync(at("ror.isu")).isFIFO()).toBe(true);
    const r = run(["check", "."]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("isu: cannot read 'ror.isu': it is a named pipe (FIFO), not a regular file");
    expect(r.stderr).toContain(`isu: cannot read 'trasig.isu': it is a symbolic link to '${at("saknas.isu")}', which does not exist`);
    // The readable plan is still checked and counted; the broken ones are not counted as checked.
    expect(r.stdout).toBe("0 errors, 0 warnings, 0 infos in 1 file\n");
    const json = run(["check", ".", "--format", "json"]);
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout).summary.files).toBe(1);
  });

  it("check of a FIFO, a device or a folder-less path named on the command line exits 2 without reading it", () => {
    for (const [p, reason] of [
      [at("ror.isu"), "it is a named pipe (FIFO), not a regular file"],
      ["/dev/zero", "it is a device, not a regular file"],
      [path.join(at("ren.isu"), "x.isu"), "a part of the path is a file, not a folder"],
    ] as const) {
      const r = run(["check", p]);
      expect(r.status, p).toBe(2);
      expect(r.stderr).toContain(`cannot read '`);
      expect(r.stderr).toContain(reason);
      expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    }
  });

  it("follows symbolic links to .isu files and to folders, and stops at a link loop", () => {
    const linked = fs.mkdtempSync(path.join(os.tmpdir(), "isu-cli-links-"));
    try {
      fs.writeFileSync(path.join(linked, "fel-mal.isu"), ERROR);
      fs.mkdirSync(path.join(linked, "planer"));
      fs.symlinkSync(path.join(linked, "fel-mal.isu"), path.join(linked, "planer", "fel.isu"));
      fs.symlinkSync(linked, path.join(linked, "planer", "loop")); // planer/loop → its own ancestor
      const r = run(["check", "planer"], linked);
      expect(r.status).toBe(1);
      expect(r.stdout).toContain("planer/fel.isu:13:9: error ISU0101");
      // fel-mal.isu is reached twice (through the link and through the loop back to the top): its diagnostics count once per path.
      expect(r.stdout).toMatch(/ in 2 files\n$/);
    } finally {
      fs.rmSync(linked, { recursive: true, force: true });
    }
  });

  it("an import of a FIFO, a device or a folder is ISU0002 saying it cannot be read and why, and never hangs", () => {
    const cases: [string, string][] = [
      ["./ror.isu", "it is a named pipe (FIFO), not a regular file"],
      [`../${path.basename(hostile)}-noll.isu`, "it is a device, not a regular file"],
      ["./mapp.isu", "it is a folder, not a file"],
    ];
    for (const [target, reason] of cases) {
      fs.writeFileSync(at("importerar.isu"), importing(target));
      const r = run(["check", "importerar.isu", "--format", "json"]);
      expect(r.status, target).toBe(1);
      const d = (JSON.parse(r.stdout).diagnostics as { code: string; message: string; hint?: string; range: { start: { line: number } } }[]).filter((x) => x.code === "ISU0002");
      expect(d, target).toHaveLength(1);
      expect(d[0]!.message).toBe(`imported file '${target}' cannot be read: ${reason}`);
      expect(d[0]!.range.start.line).toBe(1);
      expect(d[0]!.hint).toMatch(/exists but is not a readable plan file/);
      expect(d[0]!.hint).not.toMatch(/did you mean|no file/);
    }
    // A missing file keeps the old message and hint.
    fs.writeFileSync(at("importerar.isu"), importing("./finns-inte.isu"));
    const missing = JSON.parse(run(["check", "importerar.isu", "--format", "json"]).stdout).diagnostics.find((x: { code: string }) => x.code === "ISU0002");
    expect(missing.message).toBe("imported file './finns-inte.isu' not found");
    fs.rmSync(at("importerar.isu"));
  });

  it("the compile host (which the language server reads through) returns at once for a FIFO import", async () => {
    const { compile } = await import("../compiler/compile.js");
    const { diskHost } = await import("../compiler/semantics/program.js");
    expect(diskHost.readFile(at("ror.isu"))).toBeUndefined();
    expect(diskHost.readProblem?.(at("ror.isu"))).toBe("it is a named pipe (FIFO), not a regular file");
    expect(diskHost.readProblem?.(at("saknas.isu"))).toBeUndefined();
    const t0 = performance.now();
    const c = compile(at("x.isu"), { rootText: importing("./ror.isu") });
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(c.diagnostics.find((d) => d.code === "ISU0002")?.message).toContain("cannot be read: it is a named pipe");
  });

  it("fmt of a FIFO or a device reports it and exits 2 without reading", () => {
    for (const p of [at("ror.isu"), "/dev/zero"]) {
      const r = run(["fmt", "--check", p]);
      expect(r.status, p).toBe(2);
      expect(r.stderr).toMatch(/isu fmt: cannot read '.*': it is a (named pipe \(FIFO\)|device), not a regular file/);
    }
    const folder = run(["fmt", "--check", "."]);
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain("isu fmt: cannot read 'ror.isu'");
  });
});

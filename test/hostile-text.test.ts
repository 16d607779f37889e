// Hostile text in plans (issue 7): control characters (ISU0005) and
// bidirectional controls (ISU0006) at their exact place, texts that decode as
// written (escaped trailing backslash, lone CR line ends), and CLI output a
// plan cannot use to drive the terminal.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TextDocument } from "vscode-languageserver-textdocument";
import { describe, expect, it } from "vitest";
import { compile, check } from "../compiler/compile.js";
import { decodeString } from "../compiler/syntax/build-ast.js";
import { formatIsu } from "../compiler/format/index.js";
import { generateAll } from "../compiler/generate/all.js";
import { loadProgram, ParseCache, type Host } from "../compiler/semantics/program.js";
import { parseSource } from "../compiler/syntax/source.js";
import { ensureBuilt } from "./support/build.js";

const root = path.resolve(__dirname, "..");
const bin = path.join(root, "bin", "isu.js");
const fixture = (name: string) => path.join(root, "test", "fixtures", "hostile", name);
const CLEAN = fs.readFileSync(fixture("text-backslash.isu"), "utf8");

function diagnose(text: string) {
  const host: Host = { readFile: (p) => (p === "/plan.isu" ? text : undefined) };
  return check(loadProgram("/plan.isu", host, new ParseCache(), text)).diagnostics;
}
const at = (text: string, needle: string) => {
  const src = parseSource("p", text);
  const offset = text.indexOf(needle);
  const starts = src.lineStarts;
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return { line: line + 1, column: offset - starts[line]! + 1, offset };
};

describe("ISU0005 control-character", () => {
  const cases: [string, string, string][] = [
    ["\u0000", "U+0000 NUL", "in a text"],
    ["\u001b", "U+001B ESC", "in a text"],
    ["\u0007", "U+0007 BEL", "in a text"],
    ["\u007f", "U+007F DEL", "in a text"],
    ["\u009b", "U+009B CSI", "in a text"],
    ["\u0085", "U+0085 NEL", "in a text"],
    ["\u2028", "U+2028 LINE SEPARATOR", "in a text"],
    ["\u2029", "U+2029 PARAGRAPH SEPARATOR", "in a text"],
    ["\u000c", "U+000C FF", "in a text"],
  ];
  for (const [ch, name, where] of cases) {
    it(`${name} in a label is an error at its exact position`, () => {
      const text = CLEAN.replace('"Man"', `"M${ch}an"`);
      const ds = diagnose(text).filter((d) => d.code === "ISU0005");
      expect(ds).toHaveLength(1);
      const d = ds[0]!;
      expect(d.severity).toBe("error");
      expect(d.message).toBe(`control character ${name} ${where}`);
      const p = at(text, ch);
      expect(d.range.start).toEqual(p);
      expect(d.range.end.offset).toBe(p.offset + 1);
      expect(d.hint).toMatch(/delete|replace/);
      expect(d.fixes?.[0]?.edits[0]?.newText).toBe("");
    });
  }

  it("in a comment, a triple-quoted text and between tokens, each once and never as ISU0001", () => {
    const text = CLEAN.replace("timepoint bedomning", "// a\u0000b\n/* c\u0001 */ timepoint \u0002bedomning").replace('"Att visa fientlig text."', '"""\n    x\u0003y\r\n    z\r    """');
    const ds = diagnose(text);
    expect(ds.map((d) => [d.code, d.message, d.range.start.line, d.range.start.column])).toEqual([
      ["ISU0005", "control character U+0003 ETX in a text", 4, 6],
      ["ISU0005", "control character U+0000 NUL in a comment", 8, 5],
      ["ISU0005", "control character U+0001 SOH in a comment", 9, 5],
      ["ISU0005", "control character U+0002 STX between tokens", 9, 20],
    ]);
    for (const d of ds) expect(text.slice(d.range.start.offset, d.range.end.offset)).toMatch(/^[\u0000-\u0003]$/);
  });

  it("tab, CR and LF are not reported; a plan with ISU0005 gets no model (nothing to build) and cannot lower it", () => {
    const crlf = CLEAN.replace(/\n/g, "\r\n").replace('"Man"', '"M\tan"');
    expect(diagnose(crlf).filter((d) => d.code === "ISU0005")).toEqual([]);
    const bad = CLEAN.replace("  language sv\n", "  language sv\n  rule control-character off\n").replace('"Man"', '"M\u0000an"');
    const host: Host = { readFile: () => bad };
    const c = check(loadProgram("/plan.isu", host, new ParseCache(), bad));
    expect(c.diagnostics.some((d) => d.code === "ISU0005" && d.severity === "error")).toBe(true);
    expect(c.model).toBeUndefined();
  });

  it("U+2028 is no line end for the AST, the diagnostics and the language server alike", () => {
    const text = CLEAN.replace('"Att visa fientlig text."', '"a\u2028b"').replace('  man "Man"', '  // c\u2029d\n  man "Man"').replace("variable kon", "// e\u2028f\nvariable kon");
    const src = parseSource("p", text);
    expect(src.lineStarts.length).toBe(text.split(/\r\n|\r|\n/).length);
    const doc = TextDocument.create("file:///p.isu", "isu", 1, text);
    expect(doc.lineCount).toBe(src.lineStarts.length);
    const ds = diagnose(text).filter((d) => d.code === "ISU0005");
    expect(ds).toHaveLength(3);
    for (const d of ds) {
      const lsp = doc.positionAt(d.range.start.offset);
      expect([lsp.line + 1, lsp.character + 1]).toEqual([d.range.start.line, d.range.start.column]);
    }
    // The variable after the separators is where the parser, the AST and the editor put it.
    const v = src.ast.declarations.find((x) => x.kind === "Variable")!;
    const lsp = doc.positionAt(v.range.start.offset);
    expect([lsp.line + 1, lsp.character + 1]).toEqual([v.range.start.line, v.range.start.column]);
    expect(v.range.start.line).toBe(text.slice(0, v.range.start.offset).split("\n").length);
  });
});

describe("ISU0006 bidi-control", () => {
  for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]) {
    const ch = String.fromCharCode(cp);
    it(`U+${cp.toString(16).toUpperCase()} in a text and in a comment is a warning at its position`, () => {
      const text = CLEAN.replace('"Man"', `"M${ch}an"`).replace("timepoint bedomning", `// a ${ch} b\ntimepoint bedomning`);
      const ds = diagnose(text);
      expect(ds.map((d) => d.code)).toEqual(["ISU0006", "ISU0006"]);
      for (const d of ds) {
        expect(d.severity).toBe("warning");
        expect(d.message).toContain(`U+${cp.toString(16).toUpperCase()}`);
        expect(text.slice(d.range.start.offset, d.range.end.offset)).toBe(ch);
      }
      expect(ds[0]!.message).toMatch(/in a comment/);
      expect(ds[1]!.message).toMatch(/in a text/);
      expect(ds[1]!.range.start.offset).toBe(text.indexOf(`M${ch}`) + 1);
      const lsp = TextDocument.create("file:///p.isu", "isu", 1, text).positionAt(ds[1]!.range.start.offset);
      expect([ds[1]!.range.start.line, ds[1]!.range.start.column]).toEqual([lsp.line + 1, lsp.character + 1]);
    });
  }

  it("between tokens is a syntax error naming the code point", () => {
    const text = CLEAN.replace("timepoint bedomning", "timepoint \u202ebedomning");
    const ds = diagnose(text);
    const e = ds.find((d) => d.code === "ISU0001")!;
    expect(e.message).toBe("unexpected character U+202E RIGHT-TO-LEFT OVERRIDE (a bidirectional control) between tokens");
    expect(e.range.start).toEqual(at(text, "\u202e"));
  });
});

describe("texts decode as written", () => {
  it('"C:\\\\temp\\\\" ends in one backslash, in the AST and in form.json; fmt keeps it', async () => {
    expect(decodeString('"C:\\\\temp\\\\"').value).toBe("C:\\temp\\");
    expect(decodeString('"a\\""').value).toBe('a"');
    expect(decodeString('"\\\\\\\\"').value).toBe("\\\\");
    const c = compile(fixture("text-backslash.isu"));
    expect(c.diagnostics).toEqual([]);
    const form = generateAll(c.model!, { lang: "sv", dialects: ["sqlite"] }).find((f) => f.path === "form.json")!;
    expect(form.content).toContain(JSON.stringify("Annat C:\\temp\\"));
    expect(form.content).not.toContain('temp\\\\\\"');
    const formatted = await formatIsu(CLEAN);
    expect(formatted).toContain('"Annat C:\\\\temp\\\\"');
    const again = parseSource("p", formatted).ast;
    expect(JSON.stringify(again)).toContain(JSON.stringify("Annat C:\\temp\\"));
  });

  it("a lone CR in a triple-quoted text is a line end like LF and CRLF, dedented the same", () => {
    const body = (eol: string) => `"""${eol}    first${eol}      second${eol}    """`;
    const lf = decodeString(body("\n")).value;
    expect(lf).toBe("first\n  second");
    expect(decodeString(body("\r\n")).value).toBe(lf);
    expect(decodeString(body("\r")).value).toBe(lf);
  });
});

describe("CLI output cannot drive the terminal", () => {
  const rawControl = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
  const run = (args: string[], cwd = root) => {
    ensureBuilt();
    const env = { ...process.env };
    delete env["FORCE_COLOR"];
    return spawnSync(process.execPath, [bin, ...args], { cwd, env, encoding: "utf8" });
  };

  it("isu check prints the hostile plan with every control character escaped and the caret under it", () => {
    const r = run(["check", fixture("text-terminal.isu")]);
    expect(r.status).toBe(1);
    expect(r.stdout).not.toMatch(rawControl);
    expect(r.stderr).not.toMatch(rawControl);
    expect(r.stdout).toContain("\\u001b[2J");
    // The source line and its caret: the caret stands under the escape of the reported character.
    const lines = r.stdout.split("\n");
    const i = lines.findIndex((l) => l.includes("U+001B ESC in a text"));
    const src = lines[i + 1]!;
    const caret = lines[i + 2]!;
    expect(src.indexOf("\\u001b[2J")).toBe(caret.indexOf("^"));
    expect(caret.slice(caret.indexOf("^")).trimEnd()).toBe("^".repeat("\\u001b".length));
  });

  it("a 150,000-character line is shown as a window around the caret, the caret still under the name", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-long-line-"));
    const file = path.join(dir, "long.isu");
    fs.writeFileSync(file, `plan p "P" {\n  language sv\n  purpose "x"\n}\nquestion q "${"a".repeat(100_000)}" { count saknas${" ".repeat(50_000)} }\n`);
    const r = run(["check", file]);
    expect(r.status).toBe(1);
    expect(r.stdout.length).toBeLessThan(1_000);
    const lines = r.stdout.split("\n");
    const i = lines.findIndex((l) => l.includes("ISU0101"));
    const [src, caret] = [lines[i + 1]!, lines[i + 2]!];
    expect(src).toMatch(/^5 \| …a+" \{ count saknas +…$/);
    expect(src.indexOf("saknas")).toBe(caret.indexOf("^"));
    expect(caret.trimEnd().endsWith("^^^^^^")).toBe(true);
  });

  it("isu check --format json keeps the characters, JSON-escaped", () => {
    const r = run(["check", fixture("text-terminal.isu"), "--format", "json"]);
    expect(r.stdout).not.toMatch(rawControl);
    const out = JSON.parse(r.stdout) as { diagnostics: { code: string; message: string }[] };
    expect(out.diagnostics.filter((d) => d.code === "ISU0005").length).toBeGreaterThan(3);
    expect(out.diagnostics.map((d) => d.message)).toContain("control character U+001B ESC in a text");
  });

  it("isu build and isu fmt say nothing raw either; build writes nothing", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "isu-hostile-text-"));
    try {
      const plan = path.join(dir, "plan\u001b[2J.isu");
      fs.copyFileSync(fixture("text-terminal.isu"), plan);
      const b = run(["build", plan, "--out", path.join(dir, "out")], dir);
      expect(b.status).toBe(1);
      expect(b.stderr).toMatch(/nothing written/);
      expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
      const f = run(["fmt", plan], dir);
      const c = run(["check", plan], dir);
      for (const out of [b.stdout, b.stderr, f.stdout, f.stderr, c.stdout, c.stderr]) expect(out).not.toMatch(rawControl);
      expect(c.stdout).toContain("plan\\u001b[2J.isu:");
      // A name the lexer cannot read: fmt refuses at its place, escaped.
      expect(f.stderr).toMatch(/plan\\u001b\[2J\.isu:\d+:\d+: syntax error: control character U\+001B ESC between tokens/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

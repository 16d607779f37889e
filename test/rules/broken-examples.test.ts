// Each failing example (examples/broken/<code>-<name>.isu) ends with the
// diagnostics `isu check` must give for it, written in the file itself (see
// examples/broken/README.md). This test compiles every example and compares all
// its diagnostics — code, severity, place, message and hint — with that block.
//   UPDATE_EXPECTATIONS=1 npx vitest run test/rules/broken-examples.test.ts
// rewrites the blocks from what the compiler gives now (review the diff).
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { compile } from "../../compiler/compile.js";
import { EXPECTATIONS_HEADER, withoutExpectations } from "../../compiler/docs/diagnostics-doc.js";
import type { Diagnostic } from "../../compiler/syntax/diagnostic.js";

const root = path.resolve(__dirname, "..", "..");
const dir = path.join(root, "examples", "broken");
const update = process.env.UPDATE_EXPECTATIONS === "1";

const HEADER = `${EXPECTATIONS_HEADER} (test/rules/broken-examples.test.ts; UPDATE_EXPECTATIONS=1 rewrites them):`;
const EXPECT = "// expect: ";
const HINT = "//   hint: ";

/** Control characters and line breaks would break the one-line format: JSON-escape them. */
const oneLine = (s: string): string => (/[\u0000-\u001f\u007f\u2028\u2029]/.test(s) ? JSON.stringify(s) : s);

/** One diagnostic as its lines in the block; places in other files carry the file's relative path. */
function render(d: Diagnostic, file: string): string[] {
  const where = d.file === file ? "" : `${path.relative(path.dirname(file), d.file).split(path.sep).join("/")}:`;
  const r = d.range;
  const lines = [`${EXPECT}${d.code} ${d.severity} ${where}${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column} ${oneLine(d.message)}`];
  if (d.hint !== undefined) lines.push(`${HINT}${oneLine(d.hint)}`);
  return lines;
}

/** The expectation lines written in the file (everything after the header). */
function written(text: string): string[] | undefined {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.startsWith(EXPECTATIONS_HEADER));
  if (i < 0) return undefined;
  return lines.slice(i + 1).filter((l) => l.trim() !== "");
}

const examples = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".isu"))
  .sort();

describe("examples/broken: each example gives exactly the diagnostics written in it", () => {
  it("there are examples", () => expect(examples.length).toBeGreaterThan(50));

  for (const name of examples) {
    it(name, () => {
      const file = path.join(dir, name);
      const text = fs.readFileSync(file, "utf8");
      const actual = compile(file).diagnostics.flatMap((d) => render(d, file));
      if (update) {
        const next = `${withoutExpectations(text).trimEnd()}\n\n${HEADER}\n${actual.join("\n")}\n`;
        if (next !== text) fs.writeFileSync(file, next);
        return;
      }
      const lines = written(text);
      expect(lines, `${name} has no '${EXPECTATIONS_HEADER}' block: run with UPDATE_EXPECTATIONS=1`).toBeDefined();
      for (const l of lines!) expect(l.startsWith(EXPECT) || l.startsWith(HINT), `not an expectation line: ${l}`).toBe(true);
      expect(actual).toEqual(lines);
      // Every diagnostic an example is there to show tells the reader what to do.
      expect(lines!.filter((l) => l.startsWith(HINT)).length, "each diagnostic has a hint").toBe(lines!.filter((l) => l.startsWith(EXPECT)).length);
      // The code its name starts with is the one it gives.
      const code = name.slice(0, 7);
      expect(
        lines!.filter((l) => l.startsWith(EXPECT)).every((l) => l.startsWith(`${EXPECT}${code} `)),
        `${name} gives only ${code}`,
      ).toBe(true);
    });
  }
});

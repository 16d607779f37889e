// The project's own TypeScript is in Prettier's layout (.prettierrc.json):
// `npx prettier --write` on what this lists fixes any failure.
import * as fs from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const DIRS = ["grammar", "compiler", "lsp", "cli", "test", "vscode-extension/src", "scripts"];

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) tsFiles(p, out);
    else if (e.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

describe("code format", () => {
  it("every TypeScript file is formatted as Prettier formats it (generated grammar/cst.ts excepted)", async () => {
    const files = [...DIRS.flatMap((d) => tsFiles(d)), "eslint.config.js"];
    expect(files.length).toBeGreaterThan(200);
    const unformatted: string[] = [];
    for (const f of files) {
      const file = path.join(root, f);
      const info = await prettier.getFileInfo(file, { ignorePath: path.join(root, ".prettierignore") });
      if (info.ignored) continue;
      const options = await prettier.resolveConfig(file);
      if (!(await prettier.check(fs.readFileSync(file, "utf8"), { ...options, filepath: file }))) unformatted.push(f);
    }
    expect(unformatted).toEqual([]);
  }, 120_000);

  it("the check can fail: a file in another layout is reported", async () => {
    const options = await prettier.resolveConfig(path.join(root, "compiler", "compile.ts"));
    expect(await prettier.check("const  x =  1\n", { ...options, filepath: path.join(root, "compiler", "probe.ts") })).toBe(false);
  });
});

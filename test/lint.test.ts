// The project's own TypeScript is held to eslint.config.js (ESLint's and
// typescript-eslint's recommended rules): no problem anywhere in the tree.
import * as path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const SOURCES = ["grammar", "compiler", "lsp", "cli", "vscode-extension/src", "test", "scripts", "eslint.config.js"];

describe("lint", () => {
  it("the configuration is in force: it reports what the recommended rules forbid", async () => {
    const eslint = new ESLint({ cwd: root });
    const [r] = await eslint.lintText("export function f(x: any): number {\n  debugger;\n  return x;\n}\n", { filePath: path.join(root, "compiler", "lint-probe.ts") });
    expect(r!.messages.map((m) => m.ruleId).sort()).toEqual(["@typescript-eslint/no-explicit-any", "no-debugger"]);
  });

  it("finds no problem in the tree", async () => {
    const eslint = new ESLint({ cwd: root });
    const results = await eslint.lintFiles(SOURCES);
    expect(results.length).toBeGreaterThan(150);
    const problems = results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line}:${m.column} ${m.ruleId ?? ""} ${m.message}`));
    expect(problems).toEqual([]);
  }, 120_000);
});

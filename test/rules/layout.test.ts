// test/rules holds one test file per rule, named <code>-<name>.test.ts after the
// catalogue, and each goes through the one rule tester.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { allRules } from "../../compiler/checks/engine/registry.js";

const files = fs.readdirSync(__dirname).filter((f) => /^ISU\d{4}-/.test(f));

describe("test/rules", () => {
  it("has a file for every rule", () => {
    expect(allRules.map((r) => `${r.meta.code}-${r.meta.name}.test.ts`).filter((f) => !files.includes(f))).toEqual([]);
  });

  it("every rule file is named after a rule of the catalogue, and creates its tester", () => {
    const names = new Set(allRules.map((r) => `${r.meta.code}-${r.meta.name}.test.ts`));
    for (const f of files) {
      expect(names.has(f), `${f} names a rule in compiler/checks/engine/registry.ts`).toBe(true);
      expect(fs.readFileSync(path.join(__dirname, f), "utf8"), f).toContain(`ruleTester("${f.slice(0, 7)}"`);
    }
  });
});

// The diagnostic catalogue is complete and consistent: every rule has a
// stable code, a doc entry, a failing example that gives exactly its code and
// a passing example that gives nothing; docs/diagnostics.md is up to date.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { allRules } from "../compiler/checks/engine/registry.js";
import { compile } from "../compiler/compile.js";
import { failingExamplePath, passingExamplePath, renderDiagnosticsDoc } from "../compiler/docs/diagnostics-doc.js";

const root = path.resolve(__dirname, "..");

describe("diagnostic catalogue", () => {
  it("has unique, well-formed codes and names", () => {
    const codes = allRules.map((r) => r.meta.code);
    const names = allRules.map((r) => r.meta.name);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(names).size).toBe(names.length);
    for (const r of allRules) {
      expect(r.meta.code).toMatch(/^ISU\d{4}$/);
      expect(r.meta.name).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(r.meta.description.length).toBeGreaterThan(10);
      expect(r.meta.docs.length).toBeGreaterThan(40);
      expect(["error", "warning", "info", "off"]).toContain(r.meta.defaultSeverity);
    }
  });

  for (const rule of allRules) {
    const failing = failingExamplePath(root, rule);
    const passing = passingExamplePath(root, rule);
    it(`${rule.meta.code} ${rule.meta.name}: failing example gives exactly its code`, () => {
      expect(fs.existsSync(failing), `${path.relative(root, failing)} exists`).toBe(true);
      const c = compile(failing);
      expect(c.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual(c.diagnostics.filter((d) => d.code === rule.meta.code).map((d) => `${d.code} ${d.message}`));
      expect(c.diagnostics.length).toBeGreaterThan(0);
      expect(c.errors).toBeGreaterThan(0);
    });
    it(`${rule.meta.code} ${rule.meta.name}: passing example is clean`, () => {
      expect(fs.existsSync(passing), `${path.relative(root, passing)} exists`).toBe(true);
      const c = compile(passing);
      expect(c.diagnostics.map((d) => `${d.code} ${d.message}`)).toEqual([]);
    });
  }

  it("every file in examples/broken/ is named after a known code", () => {
    const dir = path.join(root, "examples", "broken");
    const codes = new Set(allRules.map((r) => `${r.meta.code}-${r.meta.name}.isu`));
    for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".isu"))) expect(codes.has(f), f).toBe(true);
  });

  it("docs/diagnostics.md is generated from the current catalogue (run `npm run docs`)", () => {
    const onDisk = fs.readFileSync(path.join(root, "docs", "diagnostics.md"), "utf8");
    expect(onDisk).toBe(renderDiagnosticsDoc(root) + "\n");
  });
});

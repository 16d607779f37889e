// grammar/cst.ts is generated from the parser's rules (npm run cst); the AST
// builder and the formatter are typed by it, so it must match the grammar.
import * as fs from "node:fs";
import * as path from "node:path";
import { describe, expect, it } from "vitest";
import { cstTypesText } from "../grammar/cst-types-text.js";

describe("grammar/cst.ts", () => {
  it("is what the grammar generates today (run `npm run cst` after changing a rule)", () => {
    const onDisk = fs.readFileSync(path.resolve(__dirname, "..", "grammar", "cst.ts"), "utf8");
    const fresh = cstTypesText();
    expect(fresh).toMatch(/export interface PlanDeclCstNode extends CstNode/);
    expect(onDisk).toBe(fresh);
  });
});

// The catalogue of checks, in code order. Adding a check is adding its file
// here, its test in test/checks.test.ts, its example in examples/broken/ and
// its entry in docs/diagnostics.md.
import type { Rule } from "../rule.js";
import { syntaxError } from "./syntax-error.js";
import { undefinedName } from "./undefined-name.js";

export const allRules: Rule[] = [syntaxError, undefinedName].sort((a, b) => (a.meta.code < b.meta.code ? -1 : 1));

export const rulesByCode = new Map(allRules.map((r) => [r.meta.code, r]));
export const rulesByName = new Map(allRules.map((r) => [r.meta.name, r]));

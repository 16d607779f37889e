// ISU0101: a name that no declaration in the plan (or its imports) defines.
import { closest, toIdentifier } from "../support/suggest.js";
import type { Rule } from "../engine/rule.js";
import type { SymbolKind } from "../../semantics/resolve.js";
import { VALID_NAME as VALID } from "../../vocabulary/identifiers.js";
import { KIND_WORDS, withArticle } from "../../semantics/kind-words.js";

export const undefinedName: Rule = {
  meta: {
    code: "ISU0101",
    name: "undefined-name",
    defaultSeverity: "error",
    description: "A name is used that no declaration defines.",
    configurable: false,
    docs: `A variable, value set, time point or group is named that no declaration in the plan or its imported files defines. Names are ASCII (\`kon\`, not \`kön\`); the hint suggests the closest declared name. A use of the name that ISU0104 suggests for an invalid declared name (\`narvaro\` while the plan declares \`närvaro\`) is not reported: renaming the declaration resolves it. Declare the name, correct the spelling, or \`import\` the file that declares it.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const ref of r.refs) {
      if (ref.target) continue;
      // A name that exists but of another kind gets its own message (ISU0102).
      const kinds = ref.expected.map((k) => KIND_WORDS[k]).join(" or ");
      const candidates: string[] = [];
      for (const k of ref.expected) {
        const table = k === "variable" ? r.variables : k === "group" ? r.groups : k === "timepoint" ? r.timepoints : k === "valueset" ? r.valuesets : k === "question" ? r.questions : undefined;
        if (table) candidates.push(...table.keys());
      }
      if (isOtherKind(r, ref.name, ref.expected)) continue;
      // `variable närvaro` with a use of `narvaro`: ISU0104's rename to 'narvaro' makes the use resolve.
      if (candidates.some((c) => !VALID.test(c) && toIdentifier(c) === ref.name)) continue;
      const guess = closest(ref.name, candidates);
      ctx.report({
        file: ref.file,
        range: ref.range,
        message: `undefined ${kinds} '${ref.name}'`,
        hint: guess ? `did you mean '${guess}'?` : `declare ${withArticle(KIND_WORDS[ref.expected[0]!])} named '${ref.name}', or import the file that declares it`,
        ...(guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ file: ref.file, range: ref.range, newText: guess }] }] } : {}),
      });
    }
  },
};

export function isOtherKind(r: import("../../semantics/resolve.js").Resolution, name: string, expected: SymbolKind[]): boolean {
  const all: [SymbolKind, Map<string, unknown>][] = [
    ["timepoint", r.timepoints],
    ["valueset", r.valuesets],
    ["variable", r.variables],
    ["group", r.groups],
    ["question", r.questions],
  ];
  return all.some(([k, m]) => !expected.includes(k) && m.has(name));
}

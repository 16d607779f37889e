// ISU0505: one code of the source's value set listed in two entries of a
// group (or twice in one), so the individual's entry would be ambiguous.
import type * as A from "../../syntax/ast.js";
import { groupSource } from "../support/group-source.js";
import { facts } from "../../semantics/facts.js";
import type { Rule } from "../engine/rule.js";
import { removeListItem } from "../support/source-edits.js";

/** Two literals name the same code when their text matches, or their numbers do. */
function sameCode(a: A.ValueLit, b: A.ValueLit): boolean {
  return a.raw === b.raw || (a.kind === "number" && b.kind === "number" && a.value === b.value);
}

export const valueMappedTwice: Rule = {
  meta: {
    code: "ISU0505",
    name: "value-mapped-twice",
    defaultSeverity: "error",
    description: "A code is mapped to more than one entry of a comparison group.",
    docs: `Each code of a choice variable may be mapped to one entry of a comparison group only; otherwise an individual with that answer belongs to two entries, is counted twice, and the generated database mapping is ambiguous. Keep the code in the entry it belongs to and remove the other mention (the fix removes the later one).`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const g of facts(r).groups) {
      const src = groupSource(r, g.decl);
      if (!src || (src.kind !== "choice" && src.kind !== "multiple")) continue;
      const seen: { lit: A.ValueLit; entry: A.GroupEntry }[] = [];
      for (const entry of g.decl.entries) {
        entry.values.forEach((lit, i) => {
          const first = seen.find((s) => sameCode(s.lit, lit));
          seen.push({ lit, entry });
          if (!first || lit.kind === "boolean") return;
          const removal = removeListItem(
            ctx.source(g.file),
            entry.values.map((v) => v.range),
            i,
          );
          const where = first.entry === entry ? `twice in '${entry.label.text.value}'` : `in both '${first.entry.label.text.value}' and '${entry.label.text.value}'`;
          ctx.report({
            file: g.file,
            range: lit.range,
            message: `code '${lit.raw}' is mapped ${where} of group '${g.name}'`,
            hint: removal ? `remove it here, or from '${first.entry.label.text.value}'` : `remove this entry, or '${lit.raw}' from '${first.entry.label.text.value}'`,
            ...(removal ? { fixes: [{ title: `Remove '${lit.raw}' from '${entry.label.text.value}'`, preferred: true, edits: [removal] }] } : {}),
          });
        });
      }
    }
  },
};

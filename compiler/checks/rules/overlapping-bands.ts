// ISU0501: two numeric bands of one group share values, so an individual
// would be counted in both entries.
import { bandText, describeInterval, entryName, intersect, sortedBands } from "../support/bands.js";
import type { Fix } from "../../syntax/diagnostic.js";
import { groupSource } from "../support/group-source.js";
import { facts } from "../../semantics/facts.js";
import type { Rule } from "../engine/rule.js";

export const overlappingBands: Rule = {
  meta: {
    code: "ISU0501",
    name: "overlapping-bands",
    defaultSeverity: "error",
    description: "Two numeric bands of a comparison group share values.",
    docs: `Every value of a comparison group's source must fall in at most one entry, or an individual is counted twice and the table's total no longer matches the number of individuals. Integer bands include both ends: \`65..79\` and \`80..\` meet without overlapping, while \`65..80\` and \`80..\` both hold 80. Decimal bands include their low end and exclude their high end, so \`0..5\` and \`5..10\` meet exactly. Start the later band after the earlier one ends (the fix does this).`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const g of facts(r).groups) {
      const src = groupSource(r, g.decl);
      if (!src || (src.kind !== "integer" && src.kind !== "decimal")) continue;
      const kind = src.kind;
      const bands = sortedBands(g.decl, kind);
      for (let j = 1; j < bands.length; j++) {
        const later = bands[j]!;
        for (let i = 0; i < j; i++) {
          const earlier = bands[i]!;
          const shared = intersect(earlier.interval, later.interval);
          if (!shared) continue;
          const fixes: Fix[] = [];
          const newLow = kind === "integer" ? earlier.interval.hi + 1 : earlier.interval.hi;
          const fits = kind === "integer" ? newLow <= later.interval.hi : newLow < later.interval.hi;
          if (later.band.low && earlier.band.high && fits) {
            fixes.push({ title: `Start ${entryName(later.entry)} at ${newLow}`, preferred: true, edits: [{ file: g.file, range: later.band.low.range, newText: String(newLow) }] });
          }
          ctx.report({
            file: g.file,
            range: later.band.range,
            message: `bands overlap in group '${g.name}': ${entryName(later.entry)} (${bandText(later.band)}) and ${entryName(earlier.entry)} (${bandText(earlier.band)}) both hold ${describeInterval(shared, kind)}`,
            hint: fixes.length
              ? `start ${entryName(later.entry)} at ${newLow}${kind === "integer" ? " (integer bands include both ends)" : " (a decimal band excludes its high end)"}`
              : `make the bands disjoint: each value may fall in one entry only`,
            fixes,
          });
        }
      }
    }
  },
};

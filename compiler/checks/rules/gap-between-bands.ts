// ISU0502: values between two numeric bands of a group that no band holds;
// individuals with those values would fall out of every split table.
import { bandText, declaredInterval, entryName, gapsBetween, sortedBands, valuesPhrase } from "../support/bands.js";
import type { Fix } from "../../syntax/diagnostic.js";
import { groupSource } from "../support/group-source.js";
import { facts } from "../../semantics/facts.js";
import type { Rule } from "../engine/rule.js";

export const gapBetweenBands: Rule = {
  meta: {
    code: "ISU0502",
    name: "gap-between-bands",
    defaultSeverity: "warning",
    description: "Values between two numeric bands of a comparison group belong to no band.",
    docs: `A value that falls between two bands belongs to no entry of the group, so individuals with it disappear from every table split by the group (they are neither counted in an entry nor as missing). Integer bands include both ends, so \`65..79\` is followed without a gap by \`80..\`; decimal bands exclude their high end, so \`0..5\` is followed by \`5..10\`. Only values the source variable can take count: with \`integer 18..120\`, bands \`..17\` and \`30..\` leave 18..29 uncovered. Extend the earlier band or start the later one sooner (the fixes do either).`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const g of facts(r).groups) {
      const src = groupSource(r, g.decl);
      if (!src || (src.kind !== "integer" && src.kind !== "decimal")) continue;
      const kind = src.kind;
      for (const gap of gapsBetween(sortedBands(g.decl, kind), declaredInterval(src.variable.decl.type), kind)) {
        const { before, after } = gap;
        const values = valuesPhrase(gap.values, kind);
        const fixes: Fix[] = [];
        const startAt = kind === "integer" ? before.interval.hi + 1 : before.interval.hi;
        const endAt = kind === "integer" ? after.interval.lo - 1 : after.interval.lo;
        if (after.band.low && before.band.high) {
          fixes.push({ title: `Start ${entryName(after.entry)} at ${startAt}`, preferred: true, edits: [{ file: g.file, range: after.band.low.range, newText: String(startAt) }] });
          fixes.push({ title: `End ${entryName(before.entry)} at ${endAt}`, edits: [{ file: g.file, range: before.band.high.range, newText: String(endAt) }] });
        }
        ctx.report({
          file: g.file,
          range: after.band.range,
          message: `gap in group '${g.name}': ${values.text} ${values.single ? "lies" : "lie"} between ${entryName(before.entry)} (${bandText(before.band)}) and ${entryName(after.entry)} (${bandText(after.band)}) and ${values.single ? "belongs" : "belong"} to no entry`,
          hint: fixes.length ? `start ${entryName(after.entry)} at ${startAt}, or end ${entryName(before.entry)} at ${endAt}` : `make the bands meet so every value belongs to an entry`,
          fixes,
        });
      }
    }
  },
};

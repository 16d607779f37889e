// ISU0504: a comparison group formed from a variable that cannot be grouped,
// or mapped the wrong way (bands of a choice variable, codes of a number).
import { bandText } from "../support/bands.js";
import { groupSource } from "../support/group-source.js";
import { kindAsVariable } from "../support/measure-kind.js";
import { facts } from "../../semantics/facts.js";
import type { Rule } from "../engine/rule.js";

export const groupSourceType: Rule = {
  meta: {
    code: "ISU0504",
    name: "group-source-type",
    defaultSeverity: "error",
    description: "A comparison group's source cannot be grouped, or its entries map the wrong kind of values.",
    docs: `A comparison group maps the values of one single-valued variable to a few entries: numeric bands (\`65..79\`) for an integer or decimal variable, or codes of the value set (\`= ensam, sambo\`) for a choice variable. Free text, dates and yes/no answers cannot be grouped, and a multiple-choice answer could fall in several entries at once. Group a suitable variable instead (a yes/no answer can be used in a split as it is), map codes for a choice variable and bands for a number.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const g of facts(r).groups) {
      const d = g.decl;
      const src = groupSource(r, d);
      if (!src) continue;
      const what = `'${src.variable.name}' is ${kindAsVariable(src.kind)}`;
      if (src.kind === "text" || src.kind === "date" || src.kind === "boolean" || src.kind === "multiple") {
        ctx.report({
          file: g.file,
          range: d.source.name.range,
          message: `group '${g.name}' cannot be formed from '${src.variable.name}': it is ${kindAsVariable(src.kind)}`,
          hint:
            src.kind === "boolean"
              ? `split by '${src.variable.name}' directly, without a group`
              : src.kind === "multiple"
                ? `an individual may give several answers, so they could fall in several entries; count '${src.variable.name}' instead, or group a single-choice variable`
                : `group a choice, integer or decimal variable instead`,
        });
        continue;
      }
      for (const e of d.entries) {
        if (e.band && src.kind === "choice") {
          ctx.report({
            file: g.file,
            range: e.band.range,
            message: `group '${g.name}' maps the range ${bandText(e.band)}, but ${what} (value set '${src.valueset?.name ?? (src.variable.decl.type.kind === "valueset" ? src.variable.decl.type.valueset.text : "")}')`,
            hint: `list the value set's codes instead: \`"${e.label.text.value}" = <code>, <code>\``,
          });
        }
        if (e.values.length > 0 && (src.kind === "integer" || src.kind === "decimal")) {
          const first = e.values[0]!;
          const last = e.values[e.values.length - 1]!;
          const range = { start: first.range.start, end: last.range.end };
          const nums = e.values.every((v) => v.kind === "number") ? e.values.map((v) => v.value as number).sort((a, b) => a - b) : undefined;
          const band = nums ? `${nums[0]}..${nums[nums.length - 1]}` : undefined;
          // Consecutive whole numbers say exactly what the band says.
          const same = !!nums && src.kind === "integer" && nums.every((n, i) => Number.isInteger(n) && (i === 0 || n === nums[i - 1]! + 1));
          ctx.report({
            file: g.file,
            range,
            message: `group '${g.name}' maps the ${e.values.length === 1 ? "code" : "codes"} ${e.values.map((v) => v.raw).join(", ")}, but ${what}`,
            hint: band ? `map a range of values instead: \`= ${band}\`` : `map a range of values instead, e.g. \`= 65..79\` or \`= 80..\``,
            ...(same && band ? { fixes: [{ title: `Map the range ${band}`, preferred: true, edits: [{ file: g.file, range, newText: band }] }] } : {}),
          });
        }
      }
    }
  },
};

// ISU0802: a `min_cell` below 3 all but switches off small-cell suppression:
// tables then show counts of one or two individuals, who can be recognised.
// With sensitive data in the plan that is an error, not a warning.
import { DEFAULT_MIN_CELL } from "../../vocabulary/defaults.js";
import type { Rule } from "../engine/rule.js";

/** The smallest `min_cell` that still hides the counts of one or two individuals. */
export const LOWEST_SAFE_MIN_CELL = 3;

export const lowMinCell: Rule = {
  meta: {
    code: "ISU0802",
    name: "low-min-cell",
    defaultSeverity: "warning",
    description: `\`min_cell\` is below ${LOWEST_SAFE_MIN_CELL}, so tables show counts of one or two individuals (an error when the plan holds sensitive data).`,
    docs: `\`min_cell\` is the smallest count a generated table shows; smaller counts are hidden in every report, with the cells they could be derived from, so that no one can be picked out of the tables (docs/protection.md). With \`min_cell 1\` nothing is hidden and with \`min_cell 2\` only single individuals are, so a table of, say, age group by sex can point at the one or two people in a cell. That is a warning; when the plan holds sensitive data (any variable marked \`sensitive\`, such as \`sensitive health\`) it is an error, since those tables can then reveal, for instance, someone's health. Use \`min_cell ${LOWEST_SAFE_MIN_CELL}\` or more (the default is ${DEFAULT_MIN_CELL}), or leave the setting out. A plan that deliberately shows every count (test data, a plan without personal data) can say so with \`rule low-min-cell off\`.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const plan = r.plan;
    if (!plan) return;
    for (const s of plan.decl.settings) {
      if (s.key !== "min_cell") continue;
      const n = s.number.value;
      // Values below 1, decimals and overlong literals are ISU0902's and ISU0207's.
      if (!Number.isInteger(n) || n < 1 || n >= LOWEST_SAFE_MIN_CELL) continue;
      const sensitive = [...r.variables.values()].map((v) => v.decl).find((v) => v.sensitive.length > 0);
      const hides = n === 1 ? "hides no count at all" : "hides only counts of a single individual";
      ctx.report({
        file: plan.file,
        range: s.number.range,
        message: sensitive
          ? `min_cell ${s.number.raw} ${hides}, and the plan holds sensitive data ('${sensitive.name.text}' is sensitive ${sensitive.sensitive.map((c) => c.text).join(", ")}): its tables could reveal individuals`
          : `min_cell ${s.number.raw} ${hides}: a table can then show a cell of ${n === 1 ? "one individual" : "two individuals"}, who can be recognised`,
        hint: `use min_cell ${LOWEST_SAFE_MIN_CELL} or more (the default is ${DEFAULT_MIN_CELL}), or leave the setting out`,
        fixes: [{ title: `Change to min_cell ${DEFAULT_MIN_CELL}`, preferred: true, edits: [{ file: plan.file, range: s.number.range, newText: String(DEFAULT_MIN_CELL) }] }],
        ...(sensitive ? { severity: "error" as const } : {}),
      });
    }
  },
};

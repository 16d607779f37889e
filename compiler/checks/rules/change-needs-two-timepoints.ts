// ISU0305: a change compares a later time point with an earlier one; from = to or
// a reversed pair measures nothing or turns improvement into worsening.
import { declarationsOf, importedOrderNote, refTarget } from "../support/check-support.js";
import { replace } from "../support/source-edits.js";
import type { Fix } from "../../syntax/diagnostic.js";
import type { Rule } from "../engine/rule.js";
import { timepointsSetting } from "../../semantics/resolve.js";
import { recordedAt, tpOrder } from "../../semantics/time.js";

export const changeNeedsTwoTimepoints: Rule = {
  meta: {
    code: "ISU0305",
    name: "change-needs-two-timepoints",
    defaultSeverity: "error",
    description: "A change does not go from an earlier to a later time point.",
    docs: `\`change v from t1 to t2\` compares each individual's value at \`t1\` with the value at a later \`t2\`: the transition table and the improved / unchanged / worsened counts rest on that order. With \`from\` and \`to\` the same there is no change to measure; with \`to\` before \`from\` every improvement would be counted as a worsening. Time points are ordered as they are declared (imported files first), or as the plan's \`timepoints\` setting lists them. Name two different time points, the earlier after \`from\`; the quick fix swaps a reversed pair.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const { decl: q, file } of declarationsOf(r, "Question")) {
      for (const a of q.analyses) {
        if (a.kind !== "change" || !r.timepoints.has(a.from.text) || !r.timepoints.has(a.to.text)) continue;
        const from = tpOrder(r, a.from.text);
        const to = tpOrder(r, a.to.text);
        if (from < to) continue;
        const range = { start: a.from.range.start, end: a.to.range.end };
        const owner = `question '${q.name.text}': change of '${a.variable.text}'`;
        if (from > to) {
          ctx.report({
            file,
            range,
            message: `${owner} goes from '${a.from.text}' back to the earlier '${a.to.text}'`,
            hint: `write 'from ${a.to.text} to ${a.from.text}': time points are ordered ${timepointsSetting(r) ? "as 'timepoints' lists them" : "as declared"}${importedOrderNote(r, [a.from.text, a.to.text])}`,
            fixes: [{ title: `Swap to 'from ${a.to.text} to ${a.from.text}'`, preferred: true, edits: [replace(file, a.from.range, a.to.text), replace(file, a.to.range, a.from.text)] }],
          });
          continue;
        }
        const v = refTarget(r, file, a.variable);
        const later = v ? recordedAt(r, v).filter((t) => tpOrder(r, t) > from) : [];
        const earlier = v ? recordedAt(r, v).filter((t) => tpOrder(r, t) < from) : [];
        const fixes: Fix[] = [];
        if (later[0]) fixes.push({ title: `Change to '${later[0]}'`, preferred: true, edits: [replace(file, a.to.range, later[0])] });
        else if (earlier.length) fixes.push({ title: `Change from '${earlier[earlier.length - 1]}'`, preferred: true, edits: [replace(file, a.from.range, earlier[earlier.length - 1]!)] });
        ctx.report({
          file,
          range,
          message: `${owner} goes from '${a.from.text}' to the same time point`,
          hint: later[0]
            ? `compare with a later time point: 'from ${a.from.text} to ${later[0]}'`
            : earlier.length
              ? `compare with an earlier time point: 'from ${earlier[earlier.length - 1]} to ${a.to.text}'`
              : `record '${a.variable.text}' at two time points and compare them`,
          fixes,
        });
      }
    }
  },
};

// ISU0403: a goal is set first and measured against later; read at the same time
// point (or after) it is no goal but a second measurement.
import { declarationsOf, importedOrderNote, refTarget, setTimepointEdit } from "../support/check-support.js";
import type { Fix } from "../../syntax/diagnostic.js";
import type { Rule } from "../engine/rule.js";
import { recordedAt, targetTimepoint, tpOrder } from "../../semantics/time.js";

export const goalNotBeforeMeasurement: Rule = {
  meta: {
    code: "ISU0403",
    name: "goal-not-before-measurement",
    defaultSeverity: "error",
    description: "An attainment's goal is read at the same or a later time point than the measurement.",
    docs: `Goal attainment compares what was measured with what was intended beforehand: in IBIC the intended functioning is set at the assessment and the functioning is measured at the follow-up. A goal read at the same time point as the measurement, or later, can be adjusted to the result and says nothing about whether the goal was reached. Read the goal at an earlier time point than the measurement (\`attainment forflyttning at uppfoljning against forflyttning_mal at bedomning\`); the quick fixes move the measurement later or the goal earlier when the variables are recorded there.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const { decl: q, file } of declarationsOf(r, "Question")) {
      for (const a of q.analyses) {
        if (a.kind !== "attainment") continue;
        const target = refTarget(r, file, a.target.name);
        const goal = refTarget(r, file, a.goal.name);
        if (!target || !goal) continue;
        const tAt = recordedAt(r, target);
        const gAt = recordedAt(r, goal);
        const tp = targetTimepoint(r, a.target).tp;
        const gp = targetTimepoint(r, a.goal).tp;
        // Unknown or unrecorded time points are ISU0303/ISU0304/ISU0312's to report.
        if (!tp || !gp || !tAt.includes(tp) || !gAt.includes(gp)) continue;
        if (tpOrder(r, gp) < tpOrder(r, tp)) continue;
        const fixes: Fix[] = [];
        const laterMeasure = tAt.filter((t) => tpOrder(r, t) > tpOrder(r, gp)).pop();
        const earlierGoal = gAt.filter((t) => tpOrder(r, t) < tpOrder(r, tp)).pop();
        if (laterMeasure) fixes.push({ title: `Measure '${target.name}' at '${laterMeasure}'`, edits: [setTimepointEdit(file, a.target, laterMeasure)] });
        if (earlierGoal) fixes.push({ title: `Read goal '${goal.name}' at '${earlierGoal}'`, edits: [setTimepointEdit(file, a.goal, earlierGoal)] });
        if (fixes.length === 1) fixes[0]!.preferred = true;
        const when = gp === tp ? `the same time point as` : `after`;
        ctx.report({
          file,
          range: a.goal.range,
          message: `question '${q.name.text}': goal '${goal.name}' is read at '${gp}', ${when} the measurement '${target.name}' at '${tp}'`,
          hint:
            (laterMeasure
              ? `measure at a later time point: 'attainment ${target.name} at ${laterMeasure} against ${goal.name}${a.goal.timepoint ? ` at ${gp}` : ""}'`
              : earlierGoal
                ? `read the goal earlier: '${goal.name} at ${earlierGoal}'`
                : `record the goal '${goal.name}' at a time point before '${tp}', when the goal is set`) + importedOrderNote(r, [gp, tp]),
          fixes,
        });
      }
    }
  },
};

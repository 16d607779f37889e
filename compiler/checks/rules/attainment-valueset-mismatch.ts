// ISU0311: a goal is comparable with a measurement only on the same scale.
import type * as A from "../../syntax/ast.js";
import { declarationsOf, refTarget } from "../support/check-support.js";
import { replace } from "../support/source-edits.js";
import { describeMeasure } from "../support/measure-kind.js";
import type { Rule } from "../engine/rule.js";

export const attainmentValuesetMismatch: Rule = {
  meta: {
    code: "ISU0311",
    name: "attainment-valueset-mismatch",
    defaultSeverity: "error",
    description: "An attainment compares a measurement with a goal on another value set.",
    docs: `\`attainment forflyttning at uppfoljning against forflyttning_mal\` asks whether the measured value reached the intended one, value by value on one scale. That is only defined when the goal is recorded on the same value set as the measurement (in IBIC, assessed, intended and follow-up functioning all use the same severity scale). Declare the goal variable on the measurement's value set; the quick fix changes its type.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const { decl: q, file } of declarationsOf(r, "Question")) {
      for (const a of q.analyses) {
        if (a.kind !== "attainment") continue;
        const target = refTarget(r, file, a.target.name);
        const goal = refTarget(r, file, a.goal.name);
        if (target?.kind !== "variable" || goal?.kind !== "variable") continue;
        const tt = (target.decl as A.VariableDecl).type;
        const gt = (goal.decl as A.VariableDecl).type;
        // Without a value set on the measurement ISU0306 already says what is wrong.
        if (tt.kind !== "valueset" || tt.multiple || !r.valuesets.has(tt.valueset.text)) continue;
        if (gt.kind === "valueset" && !r.valuesets.has(gt.valueset.text)) continue;
        if (gt.kind === "valueset" && !gt.multiple && gt.valueset.text === tt.valueset.text) continue;
        const vs = tt.valueset.text;
        ctx.report({
          file,
          range: a.goal.name.range,
          message: `question '${q.name.text}': goal '${goal.name}' is ${describeMeasure(goal)}, but '${target.name}' is on value set '${vs}'`,
          hint: `declare '${goal.name}' on value set '${vs}' ('variable ${goal.name} "…" : ${vs} …') so the two can be compared`,
          ...(gt.kind === "valueset" && !gt.multiple ? { fixes: [{ title: `Declare '${goal.name}' on value set '${vs}'`, preferred: true, edits: [replace(goal.file, gt.valueset.range, vs)] }] } : {}),
        });
      }
    }
  },
};

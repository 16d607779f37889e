// ISU0903: the plan's `timepoints` list decides the order every change,
// split and goal is judged by, so it must place each time point exactly once.

import type { Rule } from "../engine/rule.js";
import { timepointsSetting } from "../../semantics/resolve.js";
import { insertAt, removeListItem } from "../support/source-edits.js";
import { facts } from "../../semantics/facts.js";

export const timepointOrder: Rule = {
  meta: {
    code: "ISU0903",
    name: "timepoint-order",
    defaultSeverity: "error",
    description: "The plan's `timepoints` list leaves out a time point or names one twice.",
    docs: `Time points are ordered as they are declared, with those of imported files first. When that is not the order of the follow-up — a shared module declares \`uppf_12m\` while the plan declares its own \`inskrivning\` — the plan block states it: \`timepoints inskrivning, uppf_6m, uppf_12m\`. Changes (\`from\` an earlier \`to\` a later time point), splits and conditions (known when the analysis measures) and goals (set before the measurement) are all judged by this order, and the forms and tables follow it. The list must therefore name every declared time point exactly once: one left out would have no place in the order, one named twice two places. Add the missing time point where it belongs (the quick fix appends it), or remove the repeated name (the fix does this).`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const setting = timepointsSetting(r);
    if (!r.plan || !setting) return;
    const file = r.plan.file;
    const sf = ctx.source(file);
    const seen = new Set<string>();
    setting.names.forEach((n, i) => {
      // An undeclared name is ISU0101's to report.
      if (!r.timepoints.has(n.text)) return;
      if (!seen.has(n.text)) {
        seen.add(n.text);
        return;
      }
      const remove = removeListItem(
        sf,
        setting.names.map((x) => x.range),
        i,
      );
      ctx.report({
        file,
        range: n.range,
        message: `time point '${n.text}' is named twice in 'timepoints'`,
        hint: `keep '${n.text}' once, at its place in the order`,
        ...(remove ? { fixes: [{ title: `Remove the repeated '${n.text}'`, preferred: true, edits: [remove] }] } : {}),
      });
    });
    const last = setting.names[setting.names.length - 1]!;
    const range = { start: setting.names[0]!.range.start, end: last.range.end };
    const missing = facts(r).timepoints.filter((t) => !seen.has(t.name));
    for (const t of missing) {
      ctx.report({
        file,
        range,
        message: `'timepoints' does not list time point '${t.name}'`,
        hint: `add '${t.name}' to 'timepoints' at its place in the order: every time point must be listed once`,
        fixes: [{ title: `Add '${t.name}' to 'timepoints'`, preferred: true, edits: [insertAt(file, last.range.end, `, ${t.name}`)] }],
      });
    }
  },
};

// ISU0303: a variable (or group) is read at a time point where it is never recorded.
import type * as A from "../../syntax/ast.js";
import { addTimepointFix, declarationsOf, quoteList, recordingVariable, refTarget } from "../support/check-support.js";
import { replace } from "../support/source-edits.js";
import type { Fix } from "../../syntax/diagnostic.js";
import { measureWord } from "../support/measure-kind.js";
import type { Resolution, Sym } from "../../semantics/resolve.js";
import type { Report, Rule } from "../engine/rule.js";
import { comparisons, recordedAt } from "../../semantics/time.js";

export const notCollectedAt: Rule = {
  meta: {
    code: "ISU0303",
    name: "not-collected-at",
    defaultSeverity: "error",
    description: "A variable is read at a time point where it is not recorded.",
    docs: `A variable exists in the data only at the time points in its \`at\` list: the registration form for another time point has no field for it and its table no column. A question that reads it \`at\` another time point (or a change \`from\`/\`to\` one) cannot be answered — its figures would be all missing. A group is recorded where its source variable is, or only at the time point its \`from … at\` names. Add the time point to the variable's \`at\` list (the quick fix does), or ask at a time point where it is recorded.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const check = (file: string, owner: string, sym: Sym | undefined, tpName: A.Name, change?: boolean): void => {
      const tp = tpName.text;
      if (!sym || !r.timepoints.has(tp)) return;
      const at = recordedAt(r, sym);
      if (at.length === 0 || at.includes(tp)) return;
      ctx.report(report(r, file, owner, sym, tpName, at, change));
    };
    const checkRef = (file: string, owner: string, ref: A.VarRef): void => {
      if (ref.timepoint) check(file, owner, refTarget(r, file, ref.name), ref.timepoint);
    };
    const checkCondition = (file: string, owner: string, c: A.Condition): void => {
      for (const cmp of comparisons(c)) checkRef(file, owner, cmp.subject);
    };

    for (const { decl: q, file } of declarationsOf(r, "Question")) {
      const owner = `question '${q.name.text}'`;
      for (const a of q.analyses) {
        switch (a.kind) {
          case "count":
          case "summary":
            checkRef(file, owner, a.target);
            break;
          case "crosstab":
            checkRef(file, owner, a.target);
            checkRef(file, owner, a.other);
            break;
          case "attainment":
            checkRef(file, owner, a.target);
            checkRef(file, owner, a.goal);
            break;
          case "change": {
            const v = refTarget(r, file, a.variable);
            check(file, owner, v, a.from, true);
            if (a.to.text !== a.from.text) check(file, owner, v, a.to, true);
            break;
          }
        }
      }
      for (const s of q.splits) for (const p of s.parts) checkRef(file, owner, p);
      for (const w of q.where) checkCondition(file, owner, w);
    }
    for (const { decl: v, file } of declarationsOf(r, "Variable")) if (v.condition) checkCondition(file, `variable '${v.name.text}'`, v.condition);
    for (const { decl: g, file } of declarationsOf(r, "Group")) checkRef(file, `group '${g.name.text}'`, g.source);
  },
};

function report(r: Resolution, file: string, owner: string, sym: Sym, tpName: A.Name, at: string[], change?: boolean): Report {
  const tp = tpName.text;
  const recorder = recordingVariable(r, sym);
  const fixes: Fix[] = [];
  const add = recorder && addTimepointFix(r, recorder, tp);
  if (add) fixes.push(add);
  if (!change) for (const t of at) fixes.push({ title: `Ask at '${t}'`, edits: [replace(file, tpName.range, t)] });
  const elsewhere = !change
    ? `or ask at ${quoteList(at, "or")}`
    : at.length > 1
      ? `or compare time points it is recorded at (${quoteList(at)})`
      : `so that it is recorded at both time points the change compares`;
  let hint: string;
  if (sym.kind === "group" && !recorder) hint = `group '${sym.name}' is formed from '${(sym.decl as A.GroupDecl).source.name.text}' at ${quoteList(at)} only; ask at ${quoteList(at, "or")}`;
  else if (sym.kind === "group") hint = `add '${tp}' to the 'at' list of its source variable '${recorder!.name}', ${elsewhere}`;
  else hint = `add '${tp}' to its 'at' list, ${elsewhere}`;
  return { file, range: tpName.range, message: `${owner}: ${measureWord(sym)} '${sym.name}' is not recorded at '${tp}'`, hint, fixes };
}

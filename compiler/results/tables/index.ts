// From counts to the published tables: each question's finest-grain counts
// rolled up into its true tables, all tables protected together as one
// problem, and the Results (results.json) built from what protection shows.
import { questionGrain } from "../../model/grain.js";
import type { PlanModel } from "../../model/index.js";
import type { ProtectionOutcome, ProtectionProblem } from "../protect/problem.js";
import type { Results } from "../published.js";
import { readBasis } from "./basis.js";
import { CountsError } from "./cells.js";
import { protectionProblem } from "./problem.js";
import { publish } from "./publish.js";
import { rollUp } from "./roll-up.js";
import type { CountsRow } from "./types.js";

export { CountsError } from "./cells.js";
export { readBasis } from "./basis.js";
export { protectionProblem, populationKey } from "./problem.js";
export { publish, pinned } from "./publish.js";
export { rollUp, tableId } from "./roll-up.js";
export { PRECISION, round } from "./precision.js";
export type * from "./types.js";

export interface ResultsOptions {
  lang: string;
  /** Where the counts came from (Results.source). */
  source: string;
  protect: (p: ProtectionProblem) => Promise<ProtectionOutcome>;
}

export async function resultsFromCounts(model: PlanModel, counts: { question: string; rows: CountsRow[] }[], basisRows: CountsRow[], opts: ResultsOptions): Promise<Results> {
  const byQuestion = new Map(counts.map((c) => [c.question, c.rows]));
  for (const c of counts)
    if (!model.questions.some((q) => q.name === c.question))
      throw new CountsError(`the counts name a question '${c.question}' that this plan does not have: were they made from another version of the plan?`);
  const questions = model.questions.map((q) => {
    const rows = byQuestion.get(q.name);
    if (!rows) throw new CountsError(`the counts have no rows for question '${q.name}': run every query of this plan's queries.<dialect>.sql, not only some.`);
    return rollUp(model, questionGrain(model, q), rows);
  });
  const basis = readBasis(model, basisRows);
  const problem = protectionProblem(model, questions, basis, { lang: opts.lang });
  const outcome = await opts.protect(problem);
  return publish(model, questions, basis, problem, outcome, { lang: opts.lang, source: opts.source });
}

// ISU0801: with the expected number of individuals, a split gives so many
// cells that most would hold fewer than min_cell individuals and be suppressed.
import type * as A from "../../syntax/ast.js";
import { DEFAULT_MIN_CELL } from "../../vocabulary/defaults.js";
import { lookupMeasure, type Resolution } from "../../semantics/resolve.js";
import type { Rule } from "../engine/rule.js";
import { facts } from "../../semantics/facts.js";

/** A whole number ≥ 1 from a plan setting (ISU0902 reports other values). */
function wholeSetting(plan: A.PlanDecl, key: "min_cell" | "expected"): number | undefined {
  const s = plan.settings.find((x) => x.key === key);
  const n = s && (s.key === "min_cell" || s.key === "expected") ? s.number.value : undefined;
  return n !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** How many categories a variable or group shows in a table (missing codes excluded), when it is categorical. */
export function categoryCount(r: Resolution, name: string): number | undefined {
  const sym = lookupMeasure(r, name);
  if (!sym) return undefined;
  if (sym.kind === "group") {
    const n = (sym.decl as A.GroupDecl).entries.length;
    return n > 0 ? n : undefined;
  }
  const t = (sym.decl as A.VariableDecl).type;
  if (t.kind === "boolean") return 2;
  if (t.kind !== "valueset") return undefined;
  const vs = r.valuesets.get(t.valueset.text);
  const n = vs?.decl.values.filter((v) => !v.missing).length;
  return n ? n : undefined;
}

function round(x: number): string {
  return String(Math.round(x * 10) / 10);
}

export const smallCells: Rule = {
  meta: {
    code: "ISU0801",
    name: "small-cells",
    defaultSeverity: "info",
    description: "A split gives cells expected to hold fewer than `min_cell` individuals.",
    docs: `When the plan states how many individuals it expects (\`expected 400\`), the checker estimates how many fall in each cell of a split table: the expected number divided by the number of cells, which is the product of the categories of every split variable or group (missing codes excluded) and, for \`count\` and \`crosstab\`, of the analysed variables' categories. A cell below \`min_cell\` (default ${DEFAULT_MIN_CELL}) is suppressed in every generated table to protect individuals from being identified, so a split whose average cell is that small shows almost nothing. Merge categories into a comparison group with fewer entries, split by fewer variables at once (\`by kon, aldersgrupp\` instead of \`by kon * aldersgrupp\`), or drop the split. The estimate assumes individuals spread evenly; real tables have smaller cells than the average.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const plan = r.plan?.decl;
    if (!plan) return;
    const expected = wholeSetting(plan, "expected");
    if (expected === undefined) return;
    const minCell = wholeSetting(plan, "min_cell") ?? DEFAULT_MIN_CELL;
    for (const q of facts(r).questions) {
      const a = q.decl.analyses[0];
      if (!a) continue;
      const analysed = a.kind === "count" ? [a.target] : a.kind === "crosstab" ? [a.target, a.other] : [];
      for (const split of q.decl.splits) {
        const factors: { name: string; n: number | undefined }[] = [...split.parts, ...analysed].map((p) => ({ name: p.name.text, n: categoryCount(r, p.name.text) }));
        if (factors.some((f) => f.n === undefined)) continue;
        const cells = factors.reduce((acc, f) => acc * f.n!, 1);
        const perCell = expected / cells;
        if (perCell >= minCell) continue;
        const splitText = split.parts.map((p) => p.name.text).join(" * ");
        ctx.report({
          file: q.file,
          range: split.range,
          message: `question '${q.name}' by ${splitText}: about ${round(perCell)} individuals a cell (${expected} expected over ${cells} cells: ${factors.map((f) => `${f.name} ${f.n}`).join(" × ")}), below min_cell ${minCell}`,
          hint: `merge categories into a group with fewer entries, split by fewer variables at once, or drop the split; cells below ${minCell} are suppressed`,
        });
      }
    }
  },
};

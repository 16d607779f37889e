// ISU0902: a plan setting with a value the compiler cannot use, or a
// single-valued setting given twice (which one would count is not obvious).
import type * as A from "../../syntax/ast.js";
import type { Rule } from "../engine/rule.js";
import { closest } from "../support/suggest.js";
import { removeLines } from "../support/source-edits.js";
import { isLanguage, LANGUAGES } from "../../vocabulary/languages.js";

const either = (words: readonly string[]) => words.join(" or ");

const SINGLE_VALUED = new Set<A.PlanSetting["key"]>(["organisation", "version", "language", "min_cell", "expected", "purpose", "timepoints"]);

export const invalidPlanSetting: Rule = {
  meta: {
    code: "ISU0902",
    name: "invalid-plan-setting",
    defaultSeverity: "error",
    description: "A plan setting has an invalid value, or a single-valued setting is given twice.",
    configurable: false,
    docs: `The plan block's settings steer what the compiler generates, so each must have a usable value: \`language\` is ${either(LANGUAGES.map((l) => `\`${l}\``))} (the languages the forms and the handbook are written in; other languages can be added as \`translations\`); \`min_cell\` (the smallest count a table may show) and \`expected\` (the number of individuals the follow-up expects) are whole numbers of at least 1. \`organisation\`, \`version\`, \`language\`, \`timepoints\`, \`min_cell\`, \`expected\`, \`purpose\`, each \`label <language>\` and each \`purpose <language>\` may be given once; write several \`note\` and \`legal_basis\` settings freely. Correct the value, or remove the repeated setting (the fix does this).`,
  },
  check(ctx) {
    const plan = ctx.resolution.plan;
    if (!plan) return;
    const sf = ctx.source(plan.file);
    const seen = new Map<string, A.PlanSetting>();
    for (const s of plan.decl.settings) {
      // A purpose and its translation into each language are one each; notes and legal bases are many.
      const translated = s.key === "label" || s.key === "purpose" ? s.lang : undefined;
      const purposeTranslation = s.key === "purpose" && translated !== undefined;
      const key = translated ? `${s.key} ${translated.text}` : s.key;
      const first = seen.get(key);
      if (first && (SINGLE_VALUED.has(s.key) || s.key === "label" || purposeTranslation)) {
        ctx.report({
          file: plan.file,
          range: s.range,
          message: `'${key}' is given twice in plan '${plan.name}' (first on line ${first.range.start.line})`,
          hint: `keep one '${key}' setting`,
          fixes: [{ title: `Remove this '${key}'`, preferred: true, edits: [removeLines(sf, s.range)] }],
        });
        continue;
      }
      seen.set(key, s);
      if (s.key === "language" && !isLanguage(s.lang.text)) {
        const guess = closest(s.lang.text, LANGUAGES);
        ctx.report({
          file: plan.file,
          range: s.lang.range,
          message: `unknown plan language '${s.lang.text}'`,
          hint: `write ${either(LANGUAGES.map((l) => `'language ${l}'`))}${guess ? ` (did you mean '${guess}'?)` : ""}; other languages can be given as 'translations'`,
          ...(guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ file: plan.file, range: s.lang.range, newText: guess }] }] } : {}),
        });
      }
      // A literal too long to be a finite number is ISU0207's (number-out-of-range).
      if ((s.key === "min_cell" || s.key === "expected") && Number.isFinite(s.number.value) && !(Number.isInteger(s.number.value) && s.number.value >= 1)) {
        const rounded = Math.max(1, Math.round(s.number.value));
        ctx.report({
          file: plan.file,
          range: s.number.range,
          message: `${s.key} must be a whole number of at least 1, not ${s.number.raw}`,
          hint: s.key === "min_cell" ? `the smallest count a table may show, e.g. 'min_cell 5'` : `the number of individuals the follow-up expects, e.g. 'expected 400'`,
          fixes: [{ title: `Change to ${rounded}`, edits: [{ file: plan.file, range: s.number.range, newText: String(rounded) }] }],
        });
      }
    }
  },
};

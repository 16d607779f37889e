// ISU0703: the plan promises labels in another language (`translations en`)
// and a label has no translation, so the form and handbook would mix languages.
import type * as A from "../ast.js";
import type { Rule } from "../rule.js";
import { hasSyntaxProblem } from "../syntax-guard.js";

interface Labelled {
  what: string;
  file: string;
  range: A.Range;
  translations: A.Translation[];
  /** Where the label's own range lies, to skip text the parser could not read. */
  declRange: A.Range;
}

export const missingTranslation: Rule = {
  meta: {
    code: "ISU0703",
    name: "missing-translation",
    defaultSeverity: "warning",
    description: "The plan promises `translations` and a label lacks one.",
    docs: `\`translations en\` in the plan block promises every label in English too: the plan's title, time points, value sets and their values, variables, comparison groups and their entries, and questions. The form and the handbook in that language use these labels, and a missing one would show in the plan's own language instead. Add \`label en "…"\` inside the declaration's braces (for a value or group entry, in braces after it: \`kvinna "Kvinna" { label en "Woman" }\`), or remove the language from \`translations\`.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const plan = r.plan;
    if (!plan) return;
    const settings = plan.decl.settings;
    const own = settings.find((s) => s.key === "language")?.lang.text ?? "sv";
    const langs = [...new Set(settings.flatMap((s) => (s.key === "translations" ? s.langs.map((l) => l.text) : [])))].filter((l) => l !== own);
    if (langs.length === 0) return;

    const items: Labelled[] = [];
    const add = (what: string, file: string, label: A.TextLit | undefined, name: A.Name, translations: A.Translation[], declRange: A.Range): void => {
      items.push({ what, file, range: label?.range ?? name.range, translations, declRange });
    };
    add(`plan '${plan.name}'`, plan.file, plan.decl.label, plan.decl.name, settings.flatMap((s) => (s.key === "label" ? [s.translation] : [])), plan.decl.range);
    const all = [...r.timepoints.values(), ...r.valuesets.values(), ...r.variables.values(), ...r.groups.values(), ...r.questions.values()].sort((a, b) => a.index - b.index);
    for (const s of all) {
      const d = s.decl;
      switch (d.kind) {
        case "Timepoint":
          add(`time point '${s.name}'`, s.file, d.label, d.name, d.translations, d.range);
          break;
        case "Valueset":
          add(`value set '${s.name}'`, s.file, d.label, d.name, d.translations, d.range);
          for (const v of d.values) items.push({ what: `value '${v.code.value}' of value set '${s.name}'`, file: s.file, range: v.label.range, translations: v.translations, declRange: v.range });
          break;
        case "Variable":
          add(`variable '${s.name}'`, s.file, d.label, d.name, d.translations, d.range);
          break;
        case "Group":
          add(`group '${s.name}'`, s.file, d.label, d.name, d.translations, d.range);
          for (const e of d.entries) items.push({ what: `entry '${e.name?.text ?? e.label.value}' of group '${s.name}'`, file: s.file, range: e.label.range, translations: e.translations, declRange: e.range });
          break;
        case "Question":
          add(`question '${s.name}'`, s.file, d.label, d.name, d.translations, d.range);
          break;
        default:
          break;
      }
    }
    for (const it of items) {
      const missing = langs.filter((l) => !it.translations.some((t) => t.lang.text === l));
      if (missing.length === 0 || hasSyntaxProblem(r, it.file, it.declRange)) continue;
      ctx.report({
        file: it.file,
        range: it.range,
        message: `${it.what} has no label in ${missing.map((l) => `'${l}'`).join(", ")}`,
        hint: `add ${missing.map((l) => `\`label ${l} "…"\``).join(" and ")}, as the plan promises \`translations ${langs.join(", ")}\``,
      });
    }
  },
};

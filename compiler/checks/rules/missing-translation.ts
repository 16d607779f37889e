// ISU0703: the plan promises labels in another language (`translations en`)
// and a label has no translation, so the form and handbook would mix languages.
import type * as A from "../../syntax/ast.js";
import type { Rule } from "../engine/rule.js";
import { hasSyntaxProblem } from "../support/syntax-guard.js";
import { DEFAULT_LANGUAGE } from "../../vocabulary/languages.js";

interface Labelled {
  what: string;
  file: string;
  range: A.Range;
  translations: A.Translation[];
  /** Where the label's own range lies, to skip text the parser could not read. */
  declRange: A.Range;
  /** For a plan text rather than a label: its keyword (`purpose`, `note`, `when` …). */
  keyword?: string;
}

export const missingTranslation: Rule = {
  meta: {
    code: "ISU0703",
    name: "missing-translation",
    defaultSeverity: "warning",
    description: "The plan promises `translations` and a label or a plan text lacks one.",
    docs: `\`translations en\` in the plan block promises every label in English too: the plan's title, time points, value sets and their values, variables, comparison groups and their entries, and questions. It promises the plan's texts in English as well: the \`purpose\`, each \`note\` and \`legal_basis\` in the plan block, each time point's \`when\` and each variable's \`reason\`. The form and the handbook in that language use these labels and texts, and a missing one would show in the plan's own language instead. Add \`label en "…"\` inside the declaration's braces (for a value or group entry, in braces after it: \`kvinna "Kvinna" { label en "Woman" }\`); for a text, write it again with the language code after its keyword (\`purpose en """…"""\`, \`when en "…"\`, \`reason en "…"\`; a \`note en "…"\` or \`legal_basis en "…"\` translates the nearest untagged one before it). Or remove the language from \`translations\`. Units are not checked: many read the same in every language, and \`unit en "…"\` is there for those that do not.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const plan = r.plan;
    if (!plan) return;
    const settings = plan.decl.settings;
    const own = settings.find((s) => s.key === "language")?.lang.text ?? DEFAULT_LANGUAGE;
    const langs = [...new Set(settings.flatMap((s) => (s.key === "translations" ? s.langs.map((l) => l.text) : [])))].filter((l) => l !== own);
    if (langs.length === 0) return;

    const items: Labelled[] = [];
    const add = (what: string, file: string, label: A.TextLit | undefined, name: A.Name, translations: A.Translation[], declRange: A.Range): void => {
      items.push({ what, file, range: label?.range ?? name.range, translations, declRange });
    };
    add(
      `plan '${plan.name}'`,
      plan.file,
      plan.decl.label,
      plan.decl.name,
      settings.flatMap((s) => (s.key === "label" ? [s.translation] : [])),
      plan.decl.range,
    );
    // Plan texts: a translation line belongs to the latest untagged text of its kind before it.
    const latest = new Map<string, Labelled>();
    for (const st of settings) {
      if (st.key === "purpose" || st.key === "note" || st.key === "legal_basis") {
        if (st.key === "purpose" && latest.has("purpose")) continue; // a second purpose is ISU0902's concern
        const it: Labelled = { what: `the plan's ${st.key}`, file: plan.file, range: st.text.range, translations: [], declRange: st.range, keyword: st.key };
        latest.set(st.key, it);
        items.push(it);
      } else if (st.key === "text_translation") latest.get(st.of)?.translations.push(st.translation);
    }
    const all = [...r.timepoints.values(), ...r.valuesets.values(), ...r.variables.values(), ...r.groups.values(), ...r.questions.values()].sort((a, b) => a.index - b.index);
    for (const s of all) {
      const d = s.decl;
      switch (d.kind) {
        case "Timepoint":
          add(`time point '${s.name}'`, s.file, d.label, d.name, d.translations, d.range);
          if (d.when) items.push({ what: `the 'when' of time point '${s.name}'`, file: s.file, range: d.when.range, translations: d.whenTranslations ?? [], declRange: d.range, keyword: "when" });
          break;
        case "Valueset":
          add(`value set '${s.name}'`, s.file, d.label, d.name, d.translations, d.range);
          for (const v of d.values) items.push({ what: `value '${v.code.value}' of value set '${s.name}'`, file: s.file, range: v.label.range, translations: v.translations, declRange: v.range });
          break;
        case "Variable":
          add(`variable '${s.name}'`, s.file, d.label, d.name, d.translations, d.range);
          if (d.reason)
            items.push({ what: `the reason of variable '${s.name}'`, file: s.file, range: d.reason.range, translations: d.reasonTranslations ?? [], declRange: d.range, keyword: "reason" });
          break;
        case "Group":
          add(`group '${s.name}'`, s.file, d.label, d.name, d.translations, d.range);
          for (const e of d.entries)
            items.push({ what: `entry '${e.name?.text ?? e.label.value}' of group '${s.name}'`, file: s.file, range: e.label.range, translations: e.translations, declRange: e.range });
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
        message: `${it.what} has no ${it.keyword ? "translation" : "label"} in ${missing.map((l) => `'${l}'`).join(", ")}`,
        hint: `add ${missing.map((l) => `\`${it.keyword ?? "label"} ${l} "…"\``).join(" and ")}${it.keyword === "note" || it.keyword === "legal_basis" ? " right after it" : ""}, as the plan promises \`translations ${langs.join(", ")}\``,
      });
    }
  },
};

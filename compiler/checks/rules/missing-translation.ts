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
    const add = (what: string, file: string, label: A.LocalizedText, name: A.Name, declRange: A.Range): void => {
      items.push({ what, file, range: label.text?.range ?? name.range, translations: label.translations, declRange });
    };
    add(`plan '${plan.name}'`, plan.file, plan.decl.label, plan.decl.name, plan.decl.range);
    // Plan texts (a second purpose is ISU0902's concern); the parser skipping text is judged on the text's own line.
    // (Found by place, not by identity: the language server's incremental parse copies declarations.)
    const lineOf = (t: A.TextLit): A.Range => settings.find((s) => "text" in s && s.text.range.start.offset === t.range.start.offset)!.range;
    const planText = (keyword: "purpose" | "note" | "legal_basis", t: A.LocalizedText | undefined): void => {
      if (t?.text) items.push({ what: `the plan's ${keyword}`, file: plan.file, range: t.text.range, translations: t.translations, declRange: lineOf(t.text), keyword });
    };
    planText("purpose", plan.decl.purpose);
    for (const n of plan.decl.notes) planText("note", n);
    for (const b of plan.decl.legalBases) planText("legal_basis", b);
    const all = [...r.timepoints.values(), ...r.valuesets.values(), ...r.variables.values(), ...r.groups.values(), ...r.questions.values()].sort((a, b) => a.index - b.index);
    for (const s of all) {
      const d = s.decl;
      switch (d.kind) {
        case "Timepoint":
          add(`time point '${s.name}'`, s.file, d.label, d.name, d.range);
          if (d.when?.text)
            items.push({ what: `the 'when' of time point '${s.name}'`, file: s.file, range: d.when.text.range, translations: d.when.translations, declRange: d.range, keyword: "when" });
          break;
        case "Valueset":
          add(`value set '${s.name}'`, s.file, d.label, d.name, d.range);
          for (const v of d.values)
            items.push({ what: `value '${v.code.value}' of value set '${s.name}'`, file: s.file, range: v.label.text.range, translations: v.label.translations, declRange: v.range });
          break;
        case "Variable":
          add(`variable '${s.name}'`, s.file, d.label, d.name, d.range);
          if (d.reason?.text)
            items.push({ what: `the reason of variable '${s.name}'`, file: s.file, range: d.reason.text.range, translations: d.reason.translations, declRange: d.range, keyword: "reason" });
          break;
        case "Group":
          add(`group '${s.name}'`, s.file, d.label, d.name, d.range);
          for (const e of d.entries)
            items.push({ what: `entry '${e.name?.text ?? e.label.text.value}' of group '${s.name}'`, file: s.file, range: e.label.text.range, translations: e.label.translations, declRange: e.range });
          break;
        case "Question":
          add(`question '${s.name}'`, s.file, d.label, d.name, d.range);
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

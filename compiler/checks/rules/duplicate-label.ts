// ISU0203: two values of a value set (or two entries of a group) with the same
// label: the form shows two options nobody can tell apart.
import type * as A from "../../syntax/ast.js";
import type { Rule, RuleContext } from "../engine/rule.js";

interface Labelled {
  /** How the value or entry is named in a message: `'sambo'`. */
  id: string;
  /** Same-code values are ISU0202's concern; they share a key. */
  key: string;
  label: A.RequiredText;
}

const same = (s: string): string => s.trim().replace(/\s+/g, " ").toLowerCase();

function checkLabels(ctx: RuleContext, file: string, owner: string, items: Labelled[]): void {
  const langs = new Set(items.flatMap((i) => i.label.translations.map((t) => t.lang.text)));
  const versions: [string | undefined, (i: Labelled) => A.TextLit | undefined][] = [
    [undefined, (i) => i.label.text],
    ...[...langs].map((l): [string, (i: Labelled) => A.TextLit | undefined] => [l, (i) => i.label.translations.find((t) => t.lang.text === l)?.text]),
  ];
  for (const [lang, labelOf] of versions) {
    const seen = new Map<string, Labelled>();
    for (const item of items) {
      const label = labelOf(item);
      if (!label) continue;
      const first = seen.get(same(label.value));
      if (!first) {
        seen.set(same(label.value), item);
        continue;
      }
      if (first.key === item.key) continue;
      const inLang = lang ? ` (label ${lang})` : "";
      ctx.report({
        file,
        range: label.range,
        message: `${item.id} has the same label${inLang} as ${first.id} in ${owner}: ${JSON.stringify(label.value)}`,
        hint: `give ${item.id} a label of its own, so forms and tables can tell the two apart`,
      });
    }
  }
}

export const duplicateLabel: Rule = {
  meta: {
    code: "ISU0203",
    name: "duplicate-label",
    defaultSeverity: "warning",
    description: "Two values of a value set (or two entries of a group) have the same label.",
    docs: `The label is what the person registering sees in the form and what a reader sees in the tables. Two values (or two group entries) with the same label — in the plan's language or in a translation — look like one option, so answers are split between them at random and the table shows two rows with one name. Give each value a label that says how it differs; if they really mean the same, keep one value.`,
  },
  check(ctx) {
    for (const sf of ctx.resolution.program.files) {
      for (const d of sf.ast.declarations) {
        if (d.kind === "Valueset") {
          const items = d.values.map((v) => ({ id: `'${v.code.value}'`, key: v.code.kind === "number" ? `#${Number(v.code.value)}` : v.code.value, label: v.label }));
          checkLabels(ctx, sf.path, `value set '${d.name.text}'`, items);
        }
        if (d.kind === "Group") {
          const items = d.entries.map((e, i) => ({ id: e.name ? `'${e.name.text}'` : `entry ${i + 1}`, key: e.name ? e.name.text : `#entry${i}`, label: e.label }));
          checkLabels(ctx, sf.path, `group '${d.name.text}'`, items);
        }
      }
    }
  },
};

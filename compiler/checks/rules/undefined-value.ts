// ISU0201: a code in a group mapping or a condition that the value set (or
// the group) it is compared with does not define.
import type * as A from "../../syntax/ast.js";
import type { Fix } from "../../syntax/diagnostic.js";
import type { ValueReference } from "../../semantics/resolve.js";
import type { Rule } from "../engine/rule.js";
import { insertBeforeClosingBrace } from "../support/source-edits.js";
import { closest, foldAscii, toIdentifier } from "../support/suggest.js";

const NUMBER = /^-?\d+(\.\d+)?$/;

/** The code the user most likely meant: the closest code, else the value whose label reads like what was written. */
function guessValue(written: string, values: A.ValueDecl[]): A.ValueDecl | undefined {
  const byCode = closest(
    written,
    values.map((v) => v.code.value),
  );
  if (byCode !== undefined) return values.find((v) => v.code.value === byCode);
  const folded = toIdentifier(written);
  const byLabel = values.filter((v) => toIdentifier(v.label.text.value) === folded || (folded.length >= 3 && toIdentifier(v.label.text.value).startsWith(folded)));
  if (byLabel.length === 1) return byLabel[0];
  const guess = closest(
    written,
    values.map((v) => toIdentifier(v.label.text.value)),
  );
  return guess === undefined ? undefined : values.find((v) => toIdentifier(v.label.text.value) === guess);
}

/** A label for a value the fix adds: the code in words, for the user to refine. */
export function labelFor(code: string): string {
  const words = foldAscii(code).replace(/_+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function listed(codes: string[]): string {
  return codes.length <= 8
    ? codes.map((c) => `'${c}'`).join(", ")
    : `${codes
        .slice(0, 8)
        .map((c) => `'${c}'`)
        .join(", ")} …`;
}

export const undefinedValue: Rule = {
  meta: {
    code: "ISU0201",
    name: "undefined-value",
    defaultSeverity: "error",
    description: "A code is used that the value set or group does not define.",
    docs: `A group mapping (\`"Ensamboende" = ensam\`) or a condition (\`where kon = kvinna\`, \`when boende in (ensam, sambo)\`) uses a code that the variable's value set — or, for a group, its entries — does not define. No registered answer can ever carry that code, so the group would stay empty and the condition never hold. The hint suggests the closest code (by spelling, or by a label that reads like what was written); correct the code, or add the value to the value set if it is missing there.`,
  },
  check(ctx) {
    for (const vr of ctx.resolution.valueRefs) {
      if (vr.subject.kind === "group") {
        if (!vr.entry) reportEntry(vr);
        continue;
      }
      if (vr.value || !vr.valueset) continue;
      const values = vr.valueset.decl.values;
      // A number against a set whose codes are all words is a type mismatch (ISU0204).
      if (NUMBER.test(vr.code) && values.length > 0 && !values.some((v) => v.code.kind === "number")) continue;
      const vs = vr.valueset;
      const guess = guessValue(vr.code, values);
      const fixes: Fix[] = [];
      if (guess) fixes.push({ title: `Change to '${guess.code.value}'`, preferred: true, edits: [{ file: vr.file, range: vr.range, newText: guess.code.value }] });
      const line = `${vr.code} ${JSON.stringify(labelFor(vr.code))}`;
      const add = insertBeforeClosingBrace(ctx.source(vs.file), vs.decl.range, line, values[values.length - 1]?.range);
      if (add) fixes.push({ title: `add '${line}' to valueset ${vs.name}`, edits: [add] });
      const of = vr.subject.name === vs.name ? "" : ` (the values of '${vr.subject.name}')`;
      ctx.report({
        file: vr.file,
        range: vr.range,
        message: `value set '${vs.name}'${of} has no value '${vr.code}'`,
        hint: guess
          ? `did you mean '${guess.code.value}' (${JSON.stringify(guess.label.text.value)})?`
          : `use one of ${listed(values.map((v) => v.code.value))}, or add '${line}' to valueset ${vs.name}`,
        ...(fixes.length ? { fixes } : {}),
      });
    }

    function reportEntry(vr: ValueReference): void {
      const g = vr.subject.decl as A.GroupDecl;
      const names = g.entries.map((e, i) => (e.name ? e.name.text : String(i + 1)));
      const guess = closest(vr.code, names);
      ctx.report({
        file: vr.file,
        range: vr.range,
        message: `group '${g.name.text}' has no entry '${vr.code}'`,
        hint: guess ? `did you mean '${guess}'?` : names.length ? `use one of its entries: ${listed(names)}` : `give the group's entries names (\`yngre "Under 65 år" = ..64\`) and use those`,
        ...(guess ? { fixes: [{ title: `Change to '${guess}'`, preferred: true, edits: [{ file: vr.file, range: vr.range, newText: guess }] }] } : {}),
      });
    }
  },
};

// ISU0102: a name that exists, but as another kind of thing than may stand
// here (`count kon` where `kon` is only a value set). undefined-name stays
// silent for exactly these references (isOtherKind), so each gets one message.
import type * as A from "../../syntax/ast.js";
import type { Fix } from "../../syntax/diagnostic.js";
import type { Reference, Resolution, Sym, SymbolKind } from "../../semantics/resolve.js";
import type { Rule } from "../engine/rule.js";
import { closest } from "../support/suggest.js";
import { isOtherKind } from "./undefined-name.js";
import { KIND_WORDS, withArticle } from "../../semantics/kind-words.js";

function tableOf(r: Resolution, k: SymbolKind): Map<string, Sym> | undefined {
  const t = { timepoint: r.timepoints, valueset: r.valuesets, variable: r.variables, group: r.groups, question: r.questions, plan: undefined }[k];
  return t as Map<string, Sym> | undefined;
}

/** What the name does stand for (a name can be a variable and a value set at once). */
function actualSymbols(r: Resolution, ref: Reference): Sym[] {
  const out: Sym[] = [];
  for (const k of ["variable", "group", "valueset", "timepoint", "question"] as SymbolKind[]) {
    const s = ref.expected.includes(k) ? undefined : tableOf(r, k)?.get(ref.name);
    if (s) out.push(s);
  }
  return out;
}

/** A name of the expected kind that the user most likely meant, and why. */
function intended(r: Resolution, ref: Reference, actual: Sym): { name: string; why: string } | { advice: string } {
  const wantsVariable = ref.expected.includes("variable");
  if (wantsVariable && actual.kind === "valueset") {
    const on = [...r.variables.values()].filter((v) => v.decl.type.kind === "valueset" && v.decl.type.valueset.text === actual.name).map((v) => v.name);
    if (on.length === 1) return { name: on[0]!, why: `the variable on value set '${actual.name}'` };
    if (on.length > 1) return { advice: `use a variable on value set '${actual.name}': ${on.map((n) => `'${n}'`).join(", ")}` };
    return { advice: `declare a variable on it (\`variable ${actual.name} "…" : ${actual.name} at …\`) and use that` };
  }
  if (wantsVariable && actual.kind === "group") {
    const source = (actual.decl as A.GroupDecl).source.name.text;
    if (r.variables.has(source)) return { name: source, why: `the variable group '${actual.name}' is formed from` };
  }
  if (ref.expected.includes("valueset") && actual.kind === "variable") {
    const t = (actual.decl as A.VariableDecl).type;
    if (t.kind === "valueset" && r.valuesets.has(t.valueset.text)) return { name: t.valueset.text, why: `the value set of variable '${actual.name}'` };
  }
  const candidates = ref.expected.flatMap((k) => [...(tableOf(r, k)?.keys() ?? [])]);
  const guess = closest(ref.name, candidates);
  if (guess) {
    const kind = ref.expected.find((k) => tableOf(r, k)?.has(guess))!;
    return { name: guess, why: withArticle(KIND_WORDS[kind]) };
  }
  if (candidates.length > 0 && candidates.length <= 6) return { advice: `use ${ref.expected.map((k) => withArticle(KIND_WORDS[k])).join(" or ")} here: ${candidates.map((n) => `'${n}'`).join(", ")}` };
  return { advice: `use ${ref.expected.map((k) => withArticle(KIND_WORDS[k])).join(" or ")} here` };
}

export const wrongKind: Rule = {
  meta: {
    code: "ISU0102",
    name: "wrong-kind",
    defaultSeverity: "error",
    description: "A name is used where another kind of thing must stand.",
    docs: `Each place in a plan takes one kind of name: an analysis counts or summarises a variable or group, \`at\` and \`from … to\` take time points, a variable's type is a value set. Value sets, time points and variables live in separate namespaces, so \`kon\` can be both a value set and a variable, but \`count kon\` needs the variable. The hint names the variable on the value set, the variable a group is formed from, or the closest name of the right kind; use that, or declare what is missing.`,
  },
  check(ctx) {
    const r = ctx.resolution;
    for (const ref of r.refs) {
      if (ref.target || !isOtherKind(r, ref.name, ref.expected)) continue;
      const found = actualSymbols(r, ref);
      const actual = found[0];
      if (!actual) continue;
      const wanted = ref.expected.map((k) => KIND_WORDS[k]).join(" or ");
      const suggestion = intended(r, ref, actual);
      const fixes: Fix[] = [];
      let hint: string;
      if ("name" in suggestion) {
        hint = `did you mean '${suggestion.name}' (${suggestion.why})?`;
        fixes.push({ title: `Change to '${suggestion.name}'`, preferred: true, edits: [{ file: ref.file, range: ref.range, newText: suggestion.name }] });
      } else {
        hint = suggestion.advice;
      }
      ctx.report({
        file: ref.file,
        range: ref.range,
        message: `'${ref.name}' is ${found.map((f) => withArticle(KIND_WORDS[f.kind])).join(" and ")}, not ${withArticle(wanted)}`,
        hint,
        ...(fixes.length ? { fixes } : {}),
      });
    }
  },
};

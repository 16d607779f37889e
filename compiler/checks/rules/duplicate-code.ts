// ISU0202: one code given to two values of a value set (or one name to two
// entries of a group): a stored answer could not say which value it means.
import type * as A from "../../syntax/ast.js";
import type { Rule } from "../engine/rule.js";
import { canonicalNumber, INTEGER_MAX } from "../../vocabulary/numbers.js";
import { toIdentifier } from "../support/suggest.js";

/** Number codes compare by value (`1` and `01` are one code), exactly, on their text (beyond 2^53 a float would merge neighbours); word codes by spelling. */
function codeKey(c: A.ValueDecl["code"]): string {
  return c.kind === "number" ? `#${canonicalNumber(c.value)}` : c.value;
}

/** An unused code for a repeated value: the next number after the scale values, or a word made from its label. */
function freeCode(vs: A.ValuesetDecl, v: A.ValueDecl): string | undefined {
  const used = new Set(vs.values.map((x) => codeKey(x.code)));
  if (v.code.kind === "number") {
    if (!Number.isInteger(Number(v.code.value))) return undefined;
    const scale = vs.values.filter((x) => x.code.kind === "number" && !x.missing).map((x) => Number(x.code.value));
    let n = Math.max(Number(v.code.value), ...scale.filter(Number.isFinite)) + 1;
    // Only codes an integer column holds (ISU0207); beyond 2^53, n + 1 === n and the search would never end.
    while (n <= INTEGER_MAX && used.has(`#${n}`)) n++;
    return n <= INTEGER_MAX ? String(n) : undefined;
  }
  const word = toIdentifier(v.label.text.value);
  return used.has(word) ? undefined : word;
}

export const duplicateCode: Rule = {
  meta: {
    code: "ISU0202",
    name: "duplicate-code",
    defaultSeverity: "error",
    description: "Two values of a value set (or two entries of a group) have the same code.",
    docs: `The code is what is stored for an answer and what conditions and groups refer to, so within one value set each code may appear once (\`1\` and \`01\` count as the same number); likewise each named entry of a group. With a repeated code the database cannot tell the two values apart and the form offers two options that mean the same. Give the value a code of its own, or remove the repeated line.`,
  },
  check(ctx) {
    for (const sf of ctx.resolution.program.files)
      for (const d of sf.ast.declarations) {
        if (d.kind === "Valueset") valueset(sf.path, d);
        if (d.kind === "Group") group(sf.path, d);
      }

    function valueset(file: string, vs: A.ValuesetDecl): void {
      const seen = new Map<string, A.ValueDecl>();
      for (const v of vs.values) {
        const key = codeKey(v.code);
        const first = seen.get(key);
        if (!first) {
          seen.set(key, v);
          continue;
        }
        const free = freeCode(vs, v);
        ctx.report({
          file,
          range: v.code.range,
          message: `code '${v.code.value}' appears twice in value set '${vs.name.text}' (first on line ${first.code.range.start.line}, ${JSON.stringify(first.label.text.value)})`,
          hint: free
            ? `give ${JSON.stringify(v.label.text.value)} a code of its own, e.g. '${free}', or remove the repeated line`
            : `give ${JSON.stringify(v.label.text.value)} a code of its own, or remove the repeated line`,
          ...(free ? { fixes: [{ title: `Change the code to '${free}'`, preferred: true, edits: [{ file, range: v.code.range, newText: free }] }] } : {}),
        });
      }
    }

    function group(file: string, g: A.GroupDecl): void {
      const seen = new Map<string, A.GroupEntry>();
      for (const e of g.entries) {
        if (!e.name) continue;
        const first = seen.get(e.name.text);
        if (!first) {
          seen.set(e.name.text, e);
          continue;
        }
        ctx.report({
          file,
          range: e.name.range,
          message: `entry name '${e.name.text}' appears twice in group '${g.name.text}' (first on line ${first.name!.range.start.line})`,
          hint: `give ${JSON.stringify(e.label.text.value)} a name of its own`,
        });
      }
    }
  },
};

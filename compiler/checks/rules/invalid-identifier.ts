// ISU0104: a declared name or value code that is not NAME_SHAPE. Names
// become SQL column and table names and JSON keys, so they stay plain ASCII;
// the lexer still accepts `kön` so that this rule can say `kon` instead.
import type * as A from "../../syntax/ast.js";
import type { TextEdit } from "../../syntax/diagnostic.js";
import type { Resolution, Sym } from "../../semantics/resolve.js";
import type { Rule, RuleContext } from "../engine/rule.js";
import { toIdentifier } from "../support/suggest.js";
import { NAME_SHAPE, VALID_NAME as VALID } from "../../vocabulary/identifiers.js";
import { KIND_WORDS } from "../../semantics/kind-words.js";
import type { SymbolKind } from "../../semantics/resolve.js";

/** toIdentifier(name), numbered when that name is already taken. */
function freeName(name: string, taken: Set<string>): string {
  const base = toIdentifier(name);
  let out = base;
  for (let i = 2; taken.has(out); i++) out = `${base}_${i}`;
  return out;
}

function report(ctx: RuleContext, what: (name: string) => string, file: string, name: A.Name | { text: string; range: A.Range }, taken: Set<string>, uses: TextEdit[]): void {
  const fixed = freeName(name.text, taken);
  ctx.report({
    file,
    range: name.range,
    message: `${what(name.text)} is not a valid name: use lower-case a–z, digits and _, starting with a letter`,
    hint: `use '${fixed}'${uses.length ? ` (the fix renames ${uses.length === 1 ? "its use" : `all ${uses.length} uses`} too)` : ""}`,
    fixes: [{ title: `Rename to '${fixed}'`, preferred: true, edits: [{ file, range: name.range, newText: fixed }, ...uses.map((u) => ({ ...u, newText: fixed }))] }],
  });
}

function symbolOf(r: Resolution, d: A.TimepointDecl | A.ValuesetDecl | A.VariableDecl | A.GroupDecl | A.QuestionDecl): { sym?: Sym; taken: Set<string> } {
  const table: Map<string, Sym> = { Timepoint: r.timepoints, Valueset: r.valuesets, Variable: r.variables, Group: r.groups, Question: r.questions }[d.kind];
  const taken = d.kind === "Variable" || d.kind === "Group" ? new Set([...r.variables.keys(), ...r.groups.keys()]) : new Set(table.keys());
  const sym = table.get(d.name.text);
  return sym && sym.decl === d ? { sym, taken } : { taken };
}

export const invalidIdentifier: Rule = {
  meta: {
    code: "ISU0104",
    name: "invalid-identifier",
    defaultSeverity: "error",
    description: "A name or value code is not a plain lower-case ASCII identifier.",
    docs: `Names of plans, time points, value sets, variables, groups and questions, group entry names and value codes that are words become column, table and file names in the generated database, queries and forms, so they are written \`${NAME_SHAPE}\`: lower-case ASCII letters, digits and \`_\`, starting with a letter. Swedish letters, capitals, spaces and hyphens belong in the label in quotes, which can say anything. The fix renames the declaration and every use of it to the suggested name (\`kön\` → \`kon\`, \`Ålder\` → \`alder\`).`,
  },
  check(ctx) {
    const r = ctx.resolution;
    const refEdits = (sym: Sym | undefined): TextEdit[] => (sym ? r.refs.filter((x) => x.target === sym).map((x) => ({ file: x.file, range: x.range, newText: "" })) : []);
    for (const sf of r.program.files) {
      for (const d of sf.ast.declarations) {
        if (d.kind === "Import") continue;
        if (d.kind === "Plan") {
          if (!VALID.test(d.name.text)) report(ctx, (n) => `plan '${n}'`, sf.path, d.name, new Set(), []);
          continue;
        }
        if (!VALID.test(d.name.text)) {
          const { sym, taken } = symbolOf(r, d);
          report(ctx, (n) => `${KIND_WORDS[d.kind.toLowerCase() as SymbolKind]} '${n}'`, sf.path, d.name, taken, refEdits(sym));
        }
        if (d.kind === "Valueset") {
          const codes = new Set(d.values.map((v) => v.code.value));
          for (const v of d.values) {
            if (v.code.kind !== "code" || VALID.test(v.code.value)) continue;
            const uses = r.valueRefs.filter((x) => x.value === v).map((x) => ({ file: x.file, range: x.range, newText: "" }));
            report(ctx, (n) => `code '${n}' in value set '${d.name.text}'`, sf.path, { text: v.code.value, range: v.code.range }, codes, uses);
          }
        }
        if (d.kind === "Group") {
          const names = new Set(d.entries.flatMap((e) => (e.name ? [e.name.text] : [])));
          for (const e of d.entries) {
            if (!e.name || VALID.test(e.name.text)) continue;
            const uses = r.valueRefs.filter((x) => x.entry === e).map((x) => ({ file: x.file, range: x.range, newText: "" }));
            report(ctx, (n) => `entry '${n}' in group '${d.name.text}'`, sf.path, e.name, names, uses);
          }
        }
      }
    }
  },
};

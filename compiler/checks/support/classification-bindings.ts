// Classification bindings (`code icf "d450"`, `code ksi 2022 "…"`, `code kva
// "…"`) wherever the plan makes them: on variables and on values.
import type * as A from "../../syntax/ast.js";
import type { Resolution } from "../../semantics/resolve.js";

export interface Binding {
  classification: A.Classification;
  file: string;
  /** What carries it, for messages: "variable 'forflyttning'", "value '1' of value set 'x'". */
  owner: string;
}

export function classificationBindings(r: Resolution): Binding[] {
  const out: Binding[] = [];
  const decls = [...r.valuesets.values(), ...r.variables.values()].sort((a, b) => a.index - b.index);
  for (const s of decls) {
    const d = s.decl;
    if (d.kind === "Variable") for (const c of d.classifications) out.push({ classification: c, file: s.file, owner: `variable '${s.name}'` });
    if (d.kind === "Valueset") for (const v of d.values) for (const c of v.classifications) out.push({ classification: c, file: s.file, owner: `value '${v.code.value}' of value set '${s.name}'` });
  }
  return out;
}

/** The system's name as the model stores it (lower case). */
export function systemOf(c: A.Classification): string {
  return c.system.text.toLowerCase();
}

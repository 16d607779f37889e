// Which variables the plan's questions read, and which text variables are the
// `other` descriptions of choice variables. Mirrors the model's `usedBy` and
// `otherDescription` (compiler/model/index.ts), so the data-minimisation checks and
// the generated handbook and forms agree on what is used.
import type * as A from "../syntax/ast.js";
import type { Resolution, Sym } from "./resolve.js";
import { comparisons } from "./time.js";

/**
 * Variable and group names → the questions that read them: analysis targets
 * and operands, the changed variable, attainment targets and goals, splits and
 * `where` subjects. Reading a group reads its source variable.
 */
export function readers(r: Resolution): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const use = (name: string, q: string, seen = new Set<string>()): void => {
    if (seen.has(name)) return;
    seen.add(name);
    const g = r.groups.get(name);
    if (g) use(g.decl.source.name.text, q, seen);
    if (!out.has(name)) out.set(name, new Set());
    out.get(name)!.add(q);
  };
  for (const s of r.questions.values()) {
    const q = s.decl;
    for (const a of q.analyses) {
      switch (a.kind) {
        case "count":
        case "summary":
          use(a.target.name.text, s.name);
          break;
        case "crosstab":
          use(a.target.name.text, s.name);
          use(a.other.name.text, s.name);
          break;
        case "change":
          use(a.variable.text, s.name);
          break;
        case "attainment":
          use(a.target.name.text, s.name);
          use(a.goal.name.text, s.name);
          break;
      }
    }
    for (const sp of q.splits) for (const p of sp.parts) use(p.name.text, s.name);
    for (const w of q.where) for (const c of comparisons(w)) use(c.subject.name.text, s.name);
  }
  return out;
}

/** The codes of a choice variable's value set marked `other`. */
export function otherCodes(r: Resolution, v: A.VariableDecl): string[] {
  if (v.type.kind !== "valueset") return [];
  const vs = r.valuesets.get(v.type.valueset.text);
  return vs ? vs.decl.values.filter((x) => x.other).map((x) => x.code.value) : [];
}

/**
 * Choice variable → the text variable that describes its `other` answer: the
 * first text variable (in declaration order) whose `when` is one comparison
 * of that variable with one of its `other` codes.
 */
export function declaredOtherDescriptions(r: Resolution): Map<Sym<A.VariableDecl>, Sym<A.VariableDecl>> {
  const out = new Map<Sym<A.VariableDecl>, Sym<A.VariableDecl>>();
  const ordered = [...r.variables.values()].sort((a, b) => a.index - b.index);
  // Text variables by the variable their single comparison tests, in declaration order.
  const bySubject = new Map<string, Sym<A.VariableDecl>[]>();
  for (const t of ordered) {
    const c = t.decl.condition;
    if (t.decl.type.kind !== "text" || c?.kind !== "compare") continue;
    const list = bySubject.get(c.subject.name.text) ?? [];
    list.push(t);
    bySubject.set(c.subject.name.text, list);
  }
  for (const v of ordered) {
    const candidates = bySubject.get(v.name);
    if (!candidates) continue;
    const codes = otherCodes(r, v.decl);
    if (codes.length === 0) continue;
    const described = candidates.find((t) => (t.decl.condition as Extract<A.Condition, { kind: "compare" }>).values.some((x) => codes.includes(String(x.value))));
    if (described) out.set(v, described);
  }
  return out;
}

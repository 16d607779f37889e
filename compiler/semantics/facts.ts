// Facts derived from a resolution that several consumers need (the checks,
// the model, hover): computed once per resolution, on first use, and kept
// with it. A resolution is never changed after resolve(), so they stay true.
import type * as A from "../syntax/ast.js";
import type { Resolution, Sym } from "./resolve.js";
import { declaredOtherDescriptions, readers } from "./usage.js";

export interface Facts {
  /** Each kind of declaration in declaration order (imports first). */
  timepoints: readonly Sym<A.TimepointDecl>[];
  valuesets: readonly Sym<A.ValuesetDecl>[];
  variables: readonly Sym<A.VariableDecl>[];
  groups: readonly Sym<A.GroupDecl>[];
  questions: readonly Sym<A.QuestionDecl>[];
  /** Variable and group names → the questions that read them (usage.ts). */
  readers: ReadonlyMap<string, ReadonlySet<string>>;
  /** Choice variable → the text variable declared to describe its `other` answer. */
  otherDescriptions: ReadonlyMap<Sym<A.VariableDecl>, Sym<A.VariableDecl>>;
}

const cache = new WeakMap<Resolution, Facts>();

const ordered = <D extends A.Declaration>(m: Map<string, Sym<D>>): Sym<D>[] => [...m.values()].sort((a, b) => a.index - b.index);

/** The facts of a resolution, each computed the first time it is read. */
export function facts(r: Resolution): Facts {
  let f = cache.get(r);
  if (f) return f;
  const memo = <T>(compute: () => T) => {
    let value: T | undefined;
    let done = false;
    return () => {
      if (!done) {
        value = compute();
        done = true;
      }
      return value as T;
    };
  };
  const getters = {
    timepoints: memo(() => ordered(r.timepoints)),
    valuesets: memo(() => ordered(r.valuesets)),
    variables: memo(() => ordered(r.variables)),
    groups: memo(() => ordered(r.groups)),
    questions: memo(() => ordered(r.questions)),
    readers: memo(() => readers(r)),
    otherDescriptions: memo(() => declaredOtherDescriptions(r)),
  };
  f = Object.defineProperties({} as Facts, Object.fromEntries(Object.entries(getters).map(([k, get]) => [k, { get, enumerable: true }])));
  cache.set(r, f);
  return f;
}

/** Names of the variables some question reads (or `extraReads` names), plus the declared `other` descriptions of those. */
export function usedVariables(r: Resolution, extraReads: Iterable<string> = []): Set<string> {
  const f = facts(r);
  const used = new Set<string>([...f.readers.keys()].filter((n) => r.variables.has(n)));
  for (const name of extraReads) {
    used.add(name);
    const g = r.groups.get(name);
    if (g) used.add(g.decl.source.name.text);
  }
  for (const [choice, text] of f.otherDescriptions) if (used.has(choice.name)) used.add(text.name);
  return used;
}

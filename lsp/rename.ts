// Rename a time point, value set, variable, group, question or plan, a value
// code or a group entry, in every file that uses it. A new name must be a
// valid identifier that is not a keyword, and must not collide with another
// name of the same namespace (variables and groups share one; a value code
// with the other codes of its value set; an entry with its group's entries).
import * as nodePath from "node:path";
import { LSPErrorCodes, ResponseError, type Range, type TextEdit, type WorkspaceEdit } from "vscode-languageserver/node.js";
import { isKeyword } from "../grammar/keywords.js";
import { VALID_NAME } from "../compiler/vocabulary/identifiers.js";
import type { Resolution, Sym } from "../compiler/semantics/resolve.js";
import { toIdentifier } from "../compiler/checks/support/suggest.js";
import { declarationOf, namespaceOf, symName, targetKey, type Target } from "./occurrences.js";
import { toLspRange } from "./positions.js";
import { allOccurrences, targetAt } from "./references.js";
import type { Workspace } from "./workspace.js";
import { KIND_WORDS } from "../compiler/semantics/kind-words.js";

const NUMBER = /^-?\d+(\.\d+)?$/;

function refuse(message: string): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, message);
}

function describe(t: Target): string {
  switch (t.kind) {
    case "symbol":
      return `${KIND_WORDS[t.sym.kind]} '${t.sym.name}'`;
    case "value":
      return `value '${t.value.code.value}' of value set '${t.valueset.name}'`;
    case "entry":
      return `entry '${t.entry.name?.text ?? t.index + 1}' of group '${t.group.name}'`;
    default:
      return "this";
  }
}

export function prepareRename(ws: Workspace, path: string, offset: number): { range: Range; placeholder: string } | null {
  const t = targetAt(ws, path, offset);
  if (!t) {
    const unresolved = unresolvedAt(ws.resolution(path), path, offset);
    if (unresolved) throw refuse(`cannot rename '${unresolved}': no declaration of it was found (declare it first, or correct the spelling)`);
    return null;
  }
  if (t.target.kind === "entry" && !t.target.entry.name) throw refuse(`entry ${t.target.index + 1} of group '${t.target.group.name}' has no name to rename; give it one first`);
  return { range: toLspRange(t.occurrence.range), placeholder: currentName(t.target) };
}

function unresolvedAt(r: Resolution, path: string, offset: number): string | undefined {
  const ref = r.refs.find((x) => x.file === path && !x.target && x.range.start.offset <= offset && offset <= x.range.end.offset);
  return ref?.name;
}

function currentName(t: Target): string {
  switch (t.kind) {
    case "symbol":
      return t.sym.name;
    case "value":
      return t.value.code.value;
    case "entry":
      return t.entry.name?.text ?? "";
    default:
      return "";
  }
}

export function rename(ws: Workspace, path: string, offset: number, newName: string): WorkspaceEdit {
  const t = targetAt(ws, path, offset);
  if (!t) throw refuse("there is no name here to rename");
  prepareRename(ws, path, offset);
  const target = t.target;
  const old = currentName(target);
  newName = newName.trim();
  validate(target, newName);
  if (newName === old) return { changes: {} };
  const decl = declarationOf(target)!;
  for (const root of ws.contextRoots(decl.file)) {
    const r = ws.resolution(root);
    if (!r.program.byPath.has(decl.file)) continue;
    const clash = collision(r, target, newName);
    if (clash) throw refuse(`cannot rename ${describe(target)} to '${newName}': ${clash}`);
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const o of allOccurrences(ws, target, t.key)) {
    const uri = ws.uriOf(o.file);
    (changes[uri] ??= []).push({ range: toLspRange(o.range), newText: newName });
  }
  return { changes };
}

function validate(t: Target, name: string): void {
  if (t.kind === "value" && t.value.code.kind === "number") {
    if (!NUMBER.test(name)) throw refuse(`'${name}' is not a valid code for ${describe(t)}: the value set's codes are numbers, so the new code must be a number too`);
    return;
  }
  if (!VALID_NAME.test(name)) {
    const suggestion = name ? toIdentifier(name) : "";
    throw refuse(
      `'${name}' is not a valid name: names are lower-case ASCII letters, digits and '_', starting with a letter${suggestion && suggestion !== name ? ` (for example '${suggestion}')` : ""}`,
    );
  }
  if (isKeyword(name)) throw refuse(`'${name}' is a keyword of the language and cannot be used as a name`);
}

/** Why the new name is taken, or undefined when it is free. */
function collision(r: Resolution, t: Target, name: string): string | undefined {
  const where = (s: Sym) => `${nodePath.basename(s.file)}:${symName(s).range.start.line}`;
  switch (t.kind) {
    case "symbol": {
      const ns = namespaceOf(t.sym.kind);
      const key = targetKey(t);
      const candidates: (Sym | undefined)[] =
        ns === "variable" ? [r.variables.get(name), r.groups.get(name)] : ns === "plan" ? r.plans.filter((p) => p.name === name) : [(r[`${ns}s` as "timepoints"] as Map<string, Sym>).get(name)];
      const other = candidates.find((s) => s && targetKey({ kind: "symbol", sym: s }) !== key);
      return other ? `${KIND_WORDS[other.kind]} '${name}' already exists (${where(other)})${ns === "variable" ? "; variables and groups share one namespace" : ""}` : undefined;
    }
    case "value": {
      const same = t.valueset.decl.values.find((v) => v !== t.value && (v.code.value === name || (v.code.kind === "number" && NUMBER.test(name) && Number(v.code.value) === Number(name))));
      return same ? `value set '${t.valueset.name}' already has the code '${same.code.value}' ("${same.label.text.value}")` : undefined;
    }
    case "entry": {
      const same = t.group.decl.entries.find((e) => e !== t.entry && e.name?.text === name);
      return same ? `group '${t.group.name}' already has an entry '${name}' ("${same.label.text.value}")` : undefined;
    }
    default:
      return undefined;
  }
}

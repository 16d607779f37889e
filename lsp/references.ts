// Find references and document highlights. A declaration in an imported file
// is used by every plan that imports it, so references are gathered from
// every root that loads the declaring file: the open documents and the
// workspace's .isu files that import it.
import { DocumentHighlightKind, type DocumentHighlight, type Location } from "vscode-languageserver/node.js";
import { declarationOf, occurrences, targetKey, type Occurrence, type Target } from "./occurrences.js";
import { toLspRange } from "./positions.js";
import type { Workspace } from "./workspace.js";

/** What is at the position: the target with its key, or undefined for no name there. */
export function targetAt(ws: Workspace, path: string, offset: number): { occurrence: Occurrence; target: Target; key: string } | undefined {
  const o = occurrences(ws.resolution(path)).at(path, offset);
  if (!o) return undefined;
  const key = targetKey(o.target);
  return key ? { occurrence: o, target: o.target, key } : undefined;
}

/** Every occurrence of the target in every root that loads its declaring file, once each. */
export function allOccurrences(ws: Workspace, target: Target, key: string): Occurrence[] {
  const decl = declarationOf(target);
  if (!decl) return [];
  const seen = new Set<string>();
  const out: Occurrence[] = [];
  for (const root of ws.contextRoots(decl.file)) {
    const r = ws.resolution(root);
    if (!r.program.byPath.has(decl.file)) continue;
    for (const o of occurrences(r).withKey(key)) {
      const id = `${o.file}:${o.range.start.offset}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(o);
    }
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.range.start.offset - b.range.start.offset));
}

export function references(ws: Workspace, path: string, offset: number, includeDeclaration: boolean): Location[] {
  const t = targetAt(ws, path, offset);
  if (!t) return [];
  return allOccurrences(ws, t.target, t.key)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ uri: ws.uriOf(o.file), range: toLspRange(o.range) }));
}

export function highlights(ws: Workspace, path: string, offset: number): DocumentHighlight[] {
  const t = targetAt(ws, path, offset);
  if (!t) return [];
  return occurrences(ws.resolution(path))
    .inFile(path)
    .filter((o) => targetKey(o.target) === t.key)
    .map((o) => ({ range: toLspRange(o.range), kind: o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read }));
}
